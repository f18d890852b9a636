// compiler/analyze/types.ts: which variables get a static num/string type (so arithmetic on them
// compiles to plain JS without `typeof` guards) and which must not, because something other than
// an assignment of a typed expression in their own scope can bind them.
import { describe, expect, it } from "vitest";
import { inferTypes } from "../../compiler/analyze/types.js";
import type { Scope } from "../../compiler/analyze/scopes.js";
import { analyzeSource, fnScope, lines, scopesOfKind } from "./helpers.js";

/** The types inferred for the module's variables (or those of `scope(analysis)`), as a plain object. */
function typesOf(source: string, pick?: (a: ReturnType<typeof analyzeSource>["analysis"]) => Scope): Record<string, string> {
  const { analysis } = analyzeSource(source);
  const scope = pick ? pick(analysis) : analysis.module;
  const types = inferTypes(analysis).get(scope);
  if (!types) throw new Error(`no types for the ${scope.kind} scope`);
  return Object.fromEntries(types);
}

describe("variables that get a type", () => {
  it("numbers and strings assigned only typed values, through loops (fixpoint)", () => {
    const src = lines("i = 0", "while i < 3 {", "  i = i + 1", "}", 's = "a"', "s = s + i", "n = -i", "bits = 5 & 3");
    expect(typesOf(src)).toEqual({ i: "num", s: "string", n: "num", bits: "num" });
  });

  it("variables typed through each other, whatever the order of their assignments", () => {
    const src = lines("a = 0", "b = 0", "while a < 10 {", "  a = b + 1", "  b = a * 2", "}");
    expect(typesOf(src)).toEqual({ a: "num", b: "num" });
  });

  it("typed declarations other than bignum", () => {
    expect(typesOf(lines("num n = 5", 'string s = "a"', "bignum b = 5"))).toEqual({ n: "num", s: "string" });
  });

  it("`/`, `//` and `%` by a non-zero literal", () => {
    expect(typesOf(lines("q = 6 / 2", "u = 7 // 2", "r = 7 % 3"))).toEqual({ q: "num", u: "num", r: "num" });
  });

  it("locals of functions and lambdas, each scope separately", () => {
    const fnSrc = lines("fn f(n) {", "  k = 1", "  k = k + n", "  return k", "}");
    // `k + n`: n is a parameter (untyped), so k is not a number for sure.
    expect(typesOf(fnSrc, (a) => fnScope(a, "f"))).toEqual({});
    const fnSrc2 = lines("fn f(n) {", "  k = 1", "  k = k + 2", "  return k", "}");
    expect(typesOf(fnSrc2, (a) => fnScope(a, "f"))).toEqual({ k: "num" });
    expect(typesOf(lines("f = () => {", "  k = 1", "  k + 1", "}"), (a) => scopesOfKind(a, "lambda")[0]!)).toEqual({ k: "num" });
  });

  it("a module variable keeps its type although a function assigns a variable of the same name (it is the function's own)", () => {
    const src = lines("count = 0", "fn bump() {", "  count = count + 1", "  return count", "}");
    expect(typesOf(src)).toEqual({ count: "num" });
    // In bump, count is persistent (read before this call assigns it): never typed.
    expect(typesOf(src, (a) => fnScope(a, "bump"))).toEqual({});
  });

  it("a literal `load` path that could not be resolved does not disqualify anything", () => {
    expect(typesOf(lines("x = 1", 'load "missing.gr"'))).toEqual({ x: "num" });
  });
});

