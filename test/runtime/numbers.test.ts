import { describe, expect, it } from "vitest";
import { call, errorOf, shown, sym } from "./helpers.js";
import { roundHalfAwayFromZero } from "../../runtime/rules/behaviors.js";

const out = (...parts: string[]) => parts.join(" ");

describe("number methods (core.md §14, conformance core/numbers-methods)", () => {
  it("abs floor ceil sqrt", () => {
    expect(out(shown(-7.5, "abs"), shown(7.5, "floor"), shown(7.2, "ceil"), shown(81, "sqrt"))).toBe("7.5 7 8 9");
    expect(out(shown(-7.5, "floor"), shown(-7.5, "ceil"), shown(2, "sqrt"))).toBe("-8 -7 1.4142135623730951");
    expect(shown(-9, "sqrt")).toBe("NaN");
    expect(out(shown(0, "abs"), shown(-0.5, "abs"))).toBe("0 0.5");
    expect(shown(call(16, "sqrt"), "sqrt")).toBe("2");
  });

  it("log", () => {
    expect(out(shown(1, "log"), shown(1000, "log", 10), shown(8, "log", 2))).toBe("0 2.9999999999999996 3");
    expect(shown(2.718281828459045, "log")).toBe("1");
    expect(out(shown(100, "log", 10), shown(1024, "log", 2))).toBe("2 10");
  });

  it("to_char, to_string, to_str, to_num, to_bool", () => {
    expect(out(shown(66, "to_char"), shown(97, "to_char"), shown(48, "to_char"))).toBe("B a 0");
    expect(out(shown(4.0, "to_string"), shown(4.5, "to_str"), shown(-1, "to_str"))).toBe("4 4.5 -1");
    expect(out(shown(5, "to_num"), shown(0, "to_bool"), shown(3, "to_bool"))).toBe("5 false true");
    expect(() => call(200, "to_char")).toThrow();
  });

  it("negative zero", () => {
    expect(shown(-0, "to_string")).toBe("-0");
    expect(shown(-0, "abs")).toBe("0");
    expect(shown(-0.4, "round")).toBe("-0");
    expect(shown(-0.2, "ceil")).toBe("-0");
    expect(shown(-0, "to_bool")).toBe("false");
  });
});

describe("rounding (conformance core/numbers-rounding, numbers-up-down)", () => {
  it("halves away from zero", () => {
    expect([2.5, -2.5, 3.5, -3.5, 0.5, 1.5, -0.5, 2.4, 2.6, -2.6].map((n) => shown(n, "round")).join(" ")).toBe(
      "3 -3 4 -4 1 2 -1 2 3 -3",
    );
    expect(roundHalfAwayFromZero(0.49999999999999994)).toBe(0);
  });

  it("to decimal places", () => {
    expect(out(shown(3.14159, "round", 2), shown(2.71828, "round", 3), shown(2.5, "round", 0))).toBe("3.14 2.718 3");
    expect(out(shown(1.005, "round", 2), shown(1.25, "round", 1), shown(-1.25, "round", 1))).toBe("1 1.3 -1.3");
    expect(out(shown(7, "round"), shown(7.0, "round", 3), shown(10.456, "round", 1))).toBe("7 7 10.5");
  });

  it("nearest modes and errors", () => {
    expect(out(shown(1234, "round", sym("nearest_ten")), shown(1235, "round", sym("nearest_ten")))).toBe("1230 1240");
    expect(out(shown(1250, "round", sym("nearest_hundred")), shown(1249, "round", sym("nearest_hundred")))).toBe(
      "1300 1200",
    );
    expect(shown(-15, "round", sym("nearest_ten"))).toBe("-20");
    expect(errorOf(() => call(5.5, "round", sym("nearest_thousand")))).toBe("Unknown rounding mode: nearest_thousand");
    expect(errorOf(() => call(5, "round", sym("weird")))).toBe("Unknown rounding mode: weird");
  });

  it("up and down", () => {
    expect(out(shown(3.2, "up"), shown(3.8, "down"), shown(-3.2, "up"), shown(-3.2, "down"))).toBe("4 3 -3 -4");
    expect(out(shown(3.14159, "up", 2), shown(3.14159, "down", 2))).toBe("3.15 3.14");
    expect(out(shown(3.14159, "up", 0), shown(3.14159, "down", 0))).toBe("4 3");
    expect(out(shown(1201, "up", sym("nearest_ten")), shown(1201, "down", sym("nearest_ten")))).toBe("1210 1200");
    expect(out(shown(1201, "up", sym("nearest_hundred")), shown(1299, "down", sym("nearest_hundred")))).toBe("1300 1200");
    expect(out(shown(5, "up"), shown(5, "down"))).toBe("5 5");
    expect(out(shown(-7.25, "up", 1), shown(-7.25, "down", 1))).toBe("-7.2 -7.3");
    expect(shown(2.0, "up", 2)).toBe("2");
    expect(out(shown(1200, "up", sym("nearest_hundred")), shown(1200, "down", sym("nearest_ten")))).toBe("1200 1200");
  });
});

describe("number method errors (conformance core/numbers-method-errors)", () => {
  it("unknown methods and universal arity", () => {
    expect(errorOf(() => call(5, "is_integer"))).toBe("Unknown number method: is_integer");
    expect(errorOf(() => call(5, "to_int"))).toBe("Unknown number method: to_int");
    expect(errorOf(() => call(3, "min", 4))).toBe("Unknown number method: min");
    expect(errorOf(() => call(5, "to_string", 2))).toBe("Method 'to_string' takes no arguments, but got 1");
    expect(shown(5.9, "floor")).toBe("5");
  });
});
