import { describe, expect, it } from "vitest";
import { call, display, errorOf, fn1, list, shown, sym } from "./helpers.js";
import { indexString } from "../../runtime/methods/string.js";
import { namespaces } from "../../runtime/methods/table.js";
import type { Value } from "../../runtime/values/value.js";

const out = (...parts: string[]) => parts.join(" ");
const generate = (...args: Value[]) => namespaces.string!.generate!(null, args, null);

describe("length, emptiness, first/last (conformance core/string-length-empty-first-last)", () => {
  it("counts characters", () => {
    expect(out(shown("graphoid", "length"), shown("graphoid", "size"), shown("graphoid", "len"))).toBe("8 8 8");
    expect(out(shown("", "length"), shown("", "is_empty"), shown("x", "is_empty"), shown(" ", "is_empty"))).toBe(
      "0 true false false",
    );
    expect(shown("héllo→", "length")).toBe("6");
    expect(shown("a😀b", "length")).toBe("3");
  });

  it("first and last", () => {
    expect(out(shown("graphoid", "first"), shown("graphoid", "last"))).toBe("g d");
    expect(out(shown("", "first"), shown("", "last"))).toBe("none none");
    expect(out(shown("héllo→", "first"), shown("héllo→", "last"))).toBe("h →");
    expect(shown("😀x", "first")).toBe("😀");
  });
});

describe("s[i] (conformance core/string-indexing, collections/string-char-index)", () => {
  const s = "abcdef";
  it("reads characters, negative from the end", () => {
    expect([0, 1, 5, -1, -2, -6, 2.7].map((i) => indexString(s, i)).join(" ")).toBe("a b f f e a c");
    expect(indexString("héllo", 1)).toBe("é");
  });

  it("fails out of range", () => {
    expect(errorOf(() => indexString(s, 6))).toBe("String index 6 out of bounds");
    expect(errorOf(() => indexString(s, -7))).toBe("String index -7 out of bounds");
    expect(errorOf(() => indexString("word", -5))).toBe("String index -5 out of bounds");
  });

  it("astral characters are one position each", () => {
    expect([0, 1, 2].map((i) => indexString("a😀b", i)).join(",")).toBe("a,😀,b");
    expect(call("a😀b", "substring", 1, 3)).toBe("😀b");
    expect(errorOf(() => indexString("a😀b", 3))).toBe("String index 3 out of bounds");
  });

  it("indexing a long string in a loop stays linear", () => {
    const long = "xy".repeat(50_000);
    let out = "";
    for (let k = 0; k < 100_000; k++) out += indexString(long, k);
    expect(out).toBe(long);
  });

  it("negative indexes count back from the byte length", () => {
    expect(errorOf(() => indexString("héllo", -1))).toBe("String index -1 out of bounds");
    expect(indexString("héllo", -2)).toBe("o");
  });
});

describe("substring and slice (conformance core/string-substring-slice)", () => {
  const s = "conformance";
  it("clamps", () => {
    expect(out(shown(s, "substring", 0, 4), shown(s, "substring", 4, 8), shown(s, "slice", 4, 8))).toBe("conf orma orma");
    expect(out(shown(s, "substring", 3, 3), shown(s, "substring", 5, 2))).toBe(" ");
    expect(out(shown(s, "substring", 7, 100), shown(s, "slice", 0, 100))).toBe("ance conformance");
    expect(out(shown(s, "substring", -3, 2), shown(s, "slice", -1, 4))).toBe("co conf");
    expect(shown(s, "substring", 1.9, 4.2)).toBe("onf");
    expect(call(s, "substring", 11, 12)).toBe("");
    expect(out(shown("añb→c", "substring", 1, 4), shown("añb→c", "slice", 3, 5))).toBe("ñb→ →c");
  });

  it("errors", () => {
    expect(errorOf(() => call(s, "substring", 1))).toBe(
      "String method 'substring' expects 2 arguments (start, end), but got 1",
    );
    expect(errorOf(() => call(s, "substring", "a", 2))).toBe("Type error: expected number, got string");
  });
});

describe("case, trim, reverse (conformance core/string-case-trim-reverse)", () => {
  it("full Unicode case mapping", () => {
    expect(out(shown("Hello, World", "upper"), shown("Hello, World", "lower"))).toBe("HELLO, WORLD hello, world");
    expect(out(shown("straße", "upper"), shown("ÀÉÎ", "lower"))).toBe("STRASSE àéî");
  });

  it("trim uses Unicode White_Space", () => {
    expect(call("  \t padded text \n ", "trim")).toBe("padded text");
    expect(call("   ", "trim")).toBe("");
    expect(call("\u0085x\u3000", "trim")).toBe("x");
    expect(call("\ufeffx", "trim")).toBe("\ufeffx");
  });

  it("reverse by character", () => {
    expect(out(shown("stressed", "reverse"), shown("", "reverse"), shown("a→b", "reverse"))).toBe("desserts  b→a");
    expect(call("a😀b", "reverse")).toBe("b😀a");
  });
});

