// Prints the IR as an ES module. Every node with a location becomes a SourceNode, so the source
// map is built from the tree itself (DESIGN.md: never location-free string concatenation).
import sourceMap from "source-map";
import type { Loc } from "../parse/ast.js";
import type { IrExpr, IrModule, IrStmt, IrFunction } from "../lower/ir.js";
import { inlineBehaviors } from "./behaviors.js";

const { SourceNode } = sourceMap;
type Chunk = string | InstanceType<typeof SourceNode> | Chunk[];

export interface GenerateOptions {
  /** The `.gr` path written into the map's `sources`. */
  sourceName: string;
  /** JS identifier the runtime namespace is imported as. */
  runtimeName: string;
  /** Build a source map (SourceNodes for every located node); without it code is plain text. */
  sourceMap: boolean;
}

const PREC: Record<string, number> = {
  seq: 1,
  assign: 2,
  yield: 2,
  arrow: 2,
  cond: 3,
  "??": 4,
  "||": 4,
  "&&": 5,
  "|": 6,
  "^": 7,
  "&": 8,
  "===": 9,
  "!==": 9,
  "<": 10,
  "<=": 10,
  ">": 10,
  ">=": 10,
  instanceof: 10,
  "<<": 11,
  ">>": 11,
  ">>>": 11,
  "+": 12,
  "-": 12,
  "*": 13,
  "/": 13,
  "%": 13,
  "**": 14,
  unary: 15,
  call: 17,
  primary: 18,
};

export class JsPrinter {
  private indentLevel = 0;

  constructor(private readonly options: GenerateOptions) {}

  /** The module's code and, when asked for, its source map (JSON text). */
  module(mod: IrModule, outFile: string): { code: string; map: string | null } {
    const out: Chunk[] = [];
    for (const imp of mod.imports) out.push(`import * as ${imp.name} from ${JSON.stringify(imp.specifier)};\n`);
    for (const s of mod.body) out.push(this.stmt(s));
    if (mod.exports.length > 0) {
      out.push(`export { ${mod.exports.map((e) => (e.local === e.exported ? e.local : `${e.local} as ${e.exported}`)).join(", ")} };\n`);
    }
    if (!this.options.sourceMap) return { code: flatten(out), map: null };
    const { code, map } = new SourceNode(null, null, null, out as never).toStringWithSourceMap({ file: outFile });
    return { code, map: map.toString() };
  }

  private node(loc: Loc | null | undefined, chunks: Chunk): Chunk {
    // Without a map, collapse to text at once: short-lived arrays instead of a tree kept to the end.
    if (!this.options.sourceMap) return flatten(chunks);
    if (!loc) return chunks;
    return new SourceNode(loc.start.line, loc.start.column - 1, this.options.sourceName, chunks as never);
  }

  private pad(): string {
    return "  ".repeat(this.indentLevel);
  }

  // ---------------------------------------------------------------- statements

  private block(body: IrStmt[]): Chunk {
    if (body.length === 0) return "{}";
    this.indentLevel++;
    const inner = body.map((s) => this.stmt(s));
    this.indentLevel--;
    return ["{\n", ...inner, this.pad(), "}"];
  }

