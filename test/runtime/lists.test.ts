import { describe, expect, it } from "vitest";
import { call, display, errorOf, errorTypeOf, fn1, hash, lambda, list, shown, sym } from "./helpers.js";
import {
  indexList,
  listAppendInPlace,
  listPopInPlace,
  listSetIndexInPlace,
} from "../../runtime/methods/list.js";
import { namespaces } from "../../runtime/methods/table.js";
import { settings } from "../../runtime/config.js";
import { GrList } from "../../runtime/values/list.js";
import type { Value } from "../../runtime/values/value.js";

const out = (...parts: string[]) => parts.join(" ");
const nums = (...ns: number[]) => list(...ns);
const generate = (...args: Value[]) => namespaces.list!.generate!(null, args, null);
const upto = (n: number) => namespaces.list!.upto!(null, [n], null);

function lenient<T>(f: () => T): T {
  const saved = settings.errorMode;
  settings.errorMode = "lenient";
  try {
    return f();
  } finally {
    settings.errorMode = saved;
  }
}

describe("indexing (conformance collections/list-index-read, list-index-negative-out-of-range)", () => {
  const xs = list("a", "b", "c", "d");
  it("reads, truncating fractions, negative from the end", () => {
    expect([0, 1, 3, 1.7, 2.2, 0.9].map((i) => indexList(xs, i)).join(" ")).toBe("a b d b c a");
    const ys = nums(10, 20, 30);
    expect([-1, -2, -3, -1.5].map((i) => indexList(ys, i))).toEqual([30, 20, 10, 30]);
  });

  it("out of range", () => {
    const ys = nums(10, 20, 30);
    for (const bad of [3, 7, -4, -10]) {
      expect(errorTypeOf(() => indexList(ys, bad))).toBe("RuntimeError");
      expect(errorOf(() => indexList(ys, bad))).toBe(`List index ${bad} out of bounds`);
    }
    expect(errorOf(() => indexList(list(), 0))).toBe("List index 0 out of bounds");
    expect(lenient(() => [indexList(ys, 5), indexList(ys, -9)])).toEqual([null, null]);
  });

  it("non-number index", () => {
    const message = "Type error: expected indexable type (list, map, string, or graph), got list";
    expect(errorOf(() => indexList(xs, "1"))).toBe(message);
    expect(errorOf(() => indexList(xs, list(0)))).toBe(message);
  });

  it("first and last", () => {
    expect(out(shown(xs, "first"), shown(xs, "last"))).toBe("a d");
    expect(errorOf(() => call(list(), "first"))).toBe("Cannot get first element of empty list");
    expect(errorOf(() => call(list(), "last"))).toBe("Cannot get last element of empty list");
  });

  it("a read element gains a holder", () => {
    const inner = nums(1);
    expect((indexList(list(inner), 0) as GrList).shared).toBe(true);
  });
});

describe("index assignment (conformance collections/list-index-assign, core/value-index-assign-rules)", () => {
  it("writes, truncates, clamps negatives to slot 0", () => {
    const xs = nums(1, 2, 3);
    listSetIndexInPlace(xs, 1, 20);
    listSetIndexInPlace(xs, 2.9, 30);
    listSetIndexInPlace(xs, 0, "first");
    expect(display(xs)).toBe("[first, 20, 30]");
    listSetIndexInPlace(xs, -1, "neg");
    expect(display(xs)).toBe("[neg, 20, 30]");
  });

  it("errors", () => {
    const xs = nums(1, 2, 3);
    expect(errorOf(() => listSetIndexInPlace(xs, 3, 4))).toBe("Index 3 out of bounds for list of length 3");
    expect(errorOf(() => listSetIndexInPlace(xs, 10, 4))).toBe("Index 10 out of bounds for list of length 3");
    expect(errorOf(() => listSetIndexInPlace(xs, "0", 4))).toBe("Invalid index assignment target");
    expect(errorOf(() => listSetIndexInPlace(list(), 0, 1))).toBe("Index 0 out of bounds for list of length 0");
    expect(errorOf(() => listSetIndexInPlace(call(xs, "freeze") as GrList, 0, 9))).toBe("Cannot modify frozen graph");
  });

  it("applies behaviors to the value", () => {
    const xs = call(nums(1, 2), "add_rule", sym("positive")) as GrList;
    listSetIndexInPlace(xs, 1, -100);
    expect(display(xs)).toBe("[1, 100]");
  });
});

