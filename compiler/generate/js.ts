// Prints the IR as an ES module. With a source map, every node with a location becomes a
// SourceNode, so the map is built from the tree itself (DESIGN.md: never location-free string
// concatenation); without one, the printer only collects the text.
import sourceMap from "source-map";
import type { Loc } from "../parse/ast.js";
import type { IrExpr, IrModule, IrStmt, IrFunction } from "../lower/ir.js";
import { inlineBehaviors } from "./behaviors.js";
import { isAsciiIdentifier } from "../lower/context.js";

const { SourceNode } = sourceMap;
type Chunk = string | InstanceType<typeof SourceNode>;

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
  "!=": 9,
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

/**
 * Prints by appending to one output: the text's pieces in order, and with a source map, a
 * SourceNode for every located node around the pieces printed inside it (`open`/`close`).
 * Writing pieces as they come, instead of building a chunk tree per node and flattening it, keeps
 * the printer from allocating much more than the code it prints.
 */
export class JsPrinter {
  private indentLevel = 0;
  /** The pieces of the located node being printed (without a map: since the last statement). */
  private chunks: Chunk[] = [];
  /** With a map: the pieces of the enclosing located nodes, innermost last. */
  private readonly outer: Chunk[][] = [];
  /** Without a map: the text printed so far, in pieces of SETTLE_PIECES writes. */
  private text: string[] = [];
  /**
   * Without a map: the latest writes, in a fixed array whose slots are reused, so that writing
   * allocates nothing but the joined text (an array that is emptied and grows again allocates
   * its storage over and over).
   */
  private readonly pieces: string[] = new Array<string>(SETTLE_PIECES).fill("");
  private count = 0;
  private readonly sourceMap: boolean;
  /** `$rt.name` per runtime function name. */
  private readonly runtimeRefs = new Map<string, string>();
  /** `$rt.name(` per runtime function name. */
  private readonly runtimeCalls = new Map<string, string>();
  /** The printer of `printNow` (its output goes elsewhere), made when first needed. */
  private side: JsPrinter | null = null;

  constructor(private readonly options: GenerateOptions) {
    this.sourceMap = options.sourceMap;
  }

  /** The module's code and, when asked for, its source map (JSON text). */
  module(mod: IrModule, outFile: string): { code: string; map: string | null } {
    for (const imp of mod.imports) this.write(`import * as ${imp.name} from ${JSON.stringify(imp.specifier)};\n`);
    for (const s of mod.body) this.stmt(s);
    if (mod.exports.length > 0) {
      this.write(`export { ${mod.exports.map((e) => (e.local === e.exported ? e.local : `${e.local} as ${e.exported}`)).join(", ")} };\n`);
    }
    if (!this.options.sourceMap) return { code: this.takeText(), map: null };
    const { code, map } = new SourceNode(null, null, null, this.chunks as never).toStringWithSourceMap({ file: outFile });
    this.chunks = [];
    return { code, map: map.toString() };
  }

  /**
   * Prints statements now, at indentation `depth`, for a module this printer prints later (the
   * `settle` hook of lowering, compiler/lower/context.ts): the result holds their code, text or
   * with a map the pieces of their SourceNodes, which `module` then takes in place.
   */
  printNow(statements: IrStmt[], depth: number): IrStmt {
    const side = (this.side ??= new JsPrinter(this.options));
    side.indentLevel = depth;
    for (const s of statements) side.stmt(s);
    if (!this.sourceMap) return { kind: "printed", code: side.takeText() };
    const code = side.chunks;
    side.chunks = [];
    return { kind: "printed", code };
  }

  /** One statement as text (without a map). */
  statement(s: IrStmt): string {
    this.stmt(s);
    return this.takeText();
  }

  /** One expression as text (without a map), parenthesised when its precedence is below `min`. */
  expression(e: IrExpr, min = 0): string {
    this.expr(e, min);
    return this.takeText();
  }

  private takeText(): string {
    if (this.count > 0) this.text.push(this.pieces.slice(0, this.count).join(""));
    this.count = 0;
    const text = this.text.join("");
    this.text = [];
    return text;
  }

  private write(text: string): void {
    if (this.sourceMap) {
      this.chunks.push(text);
      return;
    }
    this.pieces[this.count++] = text;
    if (this.count === SETTLE_PIECES) {
      this.text.push(this.pieces.join(""));
      this.count = 0;
    }
  }

  /** Starts the node located at `loc` (with a map; without one, or without `loc`, nothing). */
  private open(loc: Loc | null | undefined): void {
    if (!this.options.sourceMap || !loc) return;
    this.outer.push(this.chunks);
    this.chunks = [];
  }

