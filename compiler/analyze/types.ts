// Static types of local variables, so arithmetic and comparisons on them compile to plain JS
// without `typeof` guards (`i = i + 1` → `i = i + 1`). A variable gets a type only when every
// value it can hold comes from an assignment in its own scope whose expression has that type;
// anything else that can bind it (a loop variable, a catch binding, `x.m!()`, a computed-path
// `load`, a capture from outside …) leaves it untyped, and untyped code keeps the runtime checks.
import type * as A from "../parse/ast.js";
import type { Analysis, Scope } from "./scopes.js";
import { forEachBinding } from "./bindings.js";

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
  let unknownLoad = false;
  const assignedValue = (name: string, value: A.Expression) => {
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  };
  const collect = (list: A.Statement[]) =>
    forEachBinding(
      list,
      (b) => {
        switch (b.kind) {
          case "assign":
            assignedValue(b.name, b.value);
            return;
          case "typed":
            if (b.typeWord === "bignum") disqualified.add(b.name);
            else assignedValue(b.name, b.value);
            return;
          case "unknown-load":
            unknownLoad = true;
            return;
          default:
            // Any other binding (a loop variable, `x.m!()`, an element write …) can hold anything.
            disqualified.add(b.name);
        }
      },
      { importBinding: (s) => analysis.importBindings.get(s) ?? s.path },
    );
  const node = scope.node;
  if (node.type === "Program") collect(node.body);
  else if (node.type === "FnDecl") {
    if (node.clauses) for (const c of node.clauses) if (c.pattern.kind === "bind") disqualified.add(c.pattern.name);
    collect(node.body);
  } else if (node.type === "Lambda") {
    if (node.expression) collect([{ type: "ExprStmt", expression: node.expression, loc: node.loc }]);
    else collect(node.body ?? []);
  } else if (node.type === "SpawnBlock") collect(node.body);
  // A loaded file that cannot be seen into may assign anything.
  if (unknownLoad) for (const n of values.keys()) disqualified.add(n);
  return { values, disqualified };
}
