// The Graphoid syntax tree, declared once. Every node carries `loc`; the parser (grammar.peggy)
// builds these shapes and nothing else. Fields that a later pass fills in are optional and say
// which pass sets them.

export interface Position {
  /** 0-based character offset into the source. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units. */
  column: number;
}

export interface Loc {
  start: Position;
  end: Position;
}

interface NodeBase {
  loc: Loc;
}

// ---------------------------------------------------------------- program and statements

export interface Program extends NodeBase {
  type: "Program";
  body: Statement[];
}

export type Statement =
  | ExprStmt
  | Assign
  | TypedDecl
  | FnDecl
  | GraphDecl
  | If
  | While
  | For
  | Return
  | Break
  | Continue
  | Import
  | Load
  | ModuleDecl
  | Configure
  | Precision
  | Try
  | SpawnBlock
  | PrivBlock;

/** Any expression used as a statement; also command calls (`describe "x" { ... }`). */
export interface ExprStmt extends NodeBase {
  type: "ExprStmt";
  expression: Expression;
}

/** `target = value`. `priv name = value` sets `priv`. */
export interface Assign extends NodeBase {
  type: "Assign";
  target: Identifier | Index | Member;
  value: Expression; // may be a Lambda
  priv: boolean;
}

export type TypeWord = "num" | "bignum" | "string" | "bool" | "list" | "map" | "tree" | "graph";

/** `num x = 5`, `list<num> xs = []`. The type is not checked at run time (except bignum). */
export interface TypedDecl extends NodeBase {
  type: "TypedDecl";
  typeWord: TypeWord; // `hash` is reported as "map"
  typeParam: string | null; // "num", "string", ..., or ":sym" for a symbol parameter
  name: string;
  value: Expression;
  priv: boolean;
}

export interface Param extends NodeBase {
  type: "Param";
  name: string;
  default: Expression | null;
  variadic: boolean;
}

/** `@name(args)` line before a function declaration (healing.md §2). */
export interface Annotation extends NodeBase {
  type: "Annotation";
  name: string;
  args: Argument[];
}

export type ClausePattern =
  | { kind: "literal"; value: number | string | boolean | null; loc: Loc }
  | { kind: "wildcard"; loc: Loc }
  | { kind: "bind"; name: string; loc: Loc };

export interface PatternClause extends NodeBase {
  type: "PatternClause";
  pattern: ClausePattern;
  guard: Expression | null;
  body: Expression;
}

/**
 * `fn name(params) { body }` and its variants: `fn Recv.name`, `set name`, `static fn Recv.name`,
 * and, inside a graph body, methods. A body that starts with `|` is a list of pattern clauses.
 */
export interface FnDecl extends NodeBase {
  type: "FnDecl";
  name: string;
  receiver: string | null; // `fn Recv.name(...)`
  params: Param[];
  guard: Expression | null; // `when expr`
  body: Statement[];
  clauses: PatternClause[] | null; // pattern-matching body; then `body` is empty
  setter: boolean; // declared with `set`
  isStatic: boolean;
  priv: boolean;
  annotations: Annotation[];
  /** Location of the name, for diagnostics. */
  nameLoc: Loc;
}

export type GraphMember =
  | { kind: "property"; name: string; value: Expression; loc: Loc }
  | { kind: "method"; fn: FnDecl; loc: Loc }
  | { kind: "rule"; rule: string; arg: Expression | null; loc: Loc }
  | {
      kind: "configure";
      entries: { key: "readable" | "writable" | "accessible" | "behaviors"; symbols: string[] }[];
      loc: Loc;
    };

/** `graph Name(:kind) from Parent { members }` */
export interface GraphDecl extends NodeBase {
  type: "GraphDecl";
  name: string;
  kind: string | null; // symbol name without colon
  parent: Expression | null;
  members: GraphMember[];
}

/** `if c { } else { }`, `if c then stmt else stmt`. Single-statement branches are one-element lists. */
export interface If extends NodeBase {
  type: "If";
  test: Expression;
  consequent: Statement[];
  alternate: Statement[] | null;
}

export interface While extends NodeBase {
  type: "While";
  test: Expression;
  body: Statement[];
}

