// Small builders for IR nodes, so lowering code reads like the JS it produces.
import type { Loc } from "../parse/ast.js";
import type {
  IrExpr,
  IrStmt,
  IrId,
  IrRuntime,
  IrCall,
  JsBinaryOp,
  IrFunction,
  IrAssign,
  IrMember,
  IrIndex,
  IrLiteral,
} from "./ir.js";

// IR nodes are never mutated once built, so a node without a location can be shared by every
// place that needs it. The builders share the nodes the IR holds thousands of (runtime
// functions, constants, the type names of `typeof` guards): the IR of a large module is kept
// until it is printed, and every node it does not hold is memory the garbage collector need not
// copy. The shared sets are bounded (runtime function names, a few values).

const RUNTIME_REFS = new Map<string, IrRuntime>();
const CONSTANTS = new Map<IrLiteral["value"], IrLiteral>();

export const id = (name: string, loc: Loc | null = null): IrId => ({ kind: "id", name, loc });

/** `$rt.name` (shared). */
export function rt(name: string): IrRuntime {
  let ref = RUNTIME_REFS.get(name);
  if (ref === undefined) RUNTIME_REFS.set(name, (ref = { kind: "runtime", name }));
  return ref;
}

/** A literal; without a location, `null`, `undefined` and booleans are shared. */
export function lit(value: IrLiteral["value"], loc: Loc | null = null): IrLiteral {
  if (loc === null && (value === null || value === undefined || typeof value === "boolean")) return constant(value);
  return { kind: "literal", value, loc };
}

/** The shared literal node of `value` (for a bounded set of values only). */
function constant(value: IrLiteral["value"]): IrLiteral {
  let node = CONSTANTS.get(value);
  if (node === undefined) CONSTANTS.set(value, (node = { kind: "literal", value, loc: null }));
  return node;
}

export const NONE: IrLiteral = constant(null);
export const UNDEF: IrLiteral = constant(undefined);

export const call = (callee: IrExpr, args: IrExpr[], loc: Loc | null = null): IrCall => ({ kind: "call", callee, args, loc });
export const rtCall = (name: string, args: IrExpr[], loc: Loc | null = null): IrCall => call(rt(name), args, loc);
export const member = (object: IrExpr, property: string, loc: Loc | null = null): IrMember => ({
  kind: "member",
  object,
  property,
  loc,
});
export const index = (object: IrExpr, idx: IrExpr, loc: Loc | null = null): IrIndex => ({ kind: "index", object, index: idx, loc });
export const binary = (op: JsBinaryOp, left: IrExpr, right: IrExpr, loc: Loc | null = null): IrExpr => ({
  kind: "binary",
  op,
  left,
  right,
  loc,
});
export const not = (operand: IrExpr): IrExpr => ({ kind: "unary", op: "!", operand });
export const and = (left: IrExpr, right: IrExpr): IrExpr => ({ kind: "logical", op: "&&", left, right });
export const or = (left: IrExpr, right: IrExpr): IrExpr => ({ kind: "logical", op: "||", left, right });
export const cond = (test: IrExpr, then: IrExpr, otherwise: IrExpr, loc: Loc | null = null): IrExpr => ({
  kind: "cond",
  test,
  then,
  else: otherwise,
  loc,
});
export const assign = (target: IrAssign["target"], value: IrExpr, loc: Loc | null = null): IrAssign => ({
  kind: "assign",
  target,
  value,
  loc,
});
export const seq = (exprs: IrExpr[]): IrExpr => (exprs.length === 1 ? exprs[0]! : { kind: "seq", exprs });
export const array = (elements: IrExpr[]): IrExpr => ({ kind: "array", elements });
/** `typeof e === t`, for the handful of type names `t` (its literal is shared). */
export const typeOf = (e: IrExpr, t: string): IrExpr => binary("===", { kind: "unary", op: "typeof", operand: e }, constant(t));

export const exprStmt = (expr: IrExpr, loc: Loc | null = null): IrStmt => ({ kind: "exprStmt", expr, loc: loc ?? expr.loc });
export const letVar = (name: string, init: IrExpr | null, loc: Loc | null = null): IrStmt => ({
  kind: "var",
  declKind: "let",
  name,
  init,
  loc,
});
export const constVar = (name: string, init: IrExpr, loc: Loc | null = null): IrStmt => ({
  kind: "var",
  declKind: "const",
  name,
  init,
  loc,
});
export const ret = (value: IrExpr | null, loc: Loc | null = null): IrStmt => ({ kind: "return", value, loc });
export const ifStmt = (test: IrExpr, then: IrStmt[], otherwise: IrStmt[] | null = null, loc: Loc | null = null): IrStmt => ({
  kind: "if",
  test,
  then,
  else: otherwise,
  loc,
});
export const throwStmt = (value: IrExpr, loc: Loc | null = null): IrStmt => ({ kind: "throw", value, loc });
export const fn = (
  name: string | null,
  params: string[],
  body: IrStmt[],
  options: { generator?: boolean; arrow?: boolean; loc?: Loc | null } = {},
): IrFunction => ({
  kind: "function",
  name,
  params,
  body,
  generator: options.generator ?? false,
  arrow: options.arrow ?? false,
  loc: options.loc ?? null,
});
