// Index and property assignment (core.md §5.2). Lists and hashes are values, so `xs[i] = v` makes
// the variable's collection owned (cloning it if shared) and rebinds the variable; graphs are
// shared and change in place. Nested targets (`m["a"]["b"] = 5`) write through (policy §3).
import type * as A from "../parse/ast.js";
import type { FnCtx, ModuleState } from "./context.js";
import type { IrExpr, IrStmt } from "./ir.js";
import { array, exprStmt, lit, rtCall } from "./build.js";
import { readName, writeName } from "./names.js";
import { lowerExpr } from "./expressions.js";

type PathStep = { prop: string } | { index: A.Expression };

export function lowerAssignTarget(m: ModuleState, ctx: FnCtx, target: A.Index | A.Member, value: IrExpr, loc: A.Loc): IrStmt[] {
  const path: PathStep[] = [];
  let base: A.Expression = target;
  while (base.type === "Index" || base.type === "Member") {
    path.unshift(base.type === "Index" ? { index: base.index } : { prop: base.property });
    base = base.object;
  }
  const keys = path.map((step): IrExpr => ("prop" in step ? lit(step.prop) : lowerExpr(m, ctx, step.index)));
  const container = base.type === "Identifier" ? readName(m, ctx, base.name, base, base.loc) : lowerExpr(m, ctx, base);
  let updated: IrExpr;
  if (path.length === 1) {
    updated = "prop" in path[0]! ? rtCall("setProp", [container, keys[0]!, value], loc) : rtCall("setIndex", [container, keys[0]!, value], loc);
  } else {
    const isProp = array(path.map((step) => lit("prop" in step)));
    updated = rtCall("setPath", [container, array(keys), isProp, value], loc);
  }
  if (base.type === "Identifier" && ctx.vars.has(base.name)) return writeName(m, ctx, base.name, updated, loc);
  return [exprStmt(updated, loc)];
}