  stmt(s: IrStmt): Chunk {
    const p = this.pad();
    switch (s.kind) {
      case "exprStmt": {
        const e = this.expr(s.expr, PREC.seq!);
        // An expression statement must not start with `{` or `function` (however deep the
        // leftmost operand is).
        const first = leftmost(s.expr);
        const needsParens = first.kind === "object" || (first.kind === "function" && !first.arrow);
        return this.node(s.loc, [p, needsParens ? ["(", e, ")"] : e, ";\n"]);
      }
      case "var":
        return this.node(s.loc, [p, s.declKind, " ", s.name, s.init ? [" = ", this.expr(s.init, PREC.assign!)] : "", ";\n"]);
      case "if": {
        const out: Chunk[] = [p, "if (", this.expr(s.test, 0), ") ", this.block(s.then)];
        let otherwise = s.else;
        while (otherwise) {
          if (otherwise.length === 1 && otherwise[0]!.kind === "if") {
            const inner = otherwise[0] as Extract<IrStmt, { kind: "if" }>;
            out.push(" else if (", this.expr(inner.test, 0), ") ", this.block(inner.then));
            otherwise = inner.else;
          } else {
            out.push(" else ", this.block(otherwise));
            otherwise = null;
          }
        }
        out.push("\n");
        return this.node(s.loc, out);
      }
      case "while":
        return this.node(s.loc, [p, "while (", this.expr(s.test, 0), ") ", this.block(s.body), "\n"]);
      case "for": {
        let init: Chunk = "";
        if (s.init) {
          if (s.init.kind === "var") init = [s.init.declKind, " ", s.init.name, s.init.init ? [" = ", this.expr(s.init.init, PREC.assign!)] : ""];
          else if (s.init.kind === "exprStmt") init = this.expr(s.init.expr, 0);
        }
        return this.node(s.loc, [
          p,
          "for (",
          init,
          "; ",
          s.test ? this.expr(s.test, 0) : "",
          "; ",
          s.update ? this.expr(s.update, 0) : "",
          ") ",
          this.block(s.body),
          "\n",
        ]);
      }
      case "forOf":
        return this.node(s.loc, [p, "for (", s.declKind ? s.declKind + " " : "", s.name, " of ", this.expr(s.iterable, PREC.assign!), ") ", this.block(s.body), "\n"]);
      case "block":
        return [p, this.block(s.body), "\n"];
      case "return":
        return this.node(s.loc, [p, "return", s.value ? [" ", this.expr(s.value, 0)] : "", ";\n"]);
      case "break":
        return [p, "break", s.label ? " " + s.label : "", ";\n"];
      case "continue":
        return [p, "continue", s.label ? " " + s.label : "", ";\n"];
      case "throw":
        return this.node(s.loc, [p, "throw ", this.expr(s.value, 0), ";\n"]);
      case "try": {
        const out: Chunk[] = [p, "try ", this.block(s.body)];
        if (s.handler) out.push(" catch", s.param ? ` (${s.param})` : "", " ", this.block(s.handler));
        if (s.finalizer) out.push(" finally ", this.block(s.finalizer));
        out.push("\n");
        return this.node(s.loc, out);
      }
      case "labeled": {
        const inner = this.stmt(s.body);
        return [p, s.label, ":\n", inner];
      }
      case "comment":
        return [p, "// ", s.text.replace(/\n/g, " "), "\n"];
    }
  }

  // ---------------------------------------------------------------- expressions

  /** Prints `e`, parenthesised when its precedence is below `min`. */
  expr(e: IrExpr, min: number): Chunk {
    const [prec, chunk] = this.exprInner(e);
    if (!this.options.sourceMap) return prec < min ? "(" + flatten(chunk) + ")" : flatten(chunk);
    const wrapped = prec < min ? ["(", chunk, ")"] : chunk;
    return this.node(e.loc, wrapped);
  }

  private args(list: IrExpr[]): Chunk {
    const out: Chunk[] = [];
    list.forEach((a, i) => {
      if (i > 0) out.push(", ");
      out.push(this.expr(a, PREC.assign!));
    });
    return out;
  }

