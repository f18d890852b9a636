// Expressions. Number-only operations are emitted as plain JS guarded by `typeof`, everything
// else calls the runtime, which has the complete semantics (core.md §4).
import type * as A from "../parse/ast.js";
import type { FnCtx, ModuleState } from "./context.js";
import type { IrExpr, IrStmt, JsBinaryOp } from "./ir.js";
import { typeOf, type StaticType } from "../analyze/types.js";
import { NONE, and, array, assign, binary, call, cond, exprStmt, fn, id, lit, member, not, or, ret, rtCall, typeOf as typeOf$, seq } from "./build.js";
import { readName, FN_TABLE } from "./names.js";
import { lowerLambda } from "./functions.js";
import { lowerCall, lowerMethodCall, lowerSuperCall } from "./calls.js";
import { lowerMatch } from "./patterns.js";
import { alternatives, lowerStmts, temp, integerMode } from "./lower.js";
import { writeName } from "./names.js";

/** The static type of `e` where it is compiled: literals, operators, and typed variables. */
export function staticType(m: ModuleState, ctx: FnCtx, e: A.Expression): StaticType {
  const types = m.types.get(ctx.scope);
  const t = typeOf(e, (name) => {
    const b = ctx.vars.get(name);
    // Only this scope's own variables: captured copies and cells may hold anything.
    return b && (b.kind === "module" || b.kind === "local") ? types?.get(name) : undefined;
  });
  return t === "top" ? "unknown" : t;
}

/**
 * Expressions whose value is a fresh object nobody else holds, so storing it needs no
 * copy-on-write mark. Reads of variables, properties and elements are not fresh.
 */
function isFresh(e: A.Expression): boolean {
  switch (e.type) {
    case "Identifier":
    case "Member":
    case "Index":
    case "Conditional":
    case "IfExpr":
    case "Match":
      return false;
    default:
      return true;
  }
}

/** A value about to be stored somewhere (variable, argument, element, return): marks sharing. */
export function storedValue(m: ModuleState, ctx: FnCtx, e: A.Expression): IrExpr {
  const v = lowerValue(m, ctx, e);
  if (isFresh(e) || staticType(m, ctx, e) !== "unknown") return v;
  return rtCall("share", [v]);
}

/** `LambdaOrExpr` positions: a lambda becomes a function value, anything else an expression. */
export function lowerValue(m: ModuleState, ctx: FnCtx, e: A.Expression, kind: "lambda" | "spawn" = "lambda"): IrExpr {
  if (e.type === "Lambda") return lowerLambda(m, ctx, e, kind);
  return lowerExpr(m, ctx, e);
}

export function truthy(m: ModuleState, ctx: FnCtx, e: A.Expression): IrExpr {
  const t = staticType(m, ctx, e);
  const v = lowerExpr(m, ctx, e);
  if (t === "bool") return v;
  // Most tested values are booleans (method and function results): those are answered inline,
  // which V8 does much faster than the general function, even inlined.
  if (v.kind === "literal") return rtCall("truthy", [v]);
  const held = v.kind === "id" ? v : id(temp(m, ctx));
  const first = held === v ? v : assign(held, v);
  return or(binary("===", first, lit(true)), and(binary("!==", held, lit(false)), rtCall("truthy", [held])));
}

/** Evaluates `e` once into something that can be read twice (an id or a literal). */
function stable(m: ModuleState, ctx: FnCtx, v: IrExpr, setup: IrExpr[]): IrExpr {
  if (v.kind === "id" || v.kind === "literal") return v;
  const t = temp(m, ctx);
  setup.push(assign(id(t), v));
  return id(t);
}

/** Operators whose number-number case is one JS operator (guarded by `typeof` unless known). */
const NUMERIC: Partial<Record<A.BinaryOp, { js: JsBinaryOp; rt: string }>> = {
  "+": { js: "+", rt: "add" },
  "-": { js: "-", rt: "sub" },
  "*": { js: "*", rt: "mul" },
  "<": { js: "<", rt: "lt" },
  "<=": { js: "<=", rt: "le" },
  ">": { js: ">", rt: "gt" },
  ">=": { js: ">=", rt: "ge" },
  "==": { js: "===", rt: "eq" },
  "!=": { js: "!==", rt: "ne" },
};

/** Number operations that fail (or give none) on a zero divisor: the JS operator only for a non-zero one. */
const DIVIDING: Partial<Record<A.BinaryOp, { js: JsBinaryOp; rt: string }>> = {
  "/": { js: "/", rt: "div" },
  "%": { js: "%", rt: "mod" },
  "//": { js: "/", rt: "intDiv" },
};

const RUNTIME_BINARY: Partial<Record<A.BinaryOp, string>> = {
  "**": "pow",
  "&": "bitAnd",
  "|": "bitOr",
  "^": "bitXor",
  "<<": "shl",
  ">>": "shr",
};

