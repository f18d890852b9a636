// Structural rules and rulesets on graphs (collections.md §6): which checks a graph enforces,
// when they run (against the state before the operation), what a violation does, and the
// add_rule/remove_rule/has_rule/rule/with_ruleset API.
import { host } from "../host.js";
import { rtError, typedError, type GraphoidError } from "../values/error.js";
import { display, typeName } from "../values/format.js";
import { equals } from "../values/truth.js";
import { unwrapFrozen } from "../values/freeze.js";
import { debugStringList, expectSymbol } from "./args.js";
import { GrGraph, type GraphRule } from "./graph.js";
import { hasCycle, isWeaklyConnected, reaches, roots } from "./traverse.js";
import type { Value } from "../values/value.js";

/** The checks the rule engine knows; a rule names one of them (ad-hoc binary_tree → max_degree). */
type CheckName =
  | "no_cycles"
  | "single_root"
  | "connected"
  | "max_degree"
  | "no_duplicates"
  | "weighted_edges"
  | "unweighted_edges"
  | "bst_ordering";

/** A rule in force: the name reported first in a violation, its check and the check's limit. */
interface EnforcedRule {
  rule: string;
  check: CheckName;
  limit: number;
}

/** The operation about to be applied; checks look at the graph as it is before it. */
export type GraphOperation =
  | { kind: "add_node"; id: string; value: Value }
  | { kind: "add_edge"; from: string; to: string; type: string; weight: number | null }
  | { kind: "remove_node"; id: string }
  | { kind: "remove_edge"; from: string; to: string };

const TREE_CHECKS: readonly CheckName[] = ["no_cycles", "single_root", "connected"];

/** What each ruleset enforces; ruleset rules report the check's own name (§6.4). */
const RULESET_RULES: Record<string, readonly EnforcedRule[]> = {
  tree: TREE_CHECKS.map((check) => ({ rule: check, check, limit: 0 })),
  binary_tree: [
    ...TREE_CHECKS.map((check) => ({ rule: check, check, limit: 0 })),
    { rule: "max_degree", check: "max_degree", limit: 2 },
  ],
  bst: [
    ...TREE_CHECKS.map((check) => ({ rule: check, check, limit: 0 })),
    { rule: "max_degree", check: "max_degree", limit: 2 },
    { rule: "bst_ordering", check: "bst_ordering", limit: 0 },
  ],
  dag: [{ rule: "no_cycles", check: "no_cycles", limit: 0 }],
};

/** The names `has_rule` reports for each ruleset: none for :bst (reference behavior, §6.3). */
const RULESET_REPORTED: Record<string, readonly string[]> = {
  tree: TREE_CHECKS,
  binary_tree: [...TREE_CHECKS, "binary_tree"],
  dag: ["no_cycles"],
};

/** Ad-hoc structural rules, by canonical name: the check and whether a number parameter is required. */
const STRUCTURAL_RULES: Record<string, { check: CheckName; fixedLimit: number | null }> = {
  no_cycles: { check: "no_cycles", fixedLimit: 0 },
  single_root: { check: "single_root", fixedLimit: 0 },
  connected: { check: "connected", fixedLimit: 0 },
  max_degree: { check: "max_degree", fixedLimit: null },
  binary_tree: { check: "max_degree", fixedLimit: 2 },
  no_duplicates: { check: "no_duplicates", fixedLimit: 0 },
  weighted_edges: { check: "weighted_edges", fixedLimit: 0 },
  unweighted_edges: { check: "unweighted_edges", fixedLimit: 0 },
};

/** Behaviors a graph accepts and stores without applying them (collections.md §7.1). */
const BEHAVIOR_NAMES = new Set([
  "none_to_zero",
  "none_to_empty",
  "positive",
  "round_to_int",
  "uppercase",
  "lowercase",
  "validate_range",
  "no_frozen",
  "copy_elements",
  "shallow_freeze_only",
]);

/** Method-constraint rules, checked after attached methods run (collections.md §8.8). */
export const CONSTRAINT_RULE_NAMES: ReadonlySet<string> = new Set(["read_only", "no_node_removals", "no_edge_removals"]);

const ALIASES: Record<string, string> = { no_dups: "no_duplicates" };

function canonical(name: string): string {
  return ALIASES[name] ?? name;
}