  private exprInner(e: IrExpr): [number, Chunk] {
    switch (e.kind) {
      case "literal": {
        // A negative number prints as a unary minus and needs parentheses where one would.
        const negative = typeof e.value === "number" && (e.value < 0 || Object.is(e.value, -0));
        return [negative ? PREC.unary! : PREC.primary!, literal(e.value)];
      }
      case "id":
        return [PREC.primary!, e.name];
      case "runtime":
        return [PREC.call!, `${this.options.runtimeName}.${e.name}`];
      case "member": {
        // `1.toFixed` would read as a number with a fraction.
        const numberObject = e.object.kind === "literal" && typeof e.object.value === "number";
        return [PREC.call!, [this.expr(e.object, numberObject ? PREC.primary! + 1 : PREC.call!), propertyAccess(e.property)]];
      }
      case "index":
        return [PREC.call!, [this.expr(e.object, PREC.call!), "[", this.expr(e.index, 0), "]"]];
      case "call":
        return [PREC.call!, [this.expr(e.callee, PREC.call!), "(", this.args(e.args), ")"]];
      case "new":
        return [PREC.call!, ["new ", this.expr(e.callee, PREC.primary!), "(", this.args(e.args), ")"]];
      case "binary": {
        const prec = PREC[e.op]!;
        if (e.op === "**") {
          // Right-associative, and a unary operand on the left must be parenthesised.
          return [prec, [this.expr(e.left, prec + 2), " ** ", this.expr(e.right, prec)]];
        }
        return [prec, [this.expr(e.left, prec), ` ${e.op} `, this.expr(e.right, prec + 1)]];
      }
      case "unary": {
        const sep = e.op === "typeof" || e.op === "void" ? " " : "";
        // Avoid `- -x` printing as `--x`.
        const operand = this.expr(e.operand, PREC.unary!);
        const negativeLiteral = e.operand.kind === "literal" && typeof e.operand.value === "number" && (e.operand.value < 0 || Object.is(e.operand.value, -0));
        const needsSpace = e.op === "-" && ((e.operand.kind === "unary" && e.operand.op === "-") || negativeLiteral);
        return [PREC.unary!, [e.op, sep, needsSpace ? " " : "", operand]];
      }
      case "logical": {
        const prec = PREC[e.op]!;
        // `??` cannot be mixed with `&&`/`||` unparenthesised.
        const side = (x: IrExpr, p: number) =>
          x.kind === "logical" && (x.op === "??") !== (e.op === "??") ? ["(", this.expr(x, 0), ")"] : this.expr(x, p);
        return [prec, [side(e.left, prec), ` ${e.op} `, side(e.right, prec + 1)]];
      }
      case "cond":
        return [PREC.cond!, [this.expr(e.test, PREC.cond! + 1), " ? ", this.expr(e.then, PREC.assign!), " : ", this.expr(e.else, PREC.assign!)]];
      case "assign":
        return [PREC.assign!, [this.expr(e.target, PREC.call!), " = ", this.expr(e.value, PREC.assign!)]];
      case "seq":
        return [PREC.seq!, e.exprs.map((x, i) => (i === 0 ? this.expr(x, PREC.assign!) : [", ", this.expr(x, PREC.assign!)]))];
      case "array":
        return [PREC.primary!, ["[", this.args(e.elements), "]"]];
      case "object":
        return [
          PREC.primary!,
          ["{", e.props.map((p, i) => [i > 0 ? ", " : "", objectKey(p.key), ": ", this.expr(p.value, PREC.assign!)]), "}"],
        ];
      case "function":
        return [e.arrow ? PREC.arrow! : PREC.primary!, this.fn(e)];
      case "yield":
        return [PREC.yield!, [e.delegate ? "yield* " : "yield ", this.expr(e.value, PREC.assign!)]];
      case "tableCall": {
        const callee = `${e.table}${propertyAccess(e.slot)}.${e.generator ? "gen" : "impl"}`;
        const callExpr: Chunk = [callee, "(", this.args(e.args), ")"];
        return e.generator ? [PREC.yield!, ["yield* ", callExpr]] : [PREC.call!, callExpr];
      }
      case "behaviorCheck": {
        const inline = inlineBehaviors(e);
        return [PREC.primary!, this.expr(inline, PREC.primary!)];
      }
      case "breakerWrap":
        return [PREC.call!, [`${this.options.runtimeName}.wrapBreaker(`, this.expr(e.fn, PREC.assign!), ", ", this.expr(e.options, PREC.assign!), ")"]];
    }
  }

  private fn(f: IrFunction): Chunk {
    const head = f.arrow ? `(${f.params.join(", ")}) => ` : `function${f.generator ? "*" : ""}${f.name ? " " + f.name : ""}(${f.params.join(", ")}) `;
    return [head, this.block(f.body)];
  }
}

/** The operand printed first in `e` (what an expression statement starts with). */
function leftmost(e: IrExpr): IrExpr {
  switch (e.kind) {
    case "binary":
    case "logical":
      return leftmost(e.left);
    case "call":
      return leftmost(e.callee);
    case "member":
    case "index":
      return leftmost(e.object);
    case "cond":
      return leftmost(e.test);
    case "assign":
      return leftmost(e.target);
    case "seq":
      return e.exprs.length > 0 ? leftmost(e.exprs[0]!) : e;
    default:
      return e;
  }
}

/** Plain text of a chunk tree (no source map wanted). */
function flatten(chunk: Chunk): string {
  if (typeof chunk === "string") return chunk;
  if (Array.isArray(chunk)) {
    let out = "";
    for (const c of chunk) out += flatten(c);
    return out;
  }
  return chunk.toString();
}

function literal(v: number | string | boolean | null | undefined): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "number") {
    if (Object.is(v, -0)) return "-0";
    if (v !== v) return "NaN";
    if (v === Infinity) return "Infinity";
    if (v === -Infinity) return "-Infinity";
    return String(v);
  }
  if (typeof v === "string") return JSON.stringify(v).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return String(v);
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function propertyAccess(name: string): string {
  return IDENT.test(name) ? "." + name : `[${JSON.stringify(name)}]`;
}

function objectKey(name: string): string {
  // `__proto__: v` in a literal would set the prototype instead of a property.
  if (name === "__proto__") return '["__proto__"]';
  return IDENT.test(name) ? name : JSON.stringify(name);
}