function lowerBinary(m: ModuleState, ctx: FnCtx, e: A.Binary): IrExpr {
  const op = e.operator;
  if (op.startsWith(".")) {
    return rtCall("elementwise", [lit(op), lowerExpr(m, ctx, e.left), lowerExpr(m, ctx, e.right)], e.loc);
  }
  if (op === "=~" || op === "!~") {
    return seq([lowerExpr(m, ctx, e.left), lowerExpr(m, ctx, e.right), rtCall("regexMatch", [lit(op === "!~")], e.loc)]);
  }
  const lt = staticType(m, ctx, e.left);
  const rt = staticType(m, ctx, e.right);
  const left = lowerExpr(m, ctx, e.left);
  const right = lowerExpr(m, ctx, e.right);
  if (op === "+" && (lt === "string" || rt === "string")) return concat(m, ctx, left, lt, right, rt, e.loc);
  const numeric = NUMERIC[op];
  const dividing = DIVIDING[op];
  if (numeric || dividing) {
    const setup: IrExpr[] = [];
    const a = lt === "num" && !dividing ? left : stable(m, ctx, left, setup);
    const b = rt === "num" && !dividing ? right : stable(m, ctx, right, setup);
    const checks: IrExpr[] = [];
    if (lt !== "num") checks.push(typeOf$(a, "number"));
    if (rt !== "num") checks.push(typeOf$(b, "number"));
    // A literal non-zero divisor needs no zero check.
    if (dividing && !(e.right.type === "NumberLit" && e.right.value !== 0)) checks.push(binary("!==", b, lit(0)));
    const spec = (numeric ?? dividing)!;
    let fast = binary(spec.js, a, b);
    if (op === "//") fast = call(member(id("Math"), "trunc"), [fast]);
    const guarded = checks.length === 0 ? fast : cond(checks.reduce((x, y) => and(x, y)), fast, rtCall(spec.rt, [a, b]), e.loc);
    return setup.length > 0 ? seq([...setup, guarded]) : guarded;
  }
  return rtCall(RUNTIME_BINARY[op]!, [left, right], e.loc);
}

/** `+` with a string operand: concatenation of the print forms (core.md §4.2). */
function concat(m: ModuleState, ctx: FnCtx, left: IrExpr, lt: StaticType, right: IrExpr, rt: StaticType, loc: A.Loc): IrExpr {
  const text = (v: IrExpr, t: StaticType): IrExpr | null => {
    if (t === "string") return v;
    // Graphoid's number format, not JS's String() (no exponent, `-0`).
    if (t === "num") return rtCall("formatNumber", [v]);
    return null;
  };
  const l = text(left, lt);
  const r = text(right, rt);
  if (l && r) return binary("+", l, r, loc);
  return rtCall("add", [left, right], loc);
}

export function lowerExpr(m: ModuleState, ctx: FnCtx, e: A.Expression): IrExpr {
  switch (e.type) {
    case "NumberLit":
      return lit(e.value, e.loc);
    case "StringLit":
      return lit(e.value, e.loc);
    case "BoolLit":
      return lit(e.value, e.loc);
    case "NoneLit":
      return lit(null, e.loc);
    case "SymbolLit":
      return id(m.symbol(e.name), e.loc);
    case "Identifier":
      return readName(m, ctx, e.name, e, e.loc);
    case "ListLit":
    case "MapLit":
    case "GraphLit":
    case "Instantiate":
      return lowerCollection(m, ctx, e);
    case "Binary":
      return lowerBinary(m, ctx, e);
    case "Unary":
      if (e.operator === "not") return not(truthy(m, ctx, e.operand));
      if (e.operator === "-") {
        const v = lowerExpr(m, ctx, e.operand);
        if (staticType(m, ctx, e.operand) === "num") return { kind: "unary", op: "-", operand: v, loc: e.loc };
        return rtCall("neg", [v], e.loc);
      }
      return rtCall("bitNot", [lowerExpr(m, ctx, e.operand)], e.loc);
    case "Logical":
    case "Conditional":
      return lowerBranching(m, ctx, e);
    case "IfExpr":
      return lowerIfExpr(m, ctx, e);
    case "Match":
      return lowerMatch(m, ctx, e);
    case "Call":
      return lowerCall(m, ctx, e);
    case "MethodCall":
      return lowerMethodCall(m, ctx, e);
    case "Member":
      return rtCall("getProp", [lowerExpr(m, ctx, e.object), lit(e.property)], e.loc);
    case "Index":
      return rtCall("index", [lowerExpr(m, ctx, e.object), lowerExpr(m, ctx, e.index)], e.loc);
    case "Lambda":
      return lowerLambda(m, ctx, e, "lambda");
    case "SuperCall":
      return lowerSuperCall(m, ctx, e);
    case "Raise":
      return rtCall("raise", [lowerExpr(m, ctx, e.value)], e.loc);
    case "SpawnExpr":
      return rtCall("spawnActor", [lowerExpr(m, ctx, e.value)], e.loc);
  }
}

