// compiler/generate/js.ts: JsPrinter prints IR with precedence-aware parentheses, escapes what JS
// source cannot hold literally, and builds the source map from the located nodes. Printed
// expressions are also evaluated, so a missing (or wrong) parenthesis fails on the value, not
// only on the text.
import { SourceMap, type SourceMapPayload } from "node:module";
import { describe, expect, it } from "vitest";
import { JsPrinter } from "../../compiler/generate/js.js";
import { assign, binary, call, cond, exprStmt, fn, id, lit, member, ret, seq } from "../../compiler/lower/build.js";
import type { IrExpr, IrModule, IrStmt } from "../../compiler/lower/ir.js";
import type { Loc } from "../../compiler/parse/ast.js";
import { compile } from "../../compiler/index.js";
import { COMPILE_OPTIONS, lines } from "./helpers.js";

const printer = () => new JsPrinter({ sourceName: "t.gr", runtimeName: "$rt", sourceMap: false });
const print = (e: IrExpr): string => printer().expression(e);
const printStmt = (s: IrStmt): string => printer().statement(s);

const neg = (operand: IrExpr): IrExpr => ({ kind: "unary", op: "-", operand });
const bang = (operand: IrExpr): IrExpr => ({ kind: "unary", op: "!", operand });
const logical = (op: "&&" | "||" | "??", left: IrExpr, right: IrExpr): IrExpr => ({ kind: "logical", op, left, right });
const object = (...keys: string[]): IrExpr => ({ kind: "object", props: keys.map((key, i) => ({ key, value: lit(i) })) });
const [a, b, c] = [id("a"), id("b"), id("c")];

/** What the tree means, computed directly (for the operators the precedence tests use). */
function meaning(e: IrExpr, env: Record<string, unknown>): unknown {
  switch (e.kind) {
    case "literal":
      return e.value;
    case "id":
      return env[e.name];
    case "unary": {
      const v = meaning(e.operand, env) as number;
      return e.op === "-" ? -v : e.op === "!" ? !v : e.op === "~" ? ~v : e.op === "typeof" ? typeof v : undefined;
    }
    case "binary": {
      const l = meaning(e.left, env) as number;
      const r = meaning(e.right, env) as number;
      const ops: Record<string, (x: number, y: number) => unknown> = {
        "+": (x, y) => x + y,
        "-": (x, y) => x - y,
        "*": (x, y) => x * y,
        "/": (x, y) => x / y,
        "**": (x, y) => x ** y,
        "<": (x, y) => x < y,
        "===": (x, y) => x === y,
      };
      return ops[e.op]!(l, r);
    }
    case "logical": {
      const l = meaning(e.left, env);
      if (e.op === "&&") return l && meaning(e.right, env);
      if (e.op === "||") return l || meaning(e.right, env);
      return l ?? meaning(e.right, env);
    }
    case "cond":
      return meaning(e.test, env) ? meaning(e.then, env) : meaning(e.else, env);
    default:
      throw new Error(`meaning: ${e.kind}`);
  }
}

/** Prints `e` and checks that JS evaluates the text to what the tree means. */
function printsAs(e: IrExpr, text: string, env: Record<string, unknown> = { a: 2, b: 3, c: 4 }): void {
  const printed = print(e);
  expect(printed).toBe(text);
  const names = Object.keys(env);
  const evaluated = new Function(...names, `return (${printed});`)(...names.map((n) => env[n]));
  expect(evaluated).toEqual(meaning(e, env));
}

