// What lowering knows about the behavior rules a list or hash variable carries (collections.md §7),
// so a write site can apply them inline (DESIGN.md decision 3). Facts start from collection
// literals and follow `add_rule`/`remove_rule` chains, copies between variables and the operations
// that keep rules (`append`, `insert`, …); any other write to a variable forgets its facts, and
// control flow keeps only what every path agrees on. Only pure standard transformations are
// inlined; a collection with any other rule takes the runtime path.
import type * as A from "../parse/ast.js";
import type { FnCtx, ModuleState } from "./context.js";
import { forEachBinding } from "../analyze/bindings.js";
import type { KnownBehavior } from "./ir.js";

/**
 * The facts known at one point of lowering, as a stack of layers. A branch or a loop body is
 * lowered on a layer over the facts before it (`layer()`), which holds only what that path
 * changes: entering a path copies nothing. (At top level the facts cover every collection
 * variable of the module, and copying them at every `if` made lowering quadratic in its length.)
 */
export class RuleFacts {
  /** What this layer changed: rules, or null for a name whose facts it forgot (made on the first change). */
  private changes: Map<string, KnownBehavior[] | null> | null = null;
  /** `clear()` was called here: nothing below this layer is visible. */
  private cleared = false;

  constructor(private readonly below: RuleFacts | null = null) {}

  get(name: string): KnownBehavior[] | undefined {
    for (let facts: RuleFacts | null = this; facts !== null; facts = facts.below) {
      const rules = facts.changes?.get(name);
      if (rules !== undefined) return rules ?? undefined;
      if (facts.cleared) return undefined;
    }
    return undefined;
  }

  set(name: string, rules: KnownBehavior[]): void {
    (this.changes ??= new Map()).set(name, rules);
  }

  /** Forgets what is known about `name` (most writes go to names nothing is known about). */
  delete(name: string): void {
    if (this.get(name) === undefined) return;
    if (this.below === null) this.changes!.delete(name);
    else (this.changes ??= new Map()).set(name, null);
  }

  clear(): void {
    this.changes = null;
    this.cleared = true;
  }

  /** A layer over these facts for a path lowered from here. */
  layer(): RuleFacts {
    return new RuleFacts(this);
  }

  /** Every name with known rules (sorted). */
  names(): string[] {
    const out = new Set<string>();
    const forgotten = new Set<string>();
    for (let facts: RuleFacts | null = this; facts !== null; facts = facts.below) {
      for (const [name, rules] of facts.changes ?? []) {
        if (out.has(name) || forgotten.has(name)) continue;
        if (rules === null) forgotten.add(name);
        else out.add(name);
      }
      if (facts.cleared) break;
    }
    return [...out].sort();
  }

  /**
   * The names whose facts may differ between a layer made by `facts.layer()` and `facts`, or
   * null when the layer cleared everything.
   */
  static changedIn(layer: RuleFacts): Iterable<string> | null {
    return layer.cleared ? null : (layer.changes?.keys() ?? []);
  }
}

/** Transformations with an inline form (generate/behaviors.ts). */
const INLINE_TRANSFORMS = new Set(["none_to_zero", "none_to_empty", "positive", "round_to_int", "uppercase", "lowercase", "validate_range"]);
/** Graph rules on a list or hash: accepted, enforce nothing. */
const INERT = new Set(["no_cycles", "single_root", "connected", "max_degree", "binary_tree", "weighted_edges", "unweighted_edges"]);
/** Methods whose result keeps the receiver's rules (collections.md §7.3). */
const KEEPS_RULES = new Set(["append", "prepend", "insert", "remove", "remove_at_index", "clear"]);
/** `x.m!()` forms that leave x's rules as they were. */
const KEEPS_RULES_BANG = new Set([...KEEPS_RULES, "pop"]);

function literalArgs(args: A.Argument[]): (number | string | boolean | null)[] | null {
  const out: (number | string | boolean | null)[] = [];
  for (const a of args) {
    if (a.name !== null) return null;
    const v = a.value;
    if (v.type === "NumberLit" || v.type === "StringLit" || v.type === "BoolLit") out.push(v.value);
    else if (v.type === "Unary" && v.operator === "-" && v.operand.type === "NumberLit") out.push(-v.operand.value);
    else if (v.type === "NoneLit") out.push(null);
    else return null;
  }
  return out;
}

function same(a: KnownBehavior, b: KnownBehavior): boolean {
  return a.name === b.name && a.args.length === b.args.length && a.args.every((x, i) => x === b.args[i]);
}

