// Static types of local variables, so arithmetic and comparisons on them compile to plain JS
// without `typeof` guards (`i = i + 1` → `i = i + 1`). A variable gets a type only when every
// value it can hold comes from an assignment in its own scope whose expression has that type;
// anything else that can bind it (a loop variable, a catch binding, `x.m!()`, a computed-path
// `load`, a capture from outside …) leaves it untyped, and untyped code keeps the runtime checks.
import type * as A from "../parse/ast.js";
import type { Analysis, Scope } from "./scopes.js";

export type StaticType = "num" | "string" | "bool" | "none" | "unknown";
/** During inference: not yet constrained. */
type Lattice = StaticType | "top";

export type VariableTypes = Map<string, StaticType>;

/** The static type of an expression, given the types of the variables it reads. */
export function typeOf(e: A.Expression, vars: (name: string) => Lattice | undefined): Lattice {
  switch (e.type) {
    case "NumberLit":
      return "num";
    case "StringLit":
      return "string";
    case "BoolLit":
    case "Logical":
      return "bool";
    case "NoneLit":
      return "none";
    case "Identifier":
      return vars(e.name) ?? "unknown";
    case "Unary": {
      if (e.operator === "not") return "bool";
      if (e.operator === "~") return "num";
      const t = typeOf(e.operand, vars);
      // Negating a bignum box gives a box.
      return t === "num" || t === "top" ? t : "unknown";
    }
    case "Binary":
      switch (e.operator) {
        case "+": {
          const l = typeOf(e.left, vars);
          const r = typeOf(e.right, vars);
          if (l === "string" || r === "string") return "string";
          return numeric(l, r);
        }
        case "-":
        case "*":
          // With a bignum (or frozen) box as an operand the result is a box, not a number.
          return numeric(typeOf(e.left, vars), typeOf(e.right, vars));
        case "&":
        case "|":
        case "^":
        case "<<":
        case ">>":
          return "num";
        case "==":
        case "!=":
        case "<":
        case "<=":
        case ">":
        case ">=":
          return "bool";
        case "/":
        case "//":
        case "%":
          // Only a zero divisor gives none (under :lenient); a non-zero literal one cannot.
          if (e.right.type === "NumberLit" && e.right.value !== 0) return numeric(typeOf(e.left, vars), "num");
          return "unknown";
        default:
          // `**` may promote to a bignum box.
          return "unknown";
      }
    default:
      return "unknown";
  }
}

function numeric(l: Lattice, r: Lattice): Lattice {
  if (l === "num" && r === "num") return "num";
  if ((l === "num" || l === "top") && (r === "num" || r === "top")) return "top";
  return "unknown";
}

function join(a: Lattice, b: Lattice): Lattice {
  if (a === "top") return b;
  if (b === "top") return a;
  return a === b ? a : "unknown";
}

/** Infers the types of every scope's variables. Method scopes are left out: names there may be properties of `self`. */
export function inferTypes(analysis: Analysis): Map<Scope, VariableTypes> {
  const out = new Map<Scope, VariableTypes>();
  const visit = (scope: Scope) => {
    if (!scope.inMethod) out.set(scope, inferScope(scope, analysis));
    for (const child of scope.children) visit(child);
  };
  visit(analysis.module);
  return out;
}

function inferScope(scope: Scope, analysis: Analysis): VariableTypes {
  const facts = collectAssignments(scope, analysis);
  const types = new Map<string, Lattice>();
  for (const [name, values] of facts.values) {
    if (facts.disqualified.has(name) || scope.readBeforeDef.has(name) || scope.params.includes(name)) continue;
    if (values.length > 0) types.set(name, "top");
  }
  const lookup = (name: string) => types.get(name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, current] of types) {
      if (current === "unknown") continue;
      let t: Lattice = "top";
      for (const v of facts.values.get(name)!) t = join(t, typeOf(v, lookup));
      if (t !== current) {
        types.set(name, t);
        changed = true;
      }
    }
  }
  const result: VariableTypes = new Map();
  for (const [name, t] of types) if (t === "num" || t === "string") result.set(name, t);
  return result;
}

interface Assignments {
  /** Every expression assigned to each name in the scope's own body. */
  values: Map<string, A.Expression[]>;
  /** Names bound some other way (or possibly rebound from outside): never typed. */
  disqualified: Set<string>;
}