  /** Ends the node `open(loc)` started: its pieces become one SourceNode of the enclosing node. */
  private close(loc: Loc | null | undefined): void {
    if (!this.options.sourceMap || !loc) return;
    const start = loc.start; // computed on each read for AST locations (grammar.peggy, SourceLoc)
    const node = new SourceNode(start.line, start.column - 1, this.options.sourceName, this.chunks as never);
    this.chunks = this.outer.pop()!;
    this.chunks.push(node);
  }

  private pad(): string {
    return PADS[this.indentLevel] ?? "  ".repeat(this.indentLevel);
  }

  /** The indentation and `keyword` in one piece (the printer's cost is mostly per piece). */
  private padded(keyword: Keyword): string {
    return PADDED[keyword][this.indentLevel] ?? this.pad() + keyword;
  }

  // ---------------------------------------------------------------- statements

  /** `{ body }`; `before` (such as `") "`) is printed just before the brace, in the same piece. */
  private block(body: IrStmt[], before: BlockOpening = ""): void {
    if (body.length === 0) {
      this.write(EMPTY_BLOCK[before]);
      return;
    }
    this.write(OPEN_BLOCK[before]);
    this.indentLevel++;
    for (const s of body) this.stmt(s);
    this.indentLevel--;
    this.write(this.pad());
    this.write("}");
  }

  private stmt(s: IrStmt): void {
    const p = this.pad();
    switch (s.kind) {
      case "exprStmt": {
        // An expression statement must not start with `{` or `function` (however deep the
        // leftmost operand is).
        const first = leftmost(s.expr);
        const needsParens = first.kind === "object" || (first.kind === "function" && !first.arrow);
        this.open(s.loc);
        this.write(p);
        if (needsParens) this.write("(");
        this.expr(s.expr, PREC.seq!);
        if (needsParens) this.write(")");
        this.write(";\n");
        this.close(s.loc);
        return;
      }
      case "var":
        this.open(s.loc);
        this.write(this.padded(s.declKind === "let" ? "let " : "const "));
        this.write(s.name);
        if (s.init) {
          this.write(" = ");
          this.expr(s.init, PREC.assign!);
        }
        this.write(";\n");
        this.close(s.loc);
        return;
      case "if": {
        this.open(s.loc);
        this.write(this.padded("if ("));
        this.expr(s.test, 0);
        this.block(s.then, ") ");
        let otherwise = s.else;
        while (otherwise) {
          if (otherwise.length === 1 && otherwise[0]!.kind === "if") {
            const inner = otherwise[0] as Extract<IrStmt, { kind: "if" }>;
            this.write(" else if (");
            this.expr(inner.test, 0);
            this.block(inner.then, ") ");
            otherwise = inner.else;
          } else {
            this.block(otherwise, " else ");
            otherwise = null;
          }
        }
        this.write("\n");
        this.close(s.loc);
        return;
      }
      case "while":
        this.open(s.loc);
        this.write(this.padded("while ("));
        this.expr(s.test, 0);
        this.block(s.body, ") ");
        this.write("\n");
        this.close(s.loc);
        return;
      case "for":
        this.open(s.loc);
        this.write(this.padded("for ("));
        if (s.init?.kind === "var") {
          this.write(s.init.declKind);
          this.write(" ");
          this.write(s.init.name);
          if (s.init.init) {
            this.write(" = ");
            this.expr(s.init.init, PREC.assign!);
          }
        } else if (s.init?.kind === "exprStmt") {
          this.expr(s.init.expr, 0);
        }
        this.write("; ");
        if (s.test) this.expr(s.test, 0);
        this.write("; ");
        if (s.update) this.expr(s.update, 0);
        this.block(s.body, ") ");
        this.write("\n");
        this.close(s.loc);
        return;
      case "forOf":
        this.open(s.loc);
        this.write(this.padded("for ("));
        if (s.declKind) this.write(s.declKind + " ");
        this.write(s.name);
        this.write(" of ");
        this.expr(s.iterable, PREC.assign!);
        this.block(s.body, ") ");
        this.write("\n");
        this.close(s.loc);
        return;
      case "block":
        this.write(p);
        this.block(s.body);
        this.write("\n");
        return;
      case "return":
        this.open(s.loc);
        if (s.value) {
          this.write(this.padded("return "));
          this.expr(s.value, 0);
          this.write(";\n");
        } else {
          this.write(this.padded("return;\n"));
        }
        this.close(s.loc);
        return;
      case "break":
      case "continue":
        this.write(p);
        this.write(s.kind);
        if (s.label) this.write(" " + s.label);
        this.write(";\n");
        return;
      case "throw":
        this.open(s.loc);
        this.write(this.padded("throw "));
        this.expr(s.value, 0);
        this.write(";\n");
        this.close(s.loc);
        return;
      case "try":
        this.open(s.loc);
        this.write(p);
        this.write("try ");
        this.block(s.body);
        if (s.handler) {
          this.write(" catch");
          if (s.param) this.write(` (${s.param})`);
          this.write(" ");
          this.block(s.handler);
        }
        if (s.finalizer) {
          this.write(" finally ");
          this.block(s.finalizer);
        }
        this.write("\n");
        this.close(s.loc);
        return;
      case "labeled":
        this.write(p);
        this.write(s.label);
        this.write(":\n");
        this.stmt(s.body);
        return;
      case "printed":
        if (this.sourceMap) for (const chunk of s.code as Chunk[]) this.chunks.push(chunk);
        else this.write(s.code as string);
        return;
      case "comment":
        this.write(p);
        this.write("// ");
        this.write(s.text.replace(/\n/g, " "));
        this.write("\n");
        return;
    }
  }