export interface For extends NodeBase {
  type: "For";
  variable: string;
  variableLoc: Loc;
  iterable: Expression;
  body: Statement[];
}

export interface Return extends NodeBase {
  type: "Return";
  value: Expression | null;
}

export interface Break extends NodeBase {
  type: "Break";
}

export interface Continue extends NodeBase {
  type: "Continue";
}

export interface ImportItem {
  name: string;
  alias: string | null;
  loc: Loc;
}

/** `import "path" as alias`, `import "path" { a, b as c }`, `import "ffi" unsafe`. */
export interface Import extends NodeBase {
  type: "Import";
  path: string;
  alias: string | null;
  items: ImportItem[] | null;
  unsafe: boolean;
}

/** `load expr`: runs another file's statements in the current scope. */
export interface Load extends NodeBase {
  type: "Load";
  path: Expression;
  /**
   * Set by analyze/loads.ts when the path is a literal: the loaded file's statements (compiled in
   * place), or null when no such file exists (the statement fails when it runs).
   */
  resolved?: Statement[] | null;
  /** Set by analyze/loads.ts when the loaded file exists but does not parse: the error to raise. */
  failure?: string;
}

/** `module Name alias Short` */
export interface ModuleDecl extends NodeBase {
  type: "ModuleDecl";
  name: string;
  alias: string | null;
}

export type ConfigSetting =
  | { kind: "flag"; name: string; loc: Loc } // `:integer`
  | { kind: "entry"; key: string; value: Expression; loc: Loc }; // `error_mode: :lenient`

/** `configure { settings }` with an optional scoped body. */
export interface Configure extends NodeBase {
  type: "Configure";
  settings: ConfigSetting[];
  body: Statement[] | null;
}

/** `precision 2 { }` / `precision :int { }`: runs the body, no other effect. */
export interface Precision extends NodeBase {
  type: "Precision";
  places: number | "int";
  body: Statement[];
}

export interface CatchClause extends NodeBase {
  type: "CatchClause";
  errorType: string | null;
  binding: string | null;
  body: Statement[];
}

export interface Try extends NodeBase {
  type: "Try";
  body: Statement[];
  handlers: CatchClause[];
  finalizer: Statement[] | null;
}

/** Statement-start `spawn { block }`. */
export interface SpawnBlock extends NodeBase {
  type: "SpawnBlock";
  body: Statement[];
}

/** `priv { statements }` */
export interface PrivBlock extends NodeBase {
  type: "PrivBlock";
  body: Statement[];
}

// ---------------------------------------------------------------- expressions

export type Expression =
  | NumberLit
  | StringLit
  | SymbolLit
  | BoolLit
  | NoneLit
  | Identifier
  | ListLit
  | MapLit
  | GraphLit
  | Binary
  | Unary
  | Logical
  | Conditional
  | IfExpr
  | Match
  | Call
  | MethodCall
  | Member
  | Index
  | Instantiate
  | Lambda
  | SuperCall
  | Raise
  | SpawnExpr;

export interface NumberLit extends NodeBase {
  type: "NumberLit";
  value: number;
  raw: string;
}

export interface StringLit extends NodeBase {
  type: "StringLit";
  value: string;
}

export interface SymbolLit extends NodeBase {
  type: "SymbolLit";
  name: string;
}

export interface BoolLit extends NodeBase {
  type: "BoolLit";
  value: boolean;
}

export interface NoneLit extends NodeBase {
  type: "NoneLit";
}

/** A name. `list` and `string` before `.` are Identifiers naming the built-in namespaces. */
export interface Identifier extends NodeBase {
  type: "Identifier";
  name: string;
  /** Set by analyze (scopes.ts) on a read: whether it may see the name undefined. */
  maybeUndefined?: boolean;
}

export interface ListLit extends NodeBase {
  type: "ListLit";
  elements: Expression[];
}

export interface MapEntry {
  key: string;
  value: Expression; // may be a Lambda
  loc: Loc;
}

export interface MapLit extends NodeBase {
  type: "MapLit";
  entries: MapEntry[];
}

/** `graph { type: :dag }`, `graph from Parent { }`, and `tree { }` (tree = true). */
export interface GraphLit extends NodeBase {
  type: "GraphLit";
  parent: Expression | null;
  entries: MapEntry[];
  tree: boolean;
}