function collectAssignments(scope: Scope, analysis: Analysis): Assignments {
  const values = new Map<string, A.Expression[]>();
  const disqualified = new Set<string>();
  const add = (name: string, e: A.Expression) => {
    const list = values.get(name) ?? [];
    list.push(e);
    values.set(name, list);
  };
  let dynamicLoad = false;
  const statements = (list: A.Statement[]) => list.forEach(statement);
  const statement = (s: A.Statement): void => {
    switch (s.type) {
      case "Assign":
        if (s.target.type === "Identifier") add(s.target.name, s.value);
        else disqualify(s.target);
        expression(s.value);
        return;
      case "TypedDecl":
        if (s.typeWord === "bignum") disqualified.add(s.name);
        else add(s.name, s.value);
        expression(s.value);
        return;
      case "ExprStmt":
        expression(s.expression);
        return;
      case "FnDecl":
        if (s.receiver === null) disqualified.add(s.name);
        return;
      case "GraphDecl":
        disqualified.add(s.name);
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
        disqualified.add(s.variable);
        expression(s.iterable);
        statements(s.body);
        return;
      case "Return":
        if (s.value) expression(s.value);
        return;
      case "Import":
        if (s.items) s.items.forEach((i) => disqualified.add(i.alias ?? i.name));
        else disqualified.add(s.alias ?? analysis.importBindings.get(s) ?? s.path);
        return;
      case "Load":
        if (s.resolved) statements(s.resolved);
        else if (s.path.type !== "StringLit") dynamicLoad = true;
        return;
      case "Configure":
        if (s.body) statements(s.body);
        return;
      case "Precision":
      case "PrivBlock":
        statements(s.body);
        return;
      case "Try":
        statements(s.body);
        for (const h of s.handlers) {
          if (h.binding) disqualified.add(h.binding);
          statements(h.body);
        }
        if (s.finalizer) statements(s.finalizer);
        return;
      default:
        return;
    }
  };
  const disqualify = (target: A.Expression) => {
    let base = target;
    while (base.type === "Index" || base.type === "Member") base = base.object;
    if (base.type === "Identifier") disqualified.add(base.name);
  };
  // Expressions can bind names too: `x.m!()` rebinds x, match arms bind their names.
  const expression = (e: A.Expression | null | undefined): void => {
    if (!e) return;
    switch (e.type) {
      case "MethodCall":
        if (e.bang && e.object.type === "Identifier") disqualified.add(e.object.name);
        expression(e.object);
        e.args.forEach((a) => expression(a.value));
        return;
      case "Match":
        expression(e.subject);
        for (const arm of e.arms) {
          pattern(arm.pattern);
          expression(arm.body);
        }
        return;
      case "IfExpr":
        expression(e.test);
        statements(e.consequent);
        if (e.alternate) statements(e.alternate);
        return;
      case "Call":
        expression(e.callee);
        e.args.forEach((a) => expression(a.value));
        return;
      case "Binary":
      case "Logical":
        expression(e.left);
        expression(e.right);
        return;
      case "Unary":
        expression(e.operand);
        return;
      case "Conditional":
        expression(e.test);
        expression(e.consequent);
        expression(e.alternate);
        return;
      case "Member":
        expression(e.object);
        return;
      case "Index":
        expression(e.object);
        expression(e.index);
        return;
      case "ListLit":
        e.elements.forEach(expression);
        return;
      case "MapLit":
      case "GraphLit":
        e.entries.forEach((x) => expression(x.value));
        return;
      default:
        return;
    }
  };
  const pattern = (p: A.MatchPattern) => {
    if (p.kind === "bind") disqualified.add(p.name);
    if (p.kind === "list") {
      p.items.forEach(pattern);
      if (p.rest) disqualified.add(p.rest.name ?? "_");
    }
  };
  const node = scope.node;
  if (node.type === "Program") statements(node.body);
  else if (node.type === "FnDecl") {
    if (node.clauses) for (const c of node.clauses) if (c.pattern.kind === "bind") disqualified.add(c.pattern.name);
    statements(node.body);
  } else if (node.type === "Lambda") {
    if (node.expression) expression(node.expression);
    else statements(node.body ?? []);
  } else if (node.type === "SpawnBlock") statements(node.body);
  if (dynamicLoad) for (const n of values.keys()) disqualified.add(n);
  return { values, disqualified };
}