describe("append, prepend, insert (conformance collections/list-append-prepend, list-insert)", () => {
  it("return new lists", () => {
    const xs = nums(2, 3);
    expect(out(display(xs), shown(xs, "append", 4), shown(xs, "prepend", 1))).toBe("[2, 3] [2, 3, 4] [1, 2, 3]");
    expect(shown(nums(1), "append", nums(2, 3))).toBe("[1, [2, 3]]");
    const chain = call(call(call(list(), "append", "a"), "append", "b"), "prepend", "z");
    expect(display(chain)).toBe("[z, a, b]");
  });

  it("append in place", () => {
    const xs = nums(2, 3);
    listAppendInPlace(xs, 9);
    expect(display(xs)).toBe("[2, 3, 9]");
  });

  it("insert", () => {
    const xs = list("a", "c");
    expect(shown(xs, "insert", 1, "b")).toBe("[a, b, c]");
    expect(shown(xs, "insert", 0, "start")).toBe("[start, a, c]");
    expect(shown(xs, "insert", 2, "end")).toBe("[a, c, end]");
    expect(shown(xs, "insert", 1.9, "trunc")).toBe("[a, trunc, c]");
    expect(shown(xs, "insert", -3, "neg")).toBe("[neg, a, c]");
    expect(display(xs)).toBe("[a, c]");
    expect(errorOf(() => call(xs, "insert", 3, "x"))).toBe("Index 3 out of bounds for list of length 2 (insert)");
    expect(shown(list(), "insert", 0, 5)).toBe("[5]");
  });
});

describe("remove, remove_at_index, pop, clear", () => {
  it("remove takes the first equal element (collections/list-remove)", () => {
    const xs = nums(1, 2, 3, 2, 1);
    expect([2, 1, 7, 2.0].map((v) => shown(xs, "remove", v))).toEqual([
      "[1, 3, 2, 1]",
      "[2, 3, 2, 1]",
      "[1, 2, 3, 2, 1]",
      "[1, 3, 2, 1]",
    ]);
    expect(shown(list(nums(1), nums(2), nums(1)), "remove", nums(1))).toBe("[[2], [1]]");
    expect(shown(list(null, 1, null), "remove", null)).toBe("[1, none]");
  });

  it("remove_at_index (collections/list-remove-at-index)", () => {
    const xs = list("p", "q", "r", "s");
    expect([0, 3, 1.5].map((i) => shown(xs, "remove_at_index", i))).toEqual(["[q, r, s]", "[p, q, r]", "[p, r, s]"]);
    expect(errorOf(() => call(xs, "remove_at_index", 4))).toBe("Index 4 out of bounds for list of length 4");
    expect(errorOf(() => call(list(), "remove_at_index", 0))).toBe("Index 0 out of bounds for list of length 0");
  });

  it("pop reads, pop! removes (collections/list-pop)", () => {
    const xs = nums(1, 2, 3);
    expect(out(shown(xs, "pop"), display(xs))).toBe("3 [1, 2, 3]");
    expect(listPopInPlace(xs)).toBe(3);
    expect(display(xs)).toBe("[1, 2]");
    listPopInPlace(xs);
    listPopInPlace(xs);
    expect(errorOf(() => listPopInPlace(xs))).toBe("Cannot pop from empty list");
    expect(errorOf(() => call(list(), "pop"))).toBe("Cannot pop from empty list");
  });

  it("clear (collections/list-clear)", () => {
    const xs = nums(1, 2, 3);
    const ys = call(xs, "clear");
    expect(out(display(xs), display(ys), shown(ys, "size"), shown(ys, "is_empty"))).toBe("[1, 2, 3] [] 0 true");
  });
});