export type BinaryOp =
  | "+" | "-" | "*" | "/" | "//" | "%" | "**"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "&" | "|" | "^" | "<<" | ">>"
  | "=~" | "!~"
  | ".+" | ".-" | ".*" | "./" | ".//" | ".%" | ".**" | ".^"
  | ".==" | ".!=" | ".<" | ".<=" | ".>" | ".>=";

export interface Binary extends NodeBase {
  type: "Binary";
  operator: BinaryOp;
  left: Expression;
  right: Expression;
}

export interface Unary extends NodeBase {
  type: "Unary";
  operator: "-" | "not" | "~";
  operand: Expression;
}

/** `and`/`&&`, `or`/`||`: short-circuit, result is a bool. */
export interface Logical extends NodeBase {
  type: "Logical";
  operator: "and" | "or";
  left: Expression;
  right: Expression;
}

/** `a if c else b`, `a if c`, `a unless c`. */
export interface Conditional extends NodeBase {
  type: "Conditional";
  test: Expression;
  consequent: Expression;
  alternate: Expression | null;
  negate: boolean; // `unless`
}

/** Block form in expression position: `if c { ... } else { ... }`, `unless c { ... }`. */
export interface IfExpr extends NodeBase {
  type: "IfExpr";
  test: Expression;
  consequent: Statement[];
  alternate: Statement[] | null;
  negate: boolean; // `unless`
}

export type MatchPattern =
  | { kind: "wildcard"; loc: Loc }
  | { kind: "literal"; value: number | string | boolean | null; loc: Loc }
  | { kind: "bind"; name: string; loc: Loc }
  | { kind: "list"; items: MatchPattern[]; rest: { name: string | null } | null; loc: Loc };

export interface MatchArm {
  pattern: MatchPattern;
  body: Expression;
  loc: Loc;
}

export interface Match extends NodeBase {
  type: "Match";
  subject: Expression;
  arms: MatchArm[];
}

export interface Argument {
  name: string | null; // named argument `k: v`
  value: Expression; // may be a Lambda
  mutable: boolean; // trailing `!` marker, no effect
  loc: Loc;
}

/**
 * `f(args)`. Command calls (`name lit lit { block }`) are Calls with `command = true` whose last
 * argument is the block as a zero-parameter Lambda (or with its `|params|`).
 */
export interface Call extends NodeBase {
  type: "Call";
  callee: Expression;
  args: Argument[];
  command: boolean;
}

/** `obj.name(args)`, `obj.name!(args)`, `obj.name { |x| ... }`, `obj.name "lit" { }`. */
export interface MethodCall extends NodeBase {
  type: "MethodCall";
  object: Expression;
  method: string; // without the `!`
  bang: boolean;
  args: Argument[];
  nameLoc: Loc;
}

/** `obj.name` without parentheses: a property read. `m.a!` has property `a!`. */
export interface Member extends NodeBase {
  type: "Member";
  object: Expression;
  property: string;
}

export interface Index extends NodeBase {
  type: "Index";
  object: Expression;
  index: Expression;
}

/** `Name { key: value }` */
export interface Instantiate extends NodeBase {
  type: "Instantiate";
  target: Expression; // an Identifier (possibly written in parentheses)
  overrides: MapEntry[];
}

/**
 * `x => e`, `(a, b) => { ... }`, `{ |a| ... }`, trailing blocks and command blocks. An expression
 * body is stored as `expression`; a block body as `body` (whose last statement's value is the
 * lambda's value).
 */
export interface Lambda extends NodeBase {
  type: "Lambda";
  params: string[];
  expression: Expression | null;
  body: Statement[] | null;
}

/** `super.m(args)` */
export interface SuperCall extends NodeBase {
  type: "SuperCall";
  method: string;
  args: Argument[];
}

export interface Raise extends NodeBase {
  type: "Raise";
  value: Expression;
}

/** `spawn expr` in expression position: spawns an actor. */
export interface SpawnExpr extends NodeBase {
  type: "SpawnExpr";
  value: Expression;
}

export type Node = Program | Statement | Expression | Param | Annotation | PatternClause | CatchClause;