describe("split (conformance core/string-split)", () => {
  it("keeps empty parts", () => {
    const cases: [string, string, string][] = [
      ["a,b,c", ",", "[a, b, c]"],
      ["a,,b,", ",", "[a, , b, ]"],
      [",x", ",", "[, x]"],
      ["one two  three", " ", "[one, two, , three]"],
      ["ab", "", "[, a, b, ]"],
      ["no-delim", ";", "[no-delim]"],
      ["", ",", "[]"],
      ["a::b::c", "::", "[a, b, c]"],
    ];
    for (const [s, d, expected] of cases) expect(shown(s, "split", d)).toBe(expected);
    expect(shown(call("", "split", ","), "length")).toBe("1");
  });

  it("errors", () => {
    expect(errorOf(() => call("abc", "split"))).toBe("String method 'split' expects 1 argument (delimiter), but got 0");
    expect(errorOf(() => call("abc", "split", 1))).toBe("Type error: expected string, got num");
  });
});

describe("replace, index_of, contains, starts/ends_with (conformance core/string-replace-index-contains)", () => {
  const s = "banana band";
  it("replace replaces every occurrence", () => {
    expect(shown(s, "replace", "an", "AN")).toBe("bANANa bANd");
    expect(shown(s, "replace", "a", "")).toBe("bnn bnd");
    expect(out(shown(s, "replace", "xyz", "!"), shown(s, "replace", "banana", "mango"))).toBe("banana band mango band");
    expect(shown("aaa", "replace", "aa", "b")).toBe("ba");
    expect(shown("ab", "replace", "", "-")).toBe("-a-b-");
    expect(shown("a", "replace", "a", "$&")).toBe("$&");
  });

  it("index_of is a byte offset", () => {
    expect([call(s, "index_of", "an"), call(s, "index_of", "band"), call(s, "index_of", "q"), call(s, "index_of", "")]).toEqual([
      1, 7, -1, 0,
    ]);
    expect([call("é-x", "index_of", "x"), call("→ab", "index_of", "b")]).toEqual([3, 4]);
  });

  it("contains, starts_with, ends_with", () => {
    expect([call(s, "contains", "nan"), call(s, "contains", "Nan"), call(s, "contains", "")]).toEqual([true, false, true]);
    expect([call(s, "starts_with", "ban"), call(s, "starts_with", "and"), call(s, "ends_with", "band"), call(s, "ends_with", "x")]).toEqual([
      true, false, true, false,
    ]);
    expect([call("", "starts_with", ""), call("abc", "ends_with", "")]).toEqual([true, true]);
  });

  it("errors", () => {
    expect(errorOf(() => call(s, "replace", "a"))).toBe("String method 'replace' expects 2 arguments (old, new), but got 1");
    expect(errorOf(() => call(s, "index_of", 3))).toBe("Type error: expected string, got num");
  });
});

describe("contains modes (conformance core/string-contains-modes)", () => {
  const c = (s: string, ...names: string[]) => call(s, "contains", ...names.map((n) => sym(n)));
  it("any, all, only", () => {
    expect([c("abc123", "any", "digits"), c("abc", "any", "digits")]).toEqual([true, false]);
    expect([c("abc123", "all", "digits", "letters"), c("abc", "all", "digits", "letters")]).toEqual([true, false]);
    expect([c("abc123", "only", "letters"), c("abc", "only", "letters")]).toEqual([false, true]);
    expect(c("a-b", "only", "letters", "punctuation")).toBe(true);
    expect([c("", "only", "digits"), c("", "any", "digits")]).toEqual([true, false]);
    expect([c("Hello", "any", "uppercase"), c("hello", "any", "uppercase")]).toEqual([true, false]);
    expect([c("a b", "any", "spaces"), c("a\tb", "any", "whitespace")]).toEqual([true, true]);
    expect([c("x+y", "any", "symbols"), c("xy", "any", "symbols")]).toEqual([true, false]);
    expect([c("abc9", "only", "alphanumeric"), c("ab c", "only", "alphanumeric")]).toEqual([true, false]);
    expect([c("lower", "only", "lowercase"), c("Lower", "only", "lowercase")]).toEqual([true, false]);
    expect(c("42", "only", "numbers")).toBe(true);
    expect(c("abc", "any", "nonsense")).toBe(false);
  });
});

describe("extract and count (conformance core/string-extract-count)", () => {
  const t = "Hello World 42, then 7 more!";
  it("extract", () => {
    expect(shown(t, "extract", sym("words"))).toBe("[Hello, World, then, more]");
    expect(out(shown(t, "extract", sym("numbers")), shown(t, "extract", sym("digits")))).toBe("[42, 7] [42, 7]");
    expect(out(shown("x1y22z333", "extract", sym("digits")), shown("x1y22z333", "extract", sym("letters")))).toBe(
      "[1, 22, 333] [x, y, z]",
    );
    expect(shown("mail a@b.com and bad@x, c.d@e.org", "extract", sym("emails"))).toBe("[a@b.com, c.d@e.org]");
    expect(shown("", "extract", sym("words"))).toBe("[]");
    expect(shown("don't stop", "extract", sym("words"))).toBe("[don, t, stop]");
  });

  it("count", () => {
    expect(["words", "digits", "uppercase", "lowercase", "spaces", "punctuation"].map((p) => call(t, "count", sym(p)))).toEqual([
      4, 3, 2, 16, 5, 2,
    ]);
    expect(call("!!!", "count", sym("words"))).toBe(0);
    expect([call("ab12", "count", sym("alphanumeric")), call("a+b=c", "count", sym("symbols"))]).toEqual([4, 2]);
    expect(call("abc", "count", sym("unknown_kind"))).toBe(0);
  });
});

