// Index and property assignment (core.md §5.2). Lists and hashes are values, so `xs[i] = v` makes
// the variable's collection owned (cloning it if shared) and rebinds the variable; graphs are
// shared and change in place. Nested targets (`m["a"]["b"] = 5`) write through (policy §3).
import type * as A from "../parse/ast.js";
import type { FnCtx, ModuleState } from "./context.js";
import type { IrExpr, IrStmt } from "./ir.js";
import { array, exprStmt, lit, rtCall } from "./build.js";
import { readName, writeName } from "./names.js";
import { lowerExpr } from "./expressions.js";
import { behaviorCheck } from "./calls.js";
import { inlinable } from "./rules.js";

type PathStep = { prop: string } | { index: A.Expression };

/** `source` is the assigned expression (for its static type), when the value is not transformed otherwise. */
export function lowerAssignTarget(m: ModuleState, ctx: FnCtx, target: A.Index | A.Member, value: IrExpr, loc: A.Loc, source: A.Expression | null = null): IrStmt[] {
  const path: PathStep[] = [];
  let base: A.Expression = target;
  while (base.type === "Index" || base.type === "Member") {
    path.unshift(base.type === "Index" ? { index: base.index } : { prop: base.property });
    base = base.object;
  }
  const keys = path.map((step): IrExpr => ("prop" in step ? lit(step.prop) : lowerExpr(m, ctx, step.index)));
  const container = base.type === "Identifier" ? readName(m, ctx, base.name, base, base.loc) : lowerExpr(m, ctx, base);
  const known = base.type === "Identifier" && ctx.self === null ? ctx.rules.get(base.name) : undefined;
  let updated: IrExpr;
  if (path.length === 1 && known !== undefined && inlinable(known) && source !== null) {
    // The rules are known: apply them here and store the result as it is (DESIGN.md decision 3).
    const check = behaviorCheck(m, ctx, readName(m, ctx, (base as A.Identifier).name, null, base.loc), value, source, known);
    updated = "prop" in path[0]! ? rtCall("setPropRaw", [container, keys[0]!, check], loc) : rtCall("setIndexRaw", [container, keys[0]!, check], loc);
    const stmts = writeName(m, ctx, (base as A.Identifier).name, updated, loc);
    ctx.rules.set((base as A.Identifier).name, known);
    return stmts;
  }
  if (path.length === 1) {
    updated = "prop" in path[0]! ? rtCall("setProp", [container, keys[0]!, value], loc) : rtCall("setIndex", [container, keys[0]!, value], loc);
  } else {
    const isProp = array(path.map((step) => lit("prop" in step)));
    updated = rtCall("setPath", [container, array(keys), isProp, value], loc);
  }
  if (base.type === "Identifier" && ctx.vars.has(base.name)) {
    // An element write keeps the collection's rules.
    const kept = ctx.rules.get(base.name);
    const stmts = writeName(m, ctx, base.name, updated, loc);
    if (kept !== undefined) ctx.rules.set(base.name, kept);
    return stmts;
  }
  return [exprStmt(updated, loc)];
}