describe("contains, index_of (conformance collections/list-contains-index-of)", () => {
  const xs = list(3, "3", 1.0, null, nums(1, 2), false);
  it("use ==", () => {
    expect([3, "3", 1, 2, null, nums(1, 2), nums(2, 1), false, 0, ""].map((v) => call(xs, "contains", v))).toEqual([
      true, true, true, false, true, true, false, true, false, false,
    ]);
    expect([3, "3", 1, nums(1, 2), null, false, 99].map((v) => call(xs, "index_of", v))).toEqual([0, 1, 2, 4, 3, 5, -1]);
    expect([call(list(), "contains", null), call(list(), "index_of", null)]).toEqual([false, -1]);
  });
});

describe("slice (conformance collections/list-slice)", () => {
  const xs = nums(0, 1, 2, 3, 4, 5);
  it("half-open, negative from the end, clamped", () => {
    const cases: [number[], string][] = [
      [[1, 4], "[1, 2, 3]"],
      [[0, 6], "[0, 1, 2, 3, 4, 5]"],
      [[0, 100], "[0, 1, 2, 3, 4, 5]"],
      [[-2, 6], "[4, 5]"],
      [[-3, -1], "[3, 4]"],
      [[-100, 2], "[0, 1]"],
      [[4, 2], "[]"],
      [[3, 3], "[]"],
      [[0, 6, 2], "[0, 2, 4]"],
      [[1, 6, 2], "[1, 3, 5]"],
      [[0, 5, 3], "[0, 3]"],
      [[0, 6, 10], "[0]"],
    ];
    for (const [args, expected] of cases) expect(shown(xs, "slice", ...args)).toBe(expected);
    expect(shown(list(), "slice", 0, 5)).toBe("[]");
  });

  it("step zero", () => {
    expect(errorOf(() => call(xs, "slice", 0, 3, 0))).toBe("slice step cannot be zero");
  });
});

