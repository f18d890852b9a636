// The expressions directly inside an expression, for walkers that look for something anywhere in
// one (bindings, in-place mutation). Nested functions are scopes of their own and statement blocks
// inside expressions (`if … { }` / `unless`) are left to the caller, so neither is included.
// The children are passed to a test rather than returned as an array: the walkers visit every
// expression of a module, several times over. (To visit all of them, a test that returns false.)
import type * as A from "../parse/ast.js";

/** Whether `test` holds for some child expression of `e` (in source order; stops at the first). */
export function someChildExpression(e: A.Expression, test: (child: A.Expression) => boolean): boolean {
  switch (e.type) {
    case "MethodCall":
      return test(e.object) || someValue(e.args, test);
    case "Call":
      return test(e.callee) || someValue(e.args, test);
    case "SuperCall":
      return someValue(e.args, test);
    case "Binary":
    case "Logical":
      return test(e.left) || test(e.right);
    case "Unary":
      return test(e.operand);
    case "Conditional":
      return test(e.test) || test(e.consequent) || (e.alternate ? test(e.alternate) : false);
    case "Member":
      return test(e.object);
    case "Index":
      return test(e.object) || test(e.index);
    case "ListLit":
      return e.elements.some(test);
    case "MapLit":
      return someValue(e.entries, test);
    case "GraphLit":
      return (e.parent ? test(e.parent) : false) || someValue(e.entries, test);
    case "Instantiate":
      return test(e.target) || someValue(e.overrides, test);
    case "Raise":
    case "SpawnExpr":
      return test(e.value);
    case "Match":
      if (test(e.subject)) return true;
      for (const arm of e.arms) if (test(arm.body)) return true;
      return false;
    case "IfExpr":
      return test(e.test);
    case "Lambda":
    case "NumberLit":
    case "StringLit":
    case "SymbolLit":
    case "BoolLit":
    case "NoneLit":
    case "Identifier":
      return false;
  }
}

// (No closures in this file: a closure over `test` would cost an allocation on every call.)
function someValue(items: { value: A.Expression }[], test: (child: A.Expression) => boolean): boolean {
  for (const item of items) if (test(item.value)) return true;
  return false;
}