describe("precedence-aware parentheses", () => {
  it("left-associative operators parenthesise a right operand of the same precedence", () => {
    printsAs(binary("-", binary("-", a, b), c), "a - b - c");
    printsAs(binary("-", a, binary("-", b, c)), "a - (b - c)");
    printsAs(binary("*", binary("+", a, b), c), "(a + b) * c");
    printsAs(binary("+", a, binary("*", b, c)), "a + b * c");
    printsAs(binary("/", a, binary("*", b, c)), "a / (b * c)");
  });

  it("`**` is right-associative, and a unary left operand must be parenthesised", () => {
    printsAs(binary("**", a, binary("**", b, c)), "a ** b ** c");
    printsAs(binary("**", binary("**", a, b), c), "(a ** b) ** c");
    printsAs(binary("**", neg(a), b), "(-a) ** b");
    printsAs(binary("**", a, neg(b)), "a ** -b");
    printsAs(neg(binary("**", a, b)), "-(a ** b)");
    printsAs(binary("*", binary("**", a, b), c), "a ** b * c");
  });

  it("`??` mixed with `||` or `&&` is always parenthesised, on either side", () => {
    const env = { a: null, b: 0, c: 5 };
    printsAs(logical("??", logical("||", a, b), c), "(a || b) ?? c", env);
    printsAs(logical("??", a, logical("||", b, c)), "a ?? (b || c)", env);
    printsAs(logical("||", logical("??", a, b), c), "(a ?? b) || c", env);
    printsAs(logical("&&", a, logical("??", b, c)), "a && (b ?? c)", env);
    printsAs(logical("??", logical("??", a, b), c), "a ?? b ?? c", env);
  });

  it("`&&` binds tighter than `||`", () => {
    const env = { a: true, b: false, c: false };
    printsAs(logical("||", a, logical("&&", b, c)), "a || b && c", env);
    printsAs(logical("&&", logical("||", a, b), c), "(a || b) && c", env);
  });

  it("conditionals nest on the right, are parenthesised as a test or an operand", () => {
    const env = { a: 0, b: 1, c: 2 };
    printsAs(cond(a, b, cond(b, c, a)), "a ? b : b ? c : a", env);
    printsAs(cond(cond(a, b, c), a, b), "(a ? b : c) ? a : b", env);
    printsAs(binary("+", cond(a, b, c), a), "(a ? b : c) + a", env);
  });

  it("`- -x` keeps a space so it does not become `--x`; `-!x` needs none", () => {
    printsAs(neg(neg(a)), "- -a");
    printsAs(neg(neg(neg(a))), "- - -a");
    printsAs(neg(bang(a)), "-!a", { a: 0 });
  });

  it("call, member and `new` operands are parenthesised below call precedence", () => {
    expect(print(call(fn(null, [], [ret(lit(1))], { arrow: true }), []))).toBe("(() => {\n  return 1;\n})()");
    expect(print(member(binary("+", a, b), "x"))).toBe("(a + b).x");
    expect(print({ kind: "new", callee: call(id("f"), []), args: [] })).toBe("new (f())()");
    expect(print(logical("||", fn(null, [], [], { arrow: true }), a))).toBe("(() => {}) || a");
  });

  it("assignments, sequences and yields inside operands", () => {
    expect(print(binary("===", { kind: "unary", op: "typeof", operand: assign(id("t"), a) }, lit("object")))).toBe('typeof (t = a) === "object"');
    expect(print(call(id("f"), [seq([a, b])]))).toBe("f((a, b))");
    expect(print(cond(a, seq([b, c]), a))).toBe("a ? (b, c) : a");
    expect(print(binary("+", { kind: "yield", delegate: true, value: a }, b))).toBe("(yield* a) + b");
    // As an argument a yield needs no parentheses.
    expect(print(call(id("f"), [{ kind: "yield", delegate: true, value: a }]))).toBe("f(yield* a)");
  });

  it("an object literal or a function expression at statement start is parenthesised", () => {
    expect(printStmt(exprStmt(object("a")))).toBe("({a: 0});\n");
    expect(printStmt(exprStmt(fn(null, [], [])))).toBe("(function() {});\n");
    // Arrows can start a statement.
    expect(printStmt(exprStmt(fn(null, [], [], { arrow: true })))).toBe("() => {};\n");
  });

  // An object literal or a `function` expression that *begins* a larger expression statement must
  // be parenthesised (`{a: 0}.a;` would parse as a block, `function() {}();` is a syntax error).
  it("an object or function expression that begins a larger expression statement is parenthesised", () => {
    for (const s of [
      exprStmt(member(object("a"), "a")),
      exprStmt(seq([object("a"), lit(1)])),
      exprStmt(assign(member(object("a"), "a"), lit(1))),
      exprStmt(call(fn(null, [], []), [])),
    ]) {
      const text = printStmt(s);
      expect(() => new Function(text), text).not.toThrow();
      expect(text.startsWith("{")).toBe(false);
    }
  });

  // A negative number literal prints as a unary minus: under another minus or as the left operand
  // of `**` it needs parentheses (`- -1`, `(-2) ** x`), and `1.toFixed` needs them too.
  it("negative number literals are parenthesised where a unary would be", () => {
    for (const e of [neg(lit(-1)), binary("**", lit(-2), a), member(lit(1), "toFixed")]) {
      const text = print(e);
      expect(() => new Function("a", `return ${text};`), text).not.toThrow();
    }
  });
});