describe("map, filter, reject, each, reduce", () => {
  const xs = nums(1, 2, 3);
  it("map with functions and named transformations (collections/list-map)", () => {
    expect(shown(xs, "map", fn1((x) => (x as number) * (x as number)))).toBe("[1, 4, 9]");
    expect(["double", "square", "negate"].map((t) => shown(xs, "map", sym(t))).join(" ")).toBe("[2, 4, 6] [1, 4, 9] [-1, -2, -3]");
    expect(["increment", "inc", "decrement", "dec"].map((t) => shown(xs, "map", sym(t))).join(" ")).toBe(
      "[2, 3, 4] [2, 3, 4] [0, 1, 2] [0, 1, 2]",
    );
    expect(shown(xs, "map", lambda(["a", "b"], (_a, b) => b))).toBe("[none, none, none]");
    expect(errorOf(() => call(list("a"), "map", sym("double")))).toBe("Transformation 'double' requires a number, got string");
    expect(errorOf(() => call(xs, "map", sym("cube")))).toBe("Unknown named transformation: 'cube'");
    expect(errorOf(() => call(xs, "map", sym("constructor")))).toBe("Unknown named transformation: 'constructor'");
  });

  it("filter, select, reject and named predicates (collections/list-filter-select-reject)", () => {
    const ys = nums(-2, -1, 0, 1, 2, 3);
    const positive = fn1((x) => (x as number) > 0);
    expect(out(shown(ys, "filter", positive), shown(ys, "select", positive), shown(ys, "reject", positive))).toBe(
      "[1, 2, 3] [1, 2, 3] [-2, -1, 0]",
    );
    expect(out(shown(ys, "filter", sym("even")), shown(ys, "filter", sym("odd")))).toBe("[-2, 0, 2] [-1, 1, 3]");
    expect(["positive", "pos", "negative", "neg"].map((p) => shown(ys, "filter", sym(p))).join(" ")).toBe(
      "[1, 2, 3] [1, 2, 3] [-2, -1] [-2, -1]",
    );
    expect(out(shown(ys, "filter", sym("zero")), shown(ys, "reject", sym("zero")), shown(ys, "select", sym("odd")))).toBe(
      "[0] [-2, -1, 1, 2, 3] [-1, 1, 3]",
    );
    expect(shown(list(0, 1, "", "a", null, list(), nums(0)), "filter", fn1((v) => v))).toBe("[1, a, [0]]");
    expect(errorOf(() => call(list("a", 2), "filter", sym("even")))).toBe("Predicate 'even' requires a number, got string");
    expect(errorOf(() => call(ys, "reject", sym("prime")))).toBe("Unknown named predicate: 'prime'");
  });

  it("each returns the receiver (collections/list-each)", () => {
    const seen: Value[] = [];
    const r = call(nums(3, 1, 2), "each", fn1((x) => (seen.push(x), null)));
    expect(out(display(r), display(list(...seen)))).toBe("[3, 1, 2] [3, 1, 2]");
  });

  it("reduce takes the initial value first (collections/list-reduce-initial)", () => {
    const ws = nums(1, 2, 3, 4);
    const add = lambda(["acc", "n"], (a, n) => (a as number) + (n as number));
    expect(call(ws, "reduce", 0, add)).toBe(10);
    expect(call(ws, "reduce", 100, lambda(["acc", "n"], (a, n) => (a as number) - (n as number)))).toBe(90);
    expect(shown(ws, "reduce", list(), lambda(["acc", "n"], (a, n) => call(a, "prepend", n)))).toBe("[4, 3, 2, 1]");
    expect(call(list(), "reduce", 42, add)).toBe(42);
    expect(errorOf(() => call(ws, "reduce", add, 0))).toBe("Type error: expected function, got num");
  });
});

describe("sort, reverse, uniq, compact, join", () => {
  it("sort numbers ascending (collections/list-sort-reverse)", () => {
    const xs = nums(5, -1, 3.5, 0, 10, 3);
    expect(out(shown(xs, "sort"), display(xs))).toBe("[-1, 0, 3, 3.5, 5, 10] [5, -1, 3.5, 0, 10, 3]");
    expect(shown(xs, "reverse")).toBe("[3, 10, 0, 3.5, -1, 5]");
    expect(shown(call(xs, "sort"), "reverse")).toBe("[10, 5, 3.5, 3, 0, -1]");
    expect(shown(nums(2, 2, 1, 1), "sort")).toBe("[1, 1, 2, 2]");
    expect(errorOf(() => call(xs, "sort", fn1((x) => x)))).toBe("Method 'sort' expects 0 arguments, but got 1");
  });

  it("sort leaves non-numbers in place", () => {
    expect(shown(list("b", "a", "c"), "sort")).toBe("[b, a, c]");
    expect(shown(list(3, "x", 2, 1), "sort")).toBe("[3, x, 1, 2]");
  });

  it("uniq and compact (collections/list-uniq-compact)", () => {
    expect(shown(nums(3, 1, 3, 2, 1, 3), "uniq")).toBe("[3, 1, 2]");
    expect(shown(call(list(1, 1.0, "1", true, "1"), "uniq"), "to_string")).toBe('[1, "1", true]');
    expect(shown(list(nums(1), nums(1), nums(2)), "uniq")).toBe("[[1], [2]]");
    expect(shown(list(null, null, 0), "uniq")).toBe("[none, 0]");
    const ys = list(null, 1, null, false, 0, "", null);
    expect(out(shown(ys, "compact"), shown(call(ys, "compact"), "size"))).toBe("[1, false, 0, ] 4");
  });

  it("join uses the display form (collections/list-join)", () => {
    expect(shown(list("a", "b", "c"), "join", "-")).toBe("a-b-c");
    expect(shown(list(1, 2.5, null, true), "join", ", ")).toBe("1, 2.5, none, true");
    expect(shown(list(list("x", 1), sym("s")), "join", "|")).toBe("[x, 1]|:s");
    expect(call(list(), "join", "+")).toBe("");
    expect(errorOf(() => call(list("a", "b"), "join", 1))).toBe("Type error: expected string, got num");
  });
});

