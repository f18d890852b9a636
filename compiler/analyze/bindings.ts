// Every way a statement list binds a name in its own scope — assignments, declarations, loop and
// catch variables, match and clause bindings, imports, `x.m!()` rebinding, index/property writes to
// a base variable — found in statements *and* the expressions inside them (a `match` in an argument
// binds too), but not inside nested functions, which have scopes of their own. The analyses that
// need "what does this code bind" (types, loop-carried names, rule facts, catch child scopes) all
// use this one walker.
import type * as A from "../parse/ast.js";
import { someChildExpression } from "./walk.js";

export type Binding =
  | { kind: "assign"; name: string; value: A.Expression }
  | { kind: "typed"; name: string; value: A.Expression; typeWord: A.TypeWord }
  | { kind: "for" | "catch" | "match" | "import" | "fn" | "graph"; name: string }
  | { kind: "bang"; name: string; call: A.MethodCall }
  /** `x[i] = v`, `x.k = v`: rebinds the base variable to the updated collection. */
  | { kind: "element"; name: string }
  /** A `load` with a computed path: the compiler cannot see what it binds. */
  | { kind: "unknown-load" };

export interface BindingOptions {
  /** The name a module-binding `import` statement binds. */
  importBinding: (s: A.Import) => string;
}

export function forEachBinding(list: A.Statement[], visit: (b: Binding) => void, options: BindingOptions): void {
  const statements = (ss: A.Statement[]) => ss.forEach(statement);
  const statement = (s: A.Statement): void => {
    switch (s.type) {
      case "ExprStmt":
        expression(s.expression);
        return;
      case "Assign": {
        expression(s.value);
        if (s.target.type === "Identifier") {
          visit({ kind: "assign", name: s.target.name, value: s.value });
          return;
        }
        let base: A.Expression = s.target;
        while (base.type === "Index" || base.type === "Member") {
          if (base.type === "Index") expression(base.index);
          base = base.object;
        }
        if (base.type === "Identifier") visit({ kind: "element", name: base.name });
        else expression(base);
        return;
      }
      case "TypedDecl":
        expression(s.value);
        visit({ kind: "typed", name: s.name, value: s.value, typeWord: s.typeWord });
        return;
      case "FnDecl":
        if (s.receiver === null) visit({ kind: "fn", name: s.name });
        return;
      case "GraphDecl":
        visit({ kind: "graph", name: s.name });
        return;
      case "If":
        expression(s.test);
        statements(s.consequent);
        if (s.alternate) statements(s.alternate);
        return;
      case "While":
        expression(s.test);
        statements(s.body);
        return;
      case "For":
        expression(s.iterable);
        visit({ kind: "for", name: s.variable });
        statements(s.body);
        return;
      case "Return":
        if (s.value) expression(s.value);
        return;
      case "Import":
        if (s.items) for (const item of s.items) visit({ kind: "import", name: item.alias ?? item.name });
        else visit({ kind: "import", name: s.alias ?? options.importBinding(s) });
        return;
      case "Load":
        expression(s.path);
        if (s.resolved) statements(s.resolved);
        // A literal path that could not be loaded fails when it runs: it binds nothing.
        else if (s.path.type !== "StringLit") visit({ kind: "unknown-load" });
        return;
      case "Configure":
        for (const setting of s.settings) if (setting.kind === "entry") expression(setting.value);
        if (s.body) statements(s.body);
        return;
      case "Precision":
      case "PrivBlock":
        statements(s.body);
        return;
      case "Try":
        statements(s.body);
        for (const h of s.handlers) {
          if (h.binding) visit({ kind: "catch", name: h.binding });
          statements(h.body);
        }
        if (s.finalizer) statements(s.finalizer);
        return;
      case "ModuleDecl":
      case "Break":
      case "Continue":
      case "SpawnBlock":
        return;
    }
  };
  const expression = (e: A.Expression | null | undefined): void => {
    if (!e) return;
    if (e.type === "Match") {
      expression(e.subject);
      for (const arm of e.arms) {
        pattern(arm.pattern);
        expression(arm.body);
      }
      return;
    }
    someChildExpression(e, visitChild);
    if (e.type === "MethodCall" && e.bang && e.object.type === "Identifier") visit({ kind: "bang", name: e.object.name, call: e });
    if (e.type === "IfExpr") {
      statements(e.consequent);
      if (e.alternate) statements(e.alternate);
    }
  };
  const visitChild = (e: A.Expression): boolean => {
    expression(e);
    return false;
  };
  const pattern = (p: A.MatchPattern): void => {
    if (p.kind === "bind") visit({ kind: "match", name: p.name });
    if (p.kind === "list") {
      p.items.forEach(pattern);
      if (p.rest) visit({ kind: "match", name: p.rest.name ?? "_" });
    }
  };
  statements(list);
}