describe("literals and keys", () => {
  it("strings escape U+2028 and U+2029 and round-trip through JS", () => {
    const value = "line\u2028sep\u2029para \"q\" \\ \n";
    const text = print(lit(value));
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain("\\u2028");
    expect(text).toContain("\\u2029");
    expect(new Function(`return ${text};`)()).toBe(value);
  });

  it("special numbers and undefined", () => {
    expect([lit(-0), lit(NaN), lit(Infinity), lit(-Infinity), lit(undefined), lit(null), lit(1e21)].map(print)).toEqual([
      "-0",
      "NaN",
      "Infinity",
      "-Infinity",
      "undefined",
      "null",
      "1e+21",
    ]);
  });

  it("`__proto__` object keys become own properties, other keys are quoted only when needed", () => {
    const text = print(object("__proto__", "plain", "a-b", "$ok"));
    expect(text).toBe('{["__proto__"]: 0, plain: 1, "a-b": 2, $ok: 3}');
    const value = new Function(`return ${text};`)() as Record<string, number>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "plain", "a-b", "$ok"]);
  });

  it("member names that are not identifiers use brackets", () => {
    expect(print(member(a, "ok"))).toBe("a.ok");
    expect(print(member(a, "not-ok"))).toBe('a["not-ok"]');
    expect(print({ kind: "tableCall", table: "$F", slot: "f$2", name: "f", args: [], generator: false })).toBe("$F.f$2.impl()");
    expect(print({ kind: "tableCall", table: "$F", slot: "a-b", name: "a-b", args: [a], generator: true })).toBe('yield* $F["a-b"].gen(a)');
  });
});

describe("source maps", () => {
  const at = (line: number, column: number): Loc => ({ start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 0 } });

  /** The generated (0-based) position of the first occurrence of `needle`. */
  function positionOf(code: string, needle: string): { line: number; column: number } {
    const index = code.indexOf(needle);
    if (index < 0) throw new Error(`${needle} not in:\n${code}`);
    const before = code.slice(0, index).split("\n");
    return { line: before.length - 1, column: before[before.length - 1]!.length };
  }

  it("compile() maps generated code back to the .gr line and column", () => {
    const source = lines("x = 1", "if x > 0 {", "    print(x + 7)", "}", "y = x * 3");
    const result = compile(source, { ...COMPILE_OPTIONS, sourcemap: "external", outFile: "out/t.mjs" });
    const code = result.code!;
    expect(code).toMatch(/\/\/# sourceMappingURL=t\.mjs\.map\n$/);
    const payload = JSON.parse(result.map!) as SourceMapPayload;
    expect(payload.sources).toEqual(["t.gr"]);
    const map = new SourceMap(payload);
    const original = (needle: string) => {
      const p = positionOf(code, needle);
      const entry = map.findEntry(p.line, p.column) as { originalSource: string; originalLine: number; originalColumn: number };
      return { source: entry.originalSource, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
    };
    expect(original("$rt.print(")).toEqual({ source: "t.gr", line: 3, column: 5 });
    expect(original("x + 7")).toEqual({ source: "t.gr", line: 3, column: 11 });
    expect(original("y = x * 3")).toEqual({ source: "t.gr", line: 5, column: 1 });
    expect(original("x * 3")).toEqual({ source: "t.gr", line: 5, column: 5 });
  });

  it("an inline map is the same map, base64 in a comment", () => {
    const source = lines("print(1)");
    const external = compile(source, { ...COMPILE_OPTIONS, sourcemap: "external" });
    const inline = compile(source, { ...COMPILE_OPTIONS, sourcemap: "inline" });
    const comment = /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,([A-Za-z0-9+/=]+)\n$/.exec(inline.code!);
    expect(comment).not.toBeNull();
    expect(Buffer.from(comment![1]!, "base64").toString("utf8")).toBe(external.map);
    // Without a map: no comment, no map.
    const none = compile(source, COMPILE_OPTIONS);
    expect(none.map).toBeNull();
    expect(none.code).not.toMatch(/sourceMappingURL/);
  });

  it("JsPrinter: located nodes map to their start, 1-based lines and 0-based columns in the map", () => {
    const mod: IrModule = {
      imports: [],
      body: [exprStmt(call(id("f", at(2, 3)), [binary("+", id("a", at(4, 9)), lit(1))], at(2, 3)), at(2, 3))],
      exports: [],
    };
    const { code, map } = new JsPrinter({ sourceName: "src/t.gr", runtimeName: "$rt", sourceMap: true }).module(mod, "t.mjs");
    expect(code).toBe("f(a + 1);\n");
    const sm = new SourceMap(JSON.parse(map!));
    expect(sm.findEntry(0, 0)).toMatchObject({ originalSource: "src/t.gr", originalLine: 1, originalColumn: 2 });
    expect(sm.findEntry(0, 2)).toMatchObject({ originalSource: "src/t.gr", originalLine: 3, originalColumn: 8 });
    // Without a map the printer returns the same text.
    expect(new JsPrinter({ sourceName: "src/t.gr", runtimeName: "$rt", sourceMap: false }).module(mod, "t.mjs")).toEqual({ code, map: null });
  });
});