/** `rules` plus `add_rule(:name, args…)`, or null when the result cannot be known. */
function added(rules: KnownBehavior[], call: A.MethodCall): KnownBehavior[] | null {
  const [first, ...rest] = call.args;
  if (!first || first.value.type !== "SymbolLit" || first.name !== null) return null;
  const name = first.value.name === "no_dups" ? "no_duplicates" : first.value.name;
  const args = literalArgs(rest);
  if (args === null) return null;
  if (name === "validate_range") {
    if (args.length !== 2 || typeof args[0] !== "number" || typeof args[1] !== "number") return null;
  } else if (!INERT.has(name) && (!INLINE_TRANSFORMS.has(name) || args.length > 0)) {
    return null; // a rule the inline path does not implement, or an attach that fails
  }
  const rule: KnownBehavior = { name, args };
  // Attaching an identical rule again is ignored (§7.3).
  return rules.some((r) => same(r, rule)) ? rules : [...rules, rule];
}

/** The rules the value of `e` certainly carries, or null when unknown. */
export function rulesOf(facts: RuleFacts, e: A.Expression): KnownBehavior[] | null {
  switch (e.type) {
    case "ListLit":
    case "MapLit":
      return [];
    case "Identifier":
      return facts.get(e.name) ?? null;
    case "MethodCall": {
      if (e.bang) return null;
      const base = rulesOf(facts, e.object);
      if (base === null) return null;
      if (e.method === "add_rule") return added(base, e);
      if (e.method === "remove_rule") {
        const [first] = e.args;
        if (e.args.length !== 1 || !first || first.value.type !== "SymbolLit") return null;
        const name = first.value.name;
        if (name === "validate_range") return null; // fails at run time (§7.1)
        return base.filter((r) => r.name !== name);
      }
      return KEEPS_RULES.has(e.method) ? base : null;
    }
    default:
      return null;
  }
}

/** After `x.m!(args)`: x's rules, or null when they may have changed. */
export function rulesAfterBang(facts: RuleFacts, name: string, call: A.MethodCall): KnownBehavior[] | null {
  const current = facts.get(name);
  if (current === undefined) return null;
  if (KEEPS_RULES_BANG.has(call.method)) return current;
  if (call.method === "add_rule") return added(current, call);
  return null;
}

/** Whether the rules are all applied by the inline path (some may be inert). */
export function inlinable(rules: KnownBehavior[]): boolean {
  return rules.every((r) => INLINE_TRANSFORMS.has(r.name) || INERT.has(r.name));
}

/**
 * After alternative paths, each lowered on a layer of `before` (for a loop body: the one path
 * through the body, or around it): keeps in `before` only what every path agrees on.
 */
export function mergeFacts(before: RuleFacts, paths: RuleFacts[]): void {
  // Only names some path changed can differ from `before` (all of them, if a path cleared).
  const names = new Set<string>();
  for (const path of paths) {
    const changed = RuleFacts.changedIn(path);
    for (const name of changed ?? [...before.names(), ...path.names()]) names.add(name);
  }
  for (const name of names) {
    const [first, ...others] = paths.map((path) => path.get(name));
    const agreed = first !== undefined && others.every((rules) => rules !== undefined && sameRules(rules, first));
    if (agreed) before.set(name, first);
    else before.delete(name);
  }
}

function sameRules(a: KnownBehavior[], b: KnownBehavior[]): boolean {
  return a.length === b.length && a.every((r, i) => same(r, b[i]!));
}

/**
 * Names a loop body writes in a way that may change their rules: only rule-keeping updates of a
 * name (`x.append!(v)`, `x[i] = v`, `x = x.append(v)`) let its facts hold across iterations.
 * `"*"` in the result: a `load` the compiler cannot see into may change anything.
 */
export function ruleChangingWrites(body: A.Statement[], importBinding: (s: A.Import) => string): Set<string> {
  const out = new Set<string>();
  const keepsOwnRules = (name: string, value: A.Expression): boolean => {
    let e = value;
    while (e.type === "MethodCall" && !e.bang && KEEPS_RULES.has(e.method)) e = e.object;
    return e.type === "Identifier" && e.name === name && e !== value;
  };
  forEachBinding(
    body,
    (b) => {
      if (b.kind === "unknown-load") out.add("*");
      else if (b.kind === "bang") {
        if (!KEEPS_RULES_BANG.has(b.call.method)) out.add(b.name);
      } else if (b.kind === "assign") {
        if (!keepsOwnRules(b.name, b.value)) out.add(b.name);
      } else if (b.kind !== "element") out.add(b.name);
    },
    { importBinding },
  );
  return out;
}

/** Forgets what a loop or `try` body may change. */
export function forgetChangedBy(m: ModuleState, ctx: FnCtx, body: A.Statement[]): void {
  const changed = ruleChangingWrites(body, (s) => m.analysis.importBindings.get(s) ?? s.path);
  if (changed.has("*")) ctx.rules.clear();
  else for (const n of changed) ctx.rules.delete(n);
}
