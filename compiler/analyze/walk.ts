// The expressions directly inside an expression, for walkers that look for something anywhere in
// one (bindings, in-place mutation). Nested functions are scopes of their own and statement blocks
// inside expressions (`if … { }` / `unless`) are left to the caller, so neither is included.
import type * as A from "../parse/ast.js";

export function childExpressions(e: A.Expression): A.Expression[] {
  switch (e.type) {
    case "MethodCall":
      return [e.object, ...e.args.map((a) => a.value)];
    case "Call":
      return [e.callee, ...e.args.map((a) => a.value)];
    case "SuperCall":
      return e.args.map((a) => a.value);
    case "Binary":
    case "Logical":
      return [e.left, e.right];
    case "Unary":
      return [e.operand];
    case "Conditional":
      return e.alternate ? [e.test, e.consequent, e.alternate] : [e.test, e.consequent];
    case "Member":
      return [e.object];
    case "Index":
      return [e.object, e.index];
    case "ListLit":
      return e.elements;
    case "MapLit":
      return e.entries.map((x) => x.value);
    case "GraphLit":
      return [...(e.parent ? [e.parent] : []), ...e.entries.map((x) => x.value)];
    case "Instantiate":
      return [e.target, ...e.overrides.map((x) => x.value)];
    case "Raise":
    case "SpawnExpr":
      return [e.value];
    case "Match":
      return [e.subject, ...e.arms.map((arm) => arm.body)];
    case "IfExpr":
      return [e.test];
    case "Lambda":
    case "NumberLit":
    case "StringLit":
    case "SymbolLit":
    case "BoolLit":
    case "NoneLit":
    case "Identifier":
      return [];
  }
}