// The cases of lowerExpr that make closures have functions of their own: a closure in
// lowerExpr itself would make V8 allocate its context on every call, for every expression.

function lowerCollection(m: ModuleState, ctx: FnCtx, e: A.ListLit | A.MapLit | A.GraphLit | A.Instantiate): IrExpr {
  switch (e.type) {
    case "ListLit":
      return rtCall("list", [array(e.elements.map((x) => storedValue(m, ctx, x)))], e.loc);
    case "MapLit":
      return rtCall("map", [array(e.entries.map((x) => lit(x.key))), array(e.entries.map((x) => storedValue(m, ctx, x.value)))], e.loc);
    case "GraphLit":
      return rtCall(
        "graphLiteral",
        [
          array(e.entries.map((x) => lit(x.key))),
          array(e.entries.map((x) => lowerExpr(m, ctx, x.value))),
          e.parent ? lowerExpr(m, ctx, e.parent) : lit(null),
          lit(e.tree),
        ],
        e.loc,
      );
    case "Instantiate":
      return rtCall(
        "instantiate",
        [lowerExpr(m, ctx, e.target), array(e.overrides.map((o) => lit(o.key))), array(e.overrides.map((o) => storedValue(m, ctx, o.value)))],
        e.loc,
      );
  }
}

/** `and` / `or` and suffix conditionals: the right side / each branch is an alternative path. */
function lowerBranching(m: ModuleState, ctx: FnCtx, e: A.Logical | A.Conditional): IrExpr {
  if (e.type === "Logical") {
    const l = truthy(m, ctx, e.left);
    const [r] = alternatives(ctx, [() => truthy(m, ctx, e.right), () => null]);
    return { kind: "logical", op: e.operator === "and" ? "&&" : "||", left: l, right: r!, loc: e.loc };
  }
  let test = truthy(m, ctx, e.test);
  if (e.negate) test = not(test);
  const [then, otherwise] = alternatives(ctx, [() => lowerExpr(m, ctx, e.consequent), () => (e.alternate ? lowerExpr(m, ctx, e.alternate) : lit(null))]);
  return cond(test, then!, otherwise!, e.loc);
}

/**
 * A block in expression position (`x = if c { … } else { … }`): the value of the chosen block's
 * last statement. Compiled as an arrow function called in place, which shares the enclosing
 * variables (in task mode a generator, delegated to).
 */
function lowerIfExpr(m: ModuleState, ctx: FnCtx, e: A.IfExpr): IrExpr {
  let test = truthy(m, ctx, e.test);
  if (e.negate) test = not(test);
  const [then, otherwise] = alternatives(ctx, [() => blockValue(m, ctx, e.consequent), () => (e.alternate ? blockValue(m, ctx, e.alternate) : [ret(NONE)])]);
  return inlineBlock(ctx, [{ kind: "if", test, then: then!, else: otherwise! }], e.loc);
}

/** Statements whose last expression statement's value is returned. */
export function blockValue(m: ModuleState, ctx: FnCtx, list: A.Statement[]): IrStmt[] {
  if (list.length === 0) return [ret(NONE)];
  const last = list[list.length - 1]!;
  const init = lowerStmts(m, ctx, list.slice(0, -1));
  if (last.type === "ExprStmt") return [...init, ret(lowerExpr(m, ctx, last.expression), last.loc)];
  if (last.type === "If") {
    const test = truthy(m, ctx, last.test);
    return [
      ...init,
      {
        kind: "if",
        test,
        then: blockValue(m, ctx, last.consequent),
        else: last.alternate ? blockValue(m, ctx, last.alternate) : [ret(NONE)],
        loc: last.loc,
      },
    ];
  }
  const lowered = lowerStmts(m, ctx, [last]);
  const endsInReturn = lowered.length > 0 && lowered[lowered.length - 1]!.kind === "return";
  return endsInReturn ? [...init, ...lowered] : [...init, ...lowered, ret(NONE)];
}

/** Runs statements in expression position, sharing the enclosing variables. */
export function inlineBlock(ctx: FnCtx, body: IrStmt[], loc: A.Loc | null): IrExpr {
  if (ctx.gen) {
    const g = fn(null, [], body, { generator: true });
    return { kind: "yield", delegate: true, value: { kind: "call", callee: g, args: [] }, loc };
  }
  return { kind: "call", callee: fn(null, [], body, { arrow: true }), args: [], loc };
}

export { integerMode, writeName, exprStmt, FN_TABLE };
