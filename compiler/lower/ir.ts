// The IR: a small JavaScript-shaped tree that `lower` builds from the analysed AST and `generate`
// prints with source maps. It is JS-level on purpose (so printing is mechanical), with explicit
// nodes for the things the design requires to be visible here rather than hidden in strings:
// behavior-rule checks at write sites, circuit-breaker wrappers, calls through the module's
// function table, and task suspension points.
import type { Loc } from "../parse/ast.js";

interface IrBase {
  /** The Graphoid span this code comes from; printed into the source map. */
  loc?: Loc | null;
}

// ---------------------------------------------------------------- expressions

export type IrExpr =
  | IrLiteral
  | IrId
  | IrRuntime
  | IrMember
  | IrIndex
  | IrCall
  | IrNew
  | IrBinary
  | IrUnary
  | IrLogical
  | IrCond
  | IrAssign
  | IrSeq
  | IrArray
  | IrObject
  | IrFunction
  | IrYield
  | IrTableCall
  | IrBehaviorCheck
  | IrBreakerWrap;

export interface IrLiteral extends IrBase {
  kind: "literal";
  value: number | string | boolean | null | undefined;
}

/** A JS identifier (a compiled variable, parameter or helper). */
export interface IrId extends IrBase {
  kind: "id";
  name: string;
}

/** A runtime export: printed as `$rt.name`. */
export interface IrRuntime extends IrBase {
  kind: "runtime";
  name: string;
}

export interface IrMember extends IrBase {
  kind: "member";
  object: IrExpr;
  property: string;
}

export interface IrIndex extends IrBase {
  kind: "index";
  object: IrExpr;
  index: IrExpr;
}

export interface IrCall extends IrBase {
  kind: "call";
  callee: IrExpr;
  args: IrExpr[];
}

export interface IrNew extends IrBase {
  kind: "new";
  callee: IrExpr;
  args: IrExpr[];
}

/** `!=` is only ever used against null, to test for null and undefined at once. */
export type JsBinaryOp =
  | "+" | "-" | "*" | "/" | "%" | "**"
  | "===" | "!==" | "!=" | "<" | "<=" | ">" | ">="
  | "&" | "|" | "^" | "<<" | ">>" | ">>>"
  | "instanceof";

export interface IrBinary extends IrBase {
  kind: "binary";
  op: JsBinaryOp;
  left: IrExpr;
  right: IrExpr;
}

export interface IrUnary extends IrBase {
  kind: "unary";
  op: "-" | "!" | "~" | "typeof" | "void";
  operand: IrExpr;
}

export interface IrLogical extends IrBase {
  kind: "logical";
  op: "&&" | "||" | "??";
  left: IrExpr;
  right: IrExpr;
}

export interface IrCond extends IrBase {
  kind: "cond";
  test: IrExpr;
  then: IrExpr;
  else: IrExpr;
}

export interface IrAssign extends IrBase {
  kind: "assign";
  target: IrId | IrMember | IrIndex;
  value: IrExpr;
}

export interface IrSeq extends IrBase {
  kind: "seq";
  exprs: IrExpr[];
}

export interface IrArray extends IrBase {
  kind: "array";
  elements: IrExpr[];
}

export interface IrObject extends IrBase {
  kind: "object";
  props: { key: string; value: IrExpr }[];
}

/** A JS function expression. `generator` makes it `function*` (the task-mode twin). */
export interface IrFunction extends IrBase {
  kind: "function";
  name: string | null;
  params: string[];
  body: IrStmt[];
  generator: boolean;
  arrow: boolean;
}

/** `yield* expr` inside generator twins: a point where a task may suspend. */
export interface IrYield extends IrBase {
  kind: "yield";
  delegate: boolean;
  value: IrExpr;
}

/**
 * A call of a top-level function through the module's function table, so hot reload can swap the
 * table entry (DESIGN.md decision 5). `slot` is the table key (`name` or `name$arity`).
 */