describe("size, emptiness, conversions, unknown methods", () => {
  it("sizes (collections/list-literals, list-truthiness-conversions)", () => {
    const xs = list(1, "two", 3.5, null, true, sym("sym"));
    expect([call(xs, "size"), call(xs, "length"), call(xs, "len")]).toEqual([6, 6, 6]);
    expect([call(list(), "is_empty"), call(xs, "is_empty")]).toEqual([true, false]);
    expect([call(list(), "to_bool"), call(nums(0), "to_bool"), call(list(null), "to_bool")]).toEqual([false, true, true]);
    expect([call(nums(1, 2, 3), "to_num"), call(list(), "to_num")]).toEqual([3, 0]);
  });

  it("unknown method (collections/list-unknown-method)", () => {
    expect(errorOf(() => call(nums(1), "frobnicate"))).toBe("List does not have method 'frobnicate'");
  });
});

describe("list.generate and list.upto (conformance collections/list-generate-upto)", () => {
  it("inclusive ranges", () => {
    expect(display(generate(1, 10, 3))).toBe("[1, 4, 7, 10]");
    expect(call(generate(1, 10, 1), "size")).toBe(10);
    expect(display(generate(10, 0, -4))).toBe("[10, 6, 2]");
    expect(display(generate(0, 1, 0.25))).toBe("[0, 0.25, 0.5, 0.75, 1]");
    expect(out(display(generate(5, 1, 1)), display(generate(1, 5, -1)))).toBe("[] []");
    expect(display(generate(1, 4, fn1((n) => (n as number) * (n as number))))).toBe("[1, 4, 9, 16]");
    expect(display(generate(3, 3, fn1((n) => "x" + n)))).toBe("[x3]");
    expect(out(display(upto(4)), display(upto(0)))).toBe("[0, 1, 2, 3, 4] [0]");
    expect(errorOf(() => generate(1, 5, 0))).toBe("generate step cannot be zero");
    expect(call(upto(100), "reduce", 0, lambda(["a", "b"], (a, b) => (a as number) + (b as number)))).toBe(5050);
  });
});

describe("value semantics", () => {
  it("methods never mutate the receiver", () => {
    const xs = nums(3, 1, 2);
    for (const [m, ...args] of [["append", 4], ["prepend", 0], ["insert", 0, 9], ["remove", 1], ["sort"], ["reverse"], ["clear"]] as [
      string,
      ...Value[],
    ][]) {
      call(xs, m, ...args);
    }
    expect(display(xs)).toBe("[3, 1, 2]");
  });

  it("collection elements copied into a result are marked shared", () => {
    const inner = nums(1);
    const result = call(list(inner), "append", 2) as GrList;
    expect(result.items[0]).toBe(inner);
    expect(inner.shared).toBe(true);
  });

  it("hash elements are compared by value", () => {
    expect(call(list(hash({ a: 1 })), "contains", hash({ a: 1 }))).toBe(true);
  });
});

describe("join", () => {
  it("joins strings as they are and displays other elements, in order", () => {
    expect(call(list("a", "b", "c"), "join", ", ")).toBe("a, b, c");
    expect(call(list(), "join", "-")).toBe("");
    expect(call(list("x", 2, 1.5, true, null, list(1, "y")), "join", "|")).toBe("x|2|1.5|true|none|[1, y]");
  });
});
