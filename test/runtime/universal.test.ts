import { describe, expect, it } from "vitest";
import { call, display, errorOf, hash, lambda, list, shown, sym } from "./helpers.js";
import { parseRustFloat } from "../../runtime/methods/universal.js";
import { GrErrorValue } from "../../runtime/values/error.js";
import { GrGraph } from "../../runtime/graph/graph.js";
import { GrBigNum } from "../../runtime/values/bignum.js";
import { pow } from "../../runtime/ops/arith.js";
import type { Value } from "../../runtime/values/value.js";

const out = (...parts: Value[]) => parts.map(display).join(" ");
const toNum = (s: Value) => call(s, "to_num");

describe("to_num (conformance core/cast-to-num)", () => {
  it("parses strings as Rust floats", () => {
    expect(out(...["42", "3.5", "-7", "+5"].map(toNum))).toBe("42 3.5 -7 5");
    expect(out(...[".5", "5.", "1e3", "2.5E-2"].map(toNum))).toBe("0.5 5 1000 0.025");
    expect(out(...["inf", "-inf", "NaN"].map(toNum))).toBe("inf -inf NaN");
    expect(out(...[" 42", "42 ", ""].map(toNum))).toBe("none none none");
    expect(out(...["0x10", "1,0", "abc", "12abc"].map(toNum))).toBe("none none none none");
    expect(out(...["007", "-0"].map(toNum))).toBe("7 -0");
    expect([parseRustFloat("Infinity"), parseRustFloat("."), parseRustFloat("1e"), parseRustFloat("-nan")]).toEqual([
      Infinity,
      null,
      null,
      NaN,
    ]);
  });

  it("other values", () => {
    expect(out(...[true, false, null].map(toNum))).toBe("1 0 0");
    expect(out(...[list(4, 5, 6), list(), hash({ a: 1 })].map(toNum))).toBe("3 0 1");
    expect(out(toNum(sym("sym")), toNum(7))).toBe("0 7");
    expect(toNum(new GrGraph())).toBe(0);
  });
});

describe("to_bool (conformance core/cast-to-bool)", () => {
  it("is truthiness", () => {
    const values: Value[] = [1, 0, -2, 0.5, "a", "", "false", "0", true, false, null, list(), list(false), hash({}), hash({ k: null })];
    expect(values.map((v) => call(v, "to_bool"))).toEqual([
      true, false, true, true, true, false, true, true, true, false, false, false, true, false, true,
    ]);
    expect([call(sym("off"), "to_bool"), call(lambda(["x"], (x) => x), "to_bool"), call(new GrErrorValue("ValueError", "e"), "to_bool")]).toEqual([
      true, true, true,
    ]);
  });
});

describe("to_string (conformance core/cast-to-string)", () => {
  it("forms", () => {
    expect(out(call(42, "to_string"), call(2.5, "to_string"), call(0.25, "to_string"))).toBe("42 2.5 0.25");
    expect(out(call(true, "to_string"), call(false, "to_string"), call(sym("sym"), "to_string"))).toBe("true false :sym");
    expect(call(null, "to_string")).toBe("");
    expect(shown(list(1, "two", list(3), hash({ k: 1 })), "to_string")).toBe('[1, "two", list, map]');
    expect(shown(list("a", null, true, 1.5), "to_string")).toBe('["a", none, true, 1.5]');
    expect(shown(hash({ k: "v" }), "to_string")).toBe('{"k": v}');
    expect(shown(lambda(["a", "b"], () => null), "to_string")).toBe("<lambda(a, b)>");
    expect(shown(new GrErrorValue("ValueError", "boom"), "to_string")).toBe("ValueError: boom");
    expect(shown(new GrGraph(), "to_string")).toBe("<graph: 0 nodes, 0 edges>");
    expect(shown(list(call("s", "freeze"), call(1, "freeze")), "to_string")).toBe('["s", 1]');
  });
});

describe("type and type_name (conformance core/types-type-names)", () => {
  it("names", () => {
    expect([5, 2.5, "s", true, null, sym("sym"), list(), hash({})].map((v) => call(v, "type")).join(" ")).toBe(
      "num num string bool none symbol list map",
    );
    const err = new GrErrorValue("ValueError", "v");
    expect(out(call(err, "type"), call(err, "type_name"))).toBe("ValueError error");
    expect(out(call(lambda([], () => null), "type_name"), call(null, "type_name"), call(sym("s"), "type_name"))).toBe(
      "function none symbol",
    );
    expect(shown(new GrGraph(), "type")).toBe("graph");
  });
});

describe("arity errors (conformance core/cast-method-arg-errors)", () => {
  it("takes no arguments", () => {
    expect(errorOf(() => call("5", "to_num", 1))).toBe("Method 'to_num' takes no arguments, but got 1");
    expect(errorOf(() => call(5, "type", 1))).toBe("Method 'type' takes no arguments, but got 1");
    expect(errorOf(() => call(true, "to_bool", "x"))).toBe("Method 'to_bool' takes no arguments, but got 1");
    expect(errorOf(() => call(list(), "type_name", 1))).toBe("Method 'type_name' takes no arguments, but got 1");
    expect(errorOf(() => call(null, "to_string", 2))).toBe("Method 'to_string' takes no arguments, but got 1");
    for (const m of ["to_bignum", "is_bignum", "fits_in_num"]) {
      expect(errorOf(() => call(1, m, 1, 2))).toBe(`Method '${m}' takes no arguments, but got 2`);
    }
    expect(call(list(1), "is_frozen", 1)).toBe(false);
    expect(call("5", "to_num")).toBe(5);
  });
});

describe("bignum (low priority): a box that keeps the double", () => {
  it("to_bignum boxes a number; the box reports bignum and computes as its value", () => {
    const big = call(5, "to_bignum");
    expect(big).toBeInstanceOf(GrBigNum);
    expect([call(big, "type"), call(big, "is_bignum"), call(5, "is_bignum"), call(big, "to_num"), display(big)]).toEqual(["bignum", true, false, 5, "5"]);
    expect([call(5, "fits_in_num"), call("x", "fits_in_num")]).toEqual([true, false]);
  });

  it("a plain double is a num however large; `**` promotes as the reference does", () => {
    expect([call(2 ** 60, "type"), call(2 ** 53, "type")]).toEqual(["num", "num"]);
    expect([pow(2, 60) instanceof GrBigNum, pow(2, 52) instanceof GrBigNum, pow(2.5, 60) instanceof GrBigNum]).toEqual([true, false, false]);
  });
});

describe("unknown methods on other types", () => {
  it("bool, none and symbols", () => {
    expect(errorOf(() => call(true, "foo"))).toBe("Cannot call method 'foo' on type 'bool'");
    expect(errorOf(() => call(sym("a"), "foo"))).toBe("Cannot call method 'foo' on type 'symbol'");
    expect(errorOf(() => call(null, "foo"))).toBe("Cannot call method 'foo' on type 'none'");
  });
});