export interface IrTableCall extends IrBase {
  kind: "tableCall";
  table: string;
  slot: string;
  /** Graphoid name, for the "Undefined variable" error when the slot is still empty. */
  name: string;
  args: IrExpr[];
  /** Generator twin call (inside task-mode code). */
  generator: boolean;
}

/** A standard behavior whose parameters are known when compiling, applied inline to a value. */
export interface KnownBehavior {
  name: string;
  args: (number | string | boolean | null)[];
}

/**
 * A behavior-rule check at a write site (DESIGN.md decision 3). When `known` is non-null the
 * analysis proved which behaviors the target carries and the generator emits them inline;
 * otherwise it calls the runtime rule engine with `collection`'s own rules.
 */
export interface IrBehaviorCheck extends IrBase {
  kind: "behaviorCheck";
  collection: IrExpr;
  value: IrExpr;
  known: KnownBehavior[] | null;
  /** A temporary of the enclosing function that holds the value while it is transformed. */
  temp: string;
  /** The value's static type, when known: the checks for other types are left out. */
  valueType: "num" | "string" | null;
}

/** A function value wrapped by a circuit breaker at its declaration (healing.md §2). */
export interface IrBreakerWrap extends IrBase {
  kind: "breakerWrap";
  fn: IrExpr;
  options: IrExpr;
}

// ---------------------------------------------------------------- statements

export type IrStmt =
  | IrExprStmt
  | IrVar
  | IrIf
  | IrWhile
  | IrFor
  | IrForOf
  | IrBlock
  | IrReturn
  | IrBreak
  | IrContinue
  | IrThrow
  | IrTry
  | IrLabeled
  | IrComment
  | IrPrinted;

export interface IrExprStmt extends IrBase {
  kind: "exprStmt";
  expr: IrExpr;
}

export interface IrVar extends IrBase {
  kind: "var";
  declKind: "let" | "const";
  name: string;
  init: IrExpr | null;
}

export interface IrIf extends IrBase {
  kind: "if";
  test: IrExpr;
  then: IrStmt[];
  else: IrStmt[] | null;
}

export interface IrWhile extends IrBase {
  kind: "while";
  test: IrExpr;
  body: IrStmt[];
}

/** `for (init; test; update)`. */
export interface IrFor extends IrBase {
  kind: "for";
  init: IrStmt | null;
  test: IrExpr | null;
  update: IrExpr | null;
  body: IrStmt[];
}

export interface IrForOf extends IrBase {
  kind: "forOf";
  declKind: "let" | "const" | null;
  name: string;
  iterable: IrExpr;
  body: IrStmt[];
}

export interface IrBlock extends IrBase {
  kind: "block";
  body: IrStmt[];
}

export interface IrReturn extends IrBase {
  kind: "return";
  value: IrExpr | null;
}

export interface IrBreak extends IrBase {
  kind: "break";
  label: string | null;
}

export interface IrContinue extends IrBase {
  kind: "continue";
  label: string | null;
}

export interface IrThrow extends IrBase {
  kind: "throw";
  value: IrExpr;
}

export interface IrTry extends IrBase {
  kind: "try";
  body: IrStmt[];
  param: string | null;
  handler: IrStmt[] | null;
  finalizer: IrStmt[] | null;
}

export interface IrLabeled extends IrBase {
  kind: "labeled";
  label: string;
  body: IrStmt;
}

export interface IrComment extends IrBase {
  kind: "comment";
  text: string;
}

/**
 * Statements the printer has already printed (see `LowerOptions.settle`): their code, which only
 * the printer reads (text, or with a source map the pieces of its SourceNodes).
 */
export interface IrPrinted {
  kind: "printed";
  code: unknown;
}

/** A whole compiled module: its imports of other compiled modules and its body. */
export interface IrModule {
  /** `import * as name from "specifier"` lines, runtime first. */
  imports: { name: string; specifier: string }[];
  body: IrStmt[];
  /** Names exported from the ES module. */
  exports: { local: string; exported: string }[];
  /** A `load` with a computed path compiles a file when it runs. */
  needsCompiler?: boolean;
}