  // ---------------------------------------------------------------- expressions

  /** Prints `e`, parenthesised when its precedence is below `min`. */
  private expr(e: IrExpr, min: number): void {
    const parens = precedence(e) < min;
    this.open(e.loc);
    if (parens) this.write("(");
    this.exprInner(e);
    if (parens) this.write(")");
    this.close(e.loc);
  }

  private args(list: IrExpr[]): void {
    for (let i = 0; i < list.length; i++) {
      if (i > 0) this.write(", ");
      this.expr(list[i]!, PREC.assign!);
    }
  }

  /** `e` without the parentheses its context may need (see `precedence`). */
  private exprInner(e: IrExpr): void {
    switch (e.kind) {
      case "literal":
        this.write(literal(e.value));
        return;
      case "id":
        this.write(e.name);
        return;
      case "runtime": {
        // One piece per reference, made once per name: the printer's cost is mostly per piece.
        let text = this.runtimeRefs.get(e.name);
        if (text === undefined) this.runtimeRefs.set(e.name, (text = this.options.runtimeName + "." + e.name));
        this.write(text);
        return;
      }
      case "member": {
        // `1.toFixed` would read as a number with a fraction.
        const numberObject = e.object.kind === "literal" && typeof e.object.value === "number";
        this.expr(e.object, numberObject ? PREC.primary! + 1 : PREC.call!);
        this.write(propertyAccess(e.property));
        return;
      }
      case "index":
        this.expr(e.object, PREC.call!);
        this.write("[");
        this.expr(e.index, 0);
        this.write("]");
        return;
      case "call":
        if (e.callee.kind === "runtime" && !(this.sourceMap && e.callee.loc)) {
          // `$rt.name(` in one piece, when no source-map node separates the callee.
          let text = this.runtimeCalls.get(e.callee.name);
          if (text === undefined) this.runtimeCalls.set(e.callee.name, (text = this.options.runtimeName + "." + e.callee.name + "("));
          this.write(text);
        } else {
          this.expr(e.callee, PREC.call!);
          this.write("(");
        }
        this.args(e.args);
        this.write(")");
        return;
      case "new":
        this.write("new ");
        this.expr(e.callee, PREC.primary!);
        this.write("(");
        this.args(e.args);
        this.write(")");
        return;
      case "binary": {
        const prec = PREC[e.op]!;
        if (e.op === "**") {
          // Right-associative, and a unary operand on the left must be parenthesised.
          this.expr(e.left, prec + 2);
          this.write(" ** ");
          this.expr(e.right, prec);
        } else {
          this.expr(e.left, prec);
          this.write(SPACED[e.op] ?? ` ${e.op} `);
          this.expr(e.right, prec + 1);
        }
        return;
      }
      case "unary": {
        this.write(e.op === "typeof" ? "typeof " : e.op === "void" ? "void " : e.op);
        // Avoid `- -x` printing as `--x`.
        const negativeLiteral = e.operand.kind === "literal" && isNegativeNumber(e.operand.value);
        if (e.op === "-" && ((e.operand.kind === "unary" && e.operand.op === "-") || negativeLiteral)) this.write(" ");
        this.expr(e.operand, PREC.unary!);
        return;
      }
      case "logical": {
        const prec = PREC[e.op]!;
        this.logicalSide(e, e.left, prec);
        this.write(SPACED[e.op]!);
        this.logicalSide(e, e.right, prec + 1);
        return;
      }
      case "cond":
        this.expr(e.test, PREC.cond! + 1);
        this.write(" ? ");
        this.expr(e.then, PREC.assign!);
        this.write(" : ");
        this.expr(e.else, PREC.assign!);
        return;
      case "assign":
        this.expr(e.target, PREC.call!);
        this.write(" = ");
        this.expr(e.value, PREC.assign!);
        return;
      case "seq":
        this.args(e.exprs);
        return;
      case "array":
        this.write("[");
        this.args(e.elements);
        this.write("]");
        return;
      case "object":
        this.write("{");
        for (let i = 0; i < e.props.length; i++) {
          const prop = e.props[i]!;
          if (i > 0) this.write(", ");
          this.write(objectKey(prop.key));
          this.write(": ");
          this.expr(prop.value, PREC.assign!);
        }
        this.write("}");
        return;
      case "function":
        this.fn(e);
        return;
      case "yield":
        this.write(e.delegate ? "yield* " : "yield ");
        this.expr(e.value, PREC.assign!);
        return;
      case "tableCall":
        if (e.generator) this.write("yield* ");
        this.write(e.table);
        this.write(propertyAccess(e.slot));
        this.write(e.generator ? ".gen(" : ".impl(");
        this.args(e.args);
        this.write(")");
        return;
      case "behaviorCheck":
        this.expr(inlineBehaviors(e), PREC.primary!);
        return;
      case "breakerWrap":
        this.write(this.options.runtimeName);
        this.write(".wrapBreaker(");
        this.expr(e.fn, PREC.assign!);
        this.write(", ");
        this.expr(e.options, PREC.assign!);
        this.write(")");
        return;
    }
  }