describe("find (conformance core/string-find)", () => {
  const s = "a1b22c333";
  it("character positions", () => {
    expect(shown(s, "find", sym("digits"))).toBe("[1, 3, 4, 6, 7, 8]");
    expect(shown(s, "find", sym("letters"))).toBe("[0, 2, 5]");
    expect(out(shown(s, "find", sym("digits"), sym("first")), shown(s, "find", sym("uppercase"), sym("first")))).toBe("1 -1");
    expect(shown(s, "find", sym("digits"), 2)).toBe("[1, 3]");
    expect(shown(s, "find", sym("digits"), 0)).toBe("[]");
    expect(shown("A b C", "find", sym("uppercase"))).toBe("[0, 4]");
    expect(out(shown("no spaces", "find", sym("spaces")), shown("none", "find", sym("spaces")))).toBe("[2] []");
    expect(shown("x.y,z", "find", sym("punctuation"))).toBe("[1, 3]");
    expect(shown("é1", "find", sym("digits"))).toBe("[1]");
  });
});

describe("map, filter, reject, each (conformance core/string-map-filter-each, collections/string-collection-methods)", () => {
  it("map gives a list, filter/reject a string, each none", () => {
    const up = call("héllo", "map", fn1((c) => call(c, "upper")));
    expect(out(display(up), shown(up, "type"), shown(up, "size"))).toBe("[H, É, L, L, O] list 5");
    expect(shown("a1b2c3", "filter", fn1((c) => call(c, "contains", sym("any"), sym("digits"))))).toBe("123");
    expect(shown("a1b2c3", "reject", fn1((c) => call(c, "contains", sym("any"), sym("digits"))))).toBe("abc");
    expect(shown("héllo", "reject", fn1((c) => c === "h"))).toBe("éllo");
    expect(call("a1b2c3", "each", fn1((c) => c))).toBe(null);
    expect(shown(call("abc", "map", fn1((c) => (c as string) + (c as string))), "join", "-")).toBe("aa-bb-cc");
    expect(shown("", "map", fn1((c) => c))).toBe("[]");
    expect(call("", "filter", fn1(() => true))).toBe("");
  });

  it("each visits every character in order", () => {
    const seen: Value[] = [];
    call("a1b", "each", fn1((c) => (seen.push(c), null)));
    expect(seen).toEqual(["a", "1", "b"]);
  });

  it("a non-function argument fails", () => {
    expect(errorOf(() => call("ab", "map", 5))).toBe("Type error: expected function, got num");
  });
});

describe("bytes (conformance core/string-bytes-char-code)", () => {
  it("to_bytes and char_code", () => {
    expect(shown("AZaz", "to_bytes")).toBe("[65, 90, 97, 122]");
    expect(out(shown("é", "to_bytes"), shown("→", "to_bytes"))).toBe("[195, 169] [226, 134, 146]");
    expect(shown("", "to_bytes")).toBe("[]");
    expect([call("ABC", "char_code", 0), call("ABC", "char_code", 2)]).toEqual([65, 67]);
    expect([0, 1, 2].map((i) => call("éa", "char_code", i))).toEqual([195, 169, 97]);
    expect(() => call("ab", "char_code", 5)).toThrow();
  });
});

describe("string.generate (conformance core/string-generate)", () => {
  it("repeats or runs code points", () => {
    expect(generate("ab", 3)).toBe("ababab");
    expect(generate("-", 10)).toBe("----------");
    expect(generate("x", 0)).toBe("");
    expect(generate("a", "e")).toBe("abcde");
    expect(generate("e", "a")).toBe("edcba");
    expect(generate("A", "A")).toBe("A");
    expect(generate("0", "9")).toBe("0123456789");
  });
});

describe("string method errors (conformance core/string-method-errors)", () => {
  it("unknown names and arity", () => {
    for (const name of ["to_upper", "trim_start", "repeat", "join", "frobnicate"]) {
      expect(errorOf(() => call("a", name, 3))).toBe(`String does not have method '${name}'`);
    }
    expect(errorOf(() => call("a", "upper", 1))).toBe("String method 'upper' takes no arguments, but got 1");
    expect(errorOf(() => call("a b", "split"))).toBe("String method 'split' expects 1 argument (delimiter), but got 0");
    expect(shown("a b", "split", " ")).toBe("[a, b]");
  });

  it("a frozen string still answers string methods", () => {
    const s = call("text", "freeze");
    expect([call(s, "is_frozen"), call(s, "upper")]).toEqual([true, "TEXT"]);
    expect(display(list(s))).toBe("[text]");
  });
});