describe("variables that must stay untyped", () => {
  it("a variable assigned values of different types", () => {
    expect(typesOf(lines("mixed = 1", 'mixed = "x"', "b = none", "c = true"))).toEqual({});
  });

  it("loop variables, even when also assigned a number", () => {
    expect(typesOf(lines("x = 0", "for x in [1, 2] { }", "y = 1"))).toEqual({ y: "num" });
  });

  it("catch bindings", () => {
    expect(typesOf(lines("e = 1", "try {", "  raise 1", "} catch as e { }"))).toEqual({});
  });

  it("`x.m!()` rebinds x to the method's result", () => {
    expect(typesOf(lines("x = 1", "x.abs!()"))).toEqual({});
  });

  it("bignum declarations (the value is a box)", () => {
    expect(typesOf(lines("bignum b = 5", "c = b + 1"))).toEqual({});
  });

  it("values from calls, and anything computed from them", () => {
    expect(typesOf(lines("fn f() { return 1 }", "x = f()", "y = x + 1", "z = 1", "z = z + undefinedName"))).toEqual({});
  });

  it("`**` (it may promote to a bignum box)", () => {
    expect(typesOf(lines("p = 2 ** 3", "q = 2", "q = q ** 2"))).toEqual({});
  });

  it("`/` and `%` by a non-literal or by zero (none under :lenient)", () => {
    expect(typesOf(lines("d = 2", "t = 6 / d", "v = 7 % d", "z = 6 / 0"))).toEqual({ d: "num" });
  });

  it("`-` and `*` on a string are not numbers", () => {
    expect(typesOf(lines('s = "a"', "t = s * 2", "v = s - 1"))).toEqual({ s: "string" });
  });

  it("a computed-path `load` may assign any name of the scope", () => {
    expect(typesOf(lines("x = 1", 'p = "f.gr"', "load p"))).toEqual({});
  });

  it("names read before they are defined (their first read may see undefined)", () => {
    expect(typesOf(lines("print(x)", "x = 1"))).toEqual({});
  });

  it("parameters, even when assigned a number", () => {
    expect(typesOf(lines("fn f(n) {", "  n = 1", "  return n", "}"), (a) => fnScope(a, "f"))).toEqual({});
  });

  it("index and property writes, match bindings, imports, fn and class names", () => {
    expect(typesOf(lines("xs = 1", "xs[0] = 2", "o = 1", "o.p = 2"))).toEqual({});
    expect(typesOf(lines("m = 1", "r = match 3 { m => m }"))).toEqual({});
    expect(typesOf(lines('import "random"', "rand = 1", 'import "csv" { parse }', "parse = 1"))).toEqual({});
    expect(typesOf(lines("f = 1", "fn f() { }", "C = 1", "graph C { }"))).toEqual({});
  });

  it("method scopes are not typed at all (a bare name may be a property of self)", () => {
    const { analysis } = analyzeSource(lines("graph C {", "  fn m() {", "    k = 1", "    f = () => {", "      j = 1", "      j", "    }", "    return k", "  }", "}"));
    const types = inferTypes(analysis);
    expect(types.has(scopesOfKind(analysis, "method")[0]!)).toBe(false);
    expect(types.has(scopesOfKind(analysis, "lambda")[0]!)).toBe(false);
    expect(types.has(analysis.module)).toBe(true);
  });

  // A match anywhere binds its names at run time (core.md §5.5), inside `raise`, instantiation
  // overrides, `super` arguments and spawn operands too: `x = 1` ⏎ `p = P { a: match "s" { x => x } }`
  // ⏎ `print(x - 1)` must keep the guard on `x - 1` (a type error, not NaN).
  it("a match binding inside `raise` or an instantiation disqualifies the name", () => {
    expect(typesOf(lines("graph P { a: 0 }", "x = 1", 'p = P { a: match "s" { x => x } }'))).toEqual({});
    expect(typesOf(lines("x = 1", "try {", '  raise (match "s" { x => x })', "} catch { }"))).toEqual({});
  });

  it("a match binding in the expression kinds the walk does visit disqualifies the name", () => {
    expect(typesOf(lines("x = 1", 'y = [match "s" { x => x }]'))).toEqual({});
    expect(typesOf(lines("x = 1", 'print(1 + (match "s" { x => x }))'))).toEqual({});
  });
});