  /** An operand of `&&`, `||` or `??`: `??` cannot be mixed with the others unparenthesised. */
  private logicalSide(e: Extract<IrExpr, { kind: "logical" }>, side: IrExpr, prec: number): void {
    if (side.kind === "logical" && (side.op === "??") !== (e.op === "??")) {
      this.write("(");
      this.expr(side, 0);
      this.write(")");
    } else {
      this.expr(side, prec);
    }
  }

  private fn(f: IrFunction): void {
    this.write(f.arrow ? `(${f.params.join(", ")}) => ` : `function${f.generator ? "*" : ""}${f.name ? " " + f.name : ""}(${f.params.join(", ")}) `);
    this.block(f.body);
  }
}

/** How tightly `e` binds as printed (PREC), to decide where its context needs parentheses. */
function precedence(e: IrExpr): number {
  switch (e.kind) {
    case "literal":
      // A negative number prints as a unary minus and needs parentheses where one would.
      return isNegativeNumber(e.value) ? PREC.unary! : PREC.primary!;
    case "id":
    case "array":
    case "object":
    case "behaviorCheck":
      return PREC.primary!;
    case "runtime":
    case "member":
    case "index":
    case "call":
    case "new":
    case "breakerWrap":
      return PREC.call!;
    case "binary":
    case "logical":
      return PREC[e.op]!;
    case "unary":
      return PREC.unary!;
    case "cond":
      return PREC.cond!;
    case "assign":
      return PREC.assign!;
    case "seq":
      return PREC.seq!;
    case "function":
      return e.arrow ? PREC.arrow! : PREC.primary!;
    case "yield":
      return PREC.yield!;
    case "tableCall":
      return e.generator ? PREC.yield! : PREC.call!;
  }
}

function isNegativeNumber(v: unknown): boolean {
  return typeof v === "number" && (v < 0 || Object.is(v, -0));
}

/** Binary and logical operators with their surrounding spaces, made once. */
const SPACED: Record<string, string> = Object.fromEntries(Object.keys(PREC).map((op) => [op, ` ${op} `]));

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
  if (typeof v === "string") {
    const json = JSON.stringify(v);
    return LINE_SEPARATORS.test(json) ? json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") : json;
  }
  return String(v);
}

/** U+2028 and U+2029 are line breaks in JS source (older engines reject them in string literals). */
const LINE_SEPARATORS = /[\u2028\u2029]/;

/** How many pieces the printer collects before joining them (see `write`). */
const SETTLE_PIECES = 512;

/** Indentation strings for the usual depths, made once. */
const PADS = Array.from({ length: 16 }, (_, depth) => "  ".repeat(depth));

/** Statement beginnings printed with their indentation (`padded`), made once per depth. */
const KEYWORDS = ["let ", "const ", "if (", "while (", "for (", "return ", "return;\n", "throw "] as const;
type Keyword = (typeof KEYWORDS)[number];
const PADDED = Object.fromEntries(KEYWORDS.map((k) => [k, PADS.map((pad) => pad + k)])) as Record<Keyword, string[]>;

/** What `block` may print just before its brace, and the resulting openings. */
type BlockOpening = "" | ") " | " else ";
const OPEN_BLOCK: Record<BlockOpening, string> = { "": "{\n", ") ": ") {\n", " else ": " else {\n" };
const EMPTY_BLOCK: Record<BlockOpening, string> = { "": "{}", ") ": ") {}", " else ": " else {}" };

function propertyAccess(name: string): string {
  return isAsciiIdentifier(name, true) ? "." + name : `[${JSON.stringify(name)}]`;
}

function objectKey(name: string): string {
  // `__proto__: v` in a literal would set the prototype instead of a property.
  if (name === "__proto__") return '["__proto__"]';
  return isAsciiIdentifier(name, true) ? name : JSON.stringify(name);
}