/** Ruleset rules first, then ad-hoc ones; a rule already in force by name and limit counts once. */
function enforcedRules(g: GrGraph): EnforcedRule[] {
  const out: EnforcedRule[] = [];
  const seen = new Set<string>();
  const push = (r: EnforcedRule): void => {
    const key = `${r.rule}/${r.limit}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (const set of g.rulesets) for (const r of RULESET_RULES[set] ?? []) push(r);
  for (const r of g.rules) {
    const spec = STRUCTURAL_RULES[r.name];
    if (spec === undefined) continue;
    push({ rule: r.name, check: spec.check, limit: spec.fixedLimit ?? (r.param as number) });
  }
  return out;
}

/** Writes the stderr warning and builds the RuleViolation error (message prefix doubled, §6.4). */
function violation(rule: string, check: string, message: string): GraphoidError {
  host.stderr(`WARNING: Graph rule violated: ${check} - ${message}\n`);
  return typedError("RuleViolation", `Graph rule violated: ${rule} - Graph rule violated: ${check} - ${message}`);
}

/** Throws a RuleViolation if `op` breaks a rule of `g`. Must run before `op` is applied. */
export function enforceRules(g: GrGraph, op: GraphOperation): void {
  if (g.rules.length === 0 && g.rulesets.length === 0) return;
  for (const r of enforcedRules(g)) {
    const message = checkOperation(g, r, op);
    if (message !== null) throw violation(r.rule, r.check, message);
  }
}

/** The violation message of one check for one operation, or null. */
function checkOperation(g: GrGraph, r: EnforcedRule, op: GraphOperation): string | null {
  switch (r.check) {
    case "no_cycles":
      if (op.kind === "add_edge") {
        const from = g.nodes.get(op.from);
        const to = g.nodes.get(op.to);
        const closes = op.from === op.to || (from !== undefined && to !== undefined && reaches(g, to, from));
        return closes ? `Adding edge from '${op.from}' to '${op.to}' would create a cycle` : null;
      }
      return op.kind === "remove_edge" && hasCycle(g) ? "Graph contains a cycle" : null;
    case "single_root":
      return op.kind === "remove_node" || op.kind === "remove_edge" ? singleRootProblem(g) : null;
    case "connected":
      if (op.kind !== "remove_node" && op.kind !== "remove_edge") return null;
      return isWeaklyConnected(g) ? null : "Graph must be connected (all nodes reachable)";
    case "max_degree": {
      if (op.kind !== "add_edge") return null;
      // Counted even when the edge already exists (re-typing it), as the reference does.
      const degree = g.nodes.get(op.from)?.out.size ?? 0;
      return degree >= r.limit ? `Node '${op.from}' already has ${degree} edges, maximum is ${r.limit}` : null;
    }
    case "no_duplicates":
      if (op.kind !== "add_node") return null;
      for (const node of g.dataNodes()) {
        // Re-adding a node with its own value is not a duplicate.
        if (node.id !== op.id && equals(node.value, op.value)) return `Value ${display(op.value)} already exists in collection`;
      }
      return null;
    case "weighted_edges":
      return op.kind === "add_edge" && op.weight === null
        ? `Edge from '${op.from}' to '${op.to}' must have a weight (weighted_edges rule active)`
        : null;
    case "unweighted_edges":
      return op.kind === "add_edge" && op.weight !== null
        ? `Edge from '${op.from}' to '${op.to}' must not have a weight (unweighted_edges rule active)`
        : null;
    case "bst_ordering":
      return bstProblem(g, op);
  }
}

function singleRootProblem(g: GrGraph): string | null {
  if (g.dataNodeCount() === 0) return null;
  const found = roots(g);
  if (found.length === 0) return "Tree must have at least one root node (no incoming edges)";
  if (found.length === 1) return null;
  return `Tree must have exactly one root, found ${found.length} roots: ${debugStringList(found.map((n) => n.id))}`;
}

function bstProblem(g: GrGraph, op: GraphOperation): string | null {
  if (op.kind === "add_node") {
    return typeof unwrapFrozen(op.value) === "number" ? null : "BST ordering rule requires all node values to be numeric";
  }
  if (op.kind !== "add_edge" || (op.type !== "left" && op.type !== "right")) return null;
  const parent = unwrapFrozen(g.nodes.get(op.from)?.value ?? null);
  const child = unwrapFrozen(g.nodes.get(op.to)?.value ?? null);
  if (typeof parent !== "number" || typeof child !== "number") return null;
  if (op.type === "left" && child >= parent) {
    return `BST ordering violation: left child (${display(child)}) must be less than parent (${display(parent)})`;
  }
  if (op.type === "right" && child <= parent) {
    return `BST ordering violation: right child (${display(child)}) must be greater than parent (${display(parent)})`;
  }
  return null;
}

// ---- managing rules

/** The rule a `(symbol, param)` pair names, after validating the parameter (§6.3). */
type RuleRequest =
  | { kind: "structural"; name: string; param: number | null }
  | { kind: "behavior"; name: string; args: Value[] }
  | { kind: "constraint"; name: string };

function parseRuleRequest(method: string, args: readonly Value[]): RuleRequest {
  if (args.length < 1 || args.length > 2) {
    throw rtError(`${method}() expects 1-2 arguments (rule_symbol, [param]), but got ${args.length}`);
  }
  const name = canonical(expectSymbol(method, args[0]).name);
  const hasParam = args.length === 2;
  const param = args[1];
  if (hasParam && typeof param !== "number") {
    throw rtError(`${method}() parameter must be a number, got ${typeName(param ?? null)}`);
  }
  const structural = STRUCTURAL_RULES[name];
  if (structural !== undefined) {
    if (structural.fixedLimit === null) {
      // max_degree without its number is not a rule the reference can name.
      if (!hasParam) throw rtError(`Unknown rule: :${name}`);
      return { kind: "structural", name, param: param as number };
    }
    if (hasParam) throw rtError(`Rule :${name} does not accept parameters`);
    return { kind: "structural", name, param: null };
  }
  if (name === "validate_range") {
    throw rtError(`validate_range requires 2 arguments (min, max), but got ${hasParam ? 1 : 0}`);
  }
  if (BEHAVIOR_NAMES.has(name) || CONSTRAINT_RULE_NAMES.has(name)) {
    if (hasParam) throw rtError(`Rule :${name} does not accept parameters`);
    return BEHAVIOR_NAMES.has(name) ? { kind: "behavior", name, args: [] } : { kind: "constraint", name };
  }
  throw rtError(`Unknown rule: :${name}`);
}

/** `g.add_rule(:name [, n])`: mutates `g` (already owned by the caller), returns none. */
export function addRule(g: GrGraph, args: readonly Value[]): Value {
  const request = parseRuleRequest("add_rule", args);
  switch (request.kind) {
    case "behavior":
      if (!g.behaviorRules.some((b) => b.name === request.name)) g.behaviorRules.push({ name: request.name, args: request.args });
      return null;
    case "constraint":
      if (!g.constraints.some((c) => c.fn === null && c.name === request.name)) g.constraints = [...g.constraints, { name: request.name, fn: null }];
      return null;
    case "structural": {
      if (g.rules.some((r) => r.name === request.name && r.param === request.param)) return null;
      const rule: GraphRule = { name: request.name, param: request.param };
      if (!applyRetroactively(g, rule)) {
        host.stderr(
          `WARNING: Cannot add rule '${request.name}' - existing data violates rule and cannot be automatically cleaned\n`,
        );
        return null;
      }
      g.rules.push(rule);
      return null;
    }
  }
}

/**
 * Brings existing data in line with a rule being attached: cleans what can be cleaned and
 * reports whether the rule may be added.
 */
function applyRetroactively(g: GrGraph, rule: GraphRule): boolean {
  switch (rule.name) {
    case "no_cycles":
      return !hasCycle(g);
    case "single_root":
      return singleRootProblem(g) === null;
    case "connected":
      return isWeaklyConnected(g);
    case "max_degree":
    case "binary_tree": {
      const limit = rule.name === "binary_tree" ? 2 : (rule.param as number);
      for (const node of g.dataNodes()) if (node.out.size > limit) return false;
      return true;
    }
    case "no_duplicates": {
      // Keep the first node of each value (insertion order); later duplicates go, with their edges.
      const kept: Value[] = [];
      const doomed: string[] = [];
      for (const node of g.dataNodes()) {
        if (kept.some((v) => equals(v, node.value))) doomed.push(node.id);
        else kept.push(node.value);
      }
      for (const id of doomed) g.deleteNode(id);
      return true;
    }
    case "weighted_edges": {
      const unweighted = [...g.dataEdges()].filter((e) => e.weight === null);
      for (const e of unweighted) g.deleteEdge(e.from, e.to);
      return true;
    }
    case "unweighted_edges":
      for (const e of g.dataEdges()) e.weight = null;
      return true;
    default:
      return true;
  }
}

/** `g.remove_rule(:name [, n])`: removes a matching ad-hoc rule; ruleset rules stay (§6.3). */
export function removeRule(g: GrGraph, args: readonly Value[]): Value {
  const request = parseRuleRequest("remove_rule", args);
  switch (request.kind) {
    case "structural":
      g.rules = g.rules.filter((r) => !(r.name === request.name && r.param === request.param));
      return null;
    case "behavior":
      g.behaviorRules = g.behaviorRules.filter((b) => b.name !== request.name);
      return null;
    case "constraint":
      g.constraints = g.constraints.filter((c) => !(c.fn === null && c.name === request.name));
      return null;
  }
}

/** `has_rule(:name)`: ad-hoc rules and the names the :tree, :binary_tree, :dag rulesets imply. */
export function hasRule(g: GrGraph, name: string): boolean {
  const wanted = canonical(name);
  if (g.rules.some((r) => r.name === wanted)) return true;
  if (g.behaviorRules.some((b) => b.name === wanted)) return true;
  if (g.constraints.some((c) => c.fn === null && c.name === wanted)) return true;
  return g.rulesets.some((set) => RULESET_REPORTED[set]?.includes(wanted) ?? false);
}

/** `rule(:name)`: none when absent, the limit of an ad-hoc max_degree, otherwise true. */
export function ruleValue(g: GrGraph, name: string): Value {
  const wanted = canonical(name);
  const adHoc = g.rules.find((r) => r.name === wanted);
  if (adHoc !== undefined && adHoc.param !== null) return adHoc.param;
  return hasRule(g, wanted) ? true : null;
}

/** `with_ruleset(:name)`: a new graph with the ruleset added; unknown names enforce nothing. */
export function withRuleset(g: GrGraph, name: string): GrGraph {
  const copy = g.clone();
  if (!copy.rulesets.includes(name)) copy.rulesets.push(name);
  return copy;
}

/** The symbol argument of has_rule/rule/has_ruleset/with_ruleset. */
export function ruleName(method: string, v: Value | undefined): string {
  return expectSymbol(method, v).name;
}
