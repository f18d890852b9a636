// Reading and writing Graphoid names in compiled code: which JS variable holds a name, and what
// happens when it is undefined (the function registry, the implicit `self`, or an error).
import type * as A from "../parse/ast.js";
import type { Binding, FnCtx, ModuleState } from "./context.js";
import type { IrExpr, IrStmt } from "./ir.js";
import { assign, binary, call, cond, id, lit, member, rtCall, UNDEF, exprStmt, ifStmt, seq } from "./build.js";
import type { IrMember } from "./ir.js";
import { KEYWORD_NAMESPACES, SHADOWABLE_NAMESPACES } from "../analyze/builtins.js";

export const FN_TABLE = "$F";
export const MODULE = "$m";

/** `self.props.name` in a method of the class that declares the property. */
function ownProp(ctx: FnCtx, name: string): IrMember {
  return member(member(id(ctx.self!), "props"), name);
}

function declaresProp(ctx: FnCtx, name: string): boolean {
  return ctx.self !== null && ctx.classProps !== null && ctx.classProps.has(name);
}

/** What a name means when no variable holds it. */
export function fallbackRead(m: ModuleState, ctx: FnCtx, name: string, loc: A.Loc | null): IrExpr {
  if (ctx.self) {
    const general = rtCall("selfGet", [id(ctx.self), id(FN_TABLE), lit(name)], loc);
    if (!declaresProp(ctx, name)) return general;
    // The class declares it: a field load, with the general rules only if it is missing.
    const t = m.fresh("p");
    ctx.temps.push(t);
    return cond(binary("!==", assign(id(t), ownProp(ctx, name)), UNDEF), id(t), general, loc);
  }
  if (KEYWORD_NAMESPACES.has(name) || SHADOWABLE_NAMESPACES.has(name)) return rtCall("namespace", [lit(name)], loc);
  if (m.analysis.fnNames.has(name)) return rtCall("regGet", [id(FN_TABLE), lit(name)], loc);
  return rtCall("undefVar", [lit(name)], loc);
}

export const ENV = "$env";

/** The current value a binding holds (may be undefined), without any fallback. */
export function bindingRef(binding: Binding, name: string): IrExpr {
  if (binding.kind === "env") return call(member(id(ENV), "get"), [lit(name)]);
  return id(binding.js);
}

/** The value of a bare name, checked for "undefined" only where the analysis could not prove it defined. */
export function readName(m: ModuleState, ctx: FnCtx, name: string, node: A.Identifier | null, loc: A.Loc | null): IrExpr {
  const binding = ctx.vars.get(name);
  if (!binding) return fallbackRead(m, ctx, name, loc);
  if (binding.kind === "env") {
    const t = m.fresh("env");
    ctx.temps.push(t);
    return seq([assign(id(t), bindingRef(binding, name)), cond(binary("===", id(t), UNDEF), fallbackRead(m, ctx, name, loc), id(t), loc)]);
  }
  const v = id(binding.js, loc);
  if (binding.kind === "param") return v;
  const info = node ? m.analysis.reads.get(node) : undefined;
  // In a method an "assigned" name may have gone to a property of self instead (core.md §10.3).
  const viaSelf = ctx.self !== null && binding.kind === "local";
  // A persistent cell may be undefined only where this call has not assigned it yet, like a local.
  const maybeUndefined = viaSelf || binding.kind === "captured" || info === undefined || info.maybeUndefined;
  if (!maybeUndefined) return v;
  return cond(binary("===", v, UNDEF), fallbackRead(m, ctx, name, loc), v, loc);
}

/** Whether a bare name certainly holds a defined value here (so no fallback is needed). */
export function isDefinitelyDefined(m: ModuleState, ctx: FnCtx, name: string, node: A.Identifier | null): boolean {
  const binding = ctx.vars.get(name);
  if (!binding) return false;
  if (binding.kind === "param") return true;
  if (binding.kind === "captured" || binding.kind === "env") return false;
  if (ctx.self && binding.kind === "local") return false;
  const info = node ? m.analysis.reads.get(node) : undefined;
  return info !== undefined && !info.maybeUndefined;
}

/**
 * Assigns a bare name. In methods a name that is no variable but a property of `self` updates the
 * property (core.md §10.3): that is decided at run time when the variable is still undefined.
 */
export function writeName(m: ModuleState, ctx: FnCtx, name: string, value: IrExpr, loc: A.Loc | null): IrStmt[] {
  // Whatever the name held, its known behavior rules no longer apply (lower/rules.ts).
  ctx.rules.delete(name);
  const binding = ctx.vars.get(name);
  if (!binding) {
    // Only reachable for names the analysis did not see assigned (it always records them).
    throw new Error(`internal: no binding for assigned name '${name}'`);
  }
  if (binding.kind === "env") return [exprStmt(call(member(id(ENV), "set"), [lit(name), value], loc), loc)];
  const target = id(binding.js);
  if (ctx.self && binding.kind === "local" && name !== "self") {
    // `level = level + 1` in a method: a property of self unless a local of that name exists.
    const tmp = m.fresh("v");
    const isLocal = binary("!==", target, UNDEF);
    const notProperty: IrExpr = { kind: "unary", op: "!", operand: rtCall("selfSet", [id(ctx.self), lit(name), id(tmp)]) };
    const setLocal = [exprStmt(assign(target, id(tmp)))];
    if (!declaresProp(ctx, name)) {
      const general = ifStmt({ kind: "logical", op: "||", left: isLocal, right: notProperty }, setLocal, null, loc);
      return [{ kind: "var", declKind: "const", name: tmp, init: value, loc }, general];
    }
    // The class declares it: a field store when it exists and self is not frozen.
    const fieldStore: IrExpr = {
      kind: "logical",
      op: "&&",
      left: binary("!==", ownProp(ctx, name), UNDEF),
      right: { kind: "unary", op: "!", operand: member(id(ctx.self), "frozen") },
    };
    return [
      { kind: "var", declKind: "const", name: tmp, init: value, loc },
      ifStmt(isLocal, setLocal, [ifStmt(fieldStore, [exprStmt(assign(ownProp(ctx, name), id(tmp)))], [ifStmt(notProperty, setLocal, null, loc)])], loc),
    ];
  }
  if (binding.kind === "module" && name.startsWith("__")) {
    // Modules imported later see the importer's `__` names (core.md §8.1).
    return [exprStmt(assign(target, rtCall("publishDunder", [id(MODULE), lit(name), value]), loc), loc)];
  }
  return [exprStmt(assign(target, value, loc), loc)];
}

export function runtimeMember(object: IrExpr, name: string): IrExpr {
  return member(object, name);
}
