// The graph methods of collections.md §5.3, §6.3, §8 registered in `graphMethods`, plus index
// access for the compiler. Mutating methods change `recv` in place: the compiler has already made
// the receiver variable own it (clone-and-rebind, §1.1) and knows them from `graphMutators`.
import { share } from "../values/collection.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { GrList } from "../values/list.js";
import { GrSymbol } from "../values/symbol.js";
import { graphMethods, type MethodImpl } from "../methods/table.js";
import {
  allLayersFlag,
  assertMutable,
  expectArity,
  expectNumber,
  nodeId,
  plainString,
  takeNamed,
} from "./args.js";
import { stringArg } from "../methods/args.js";
import { addMethodConstraint } from "./constraints.js";
import { graphEquals } from "./equality.js";
import { GrGraph, type GNode } from "./graph.js";
import { viewEdges, viewNodes } from "./layers.js";
import { matchPattern } from "./patterns.js";
import { toAscii, toDot, visualize } from "./render.js";
import { addRule, enforceRules, hasRule, removeRule, ruleName, ruleValue, withRuleset } from "./rules.js";
import { addSubgraph, deleteMatching, extract } from "./subgraph.js";
import {
  allSimplePaths,
  breadthFirst,
  depthFirst,
  reaches,
  shortestPath,
  weightedShortestPath,
  withinHops,
  type EdgeFilter,
} from "./traverse.js";
import type { Value } from "../values/value.js";

/** Methods that mutate their receiver; the compiler clones a shared receiver and rebinds first. */
export const graphMutators: ReadonlySet<string> = new Set([
  "add_node",
  "set_node_type",
  "add_edge",
  "remove_node",
  "remove_edge",
  "add_rule",
  "remove_rule",
  "add_method_constraint",
]);

function define(name: string, impl: MethodImpl<GrGraph>): void {
  graphMethods[name] = impl;
}

function idList(nodes: readonly GNode[]): GrList {
  return new GrList(nodes.map((n) => n.id));
}

// ---- index access (for the compiler)

/** `g[id]`: the node's value (shared, since the graph still holds it). */
export function graphGetIndex(g: GrGraph, index: Value): Value {
  const id = plainString(index);
  if (id === null) throw rtError("Type error: expected indexable type (list, map, string, or graph), got graph");
  const node = g.nodes.get(id);
  if (node === undefined) throw rtError(`Node '${id}' not found in graph`);
  return share(node.value);
}

/** `g[id] = v`: adds or updates the node on the shared object itself, with the add_node rules. */
export function graphSetIndex(g: GrGraph, index: Value, value: Value): void {
  assertMutable(g);
  const id = plainString(index);
  if (id === null) throw rtError("Invalid index assignment target");
  enforceRules(g, { kind: "add_node", id, value });
  g.putNode(id, share(value));
}

// ---- nodes and edges (§5.3)

define("add_node", (recv, args) => {
  assertMutable(recv);
  expectArity("add_node", args, 2);
  const id = nodeId(args[0]);
  const value = args[1]!;
  enforceRules(recv, { kind: "add_node", id, value });
  recv.putNode(id, share(value));
  return null;
});

define("set_node_type", (recv, args) => {
  assertMutable(recv);
  expectArity("set_node_type", args, 2);
  const id = nodeId(args[0]);
  const type = stringArg(args[1]);
  const node = recv.nodes.get(id);
  if (node === undefined) throw rtError(`Node '${id}' not found`);
  node.type = type;
  return null;
});

/**
 * `add_edge(from, to [, type])`. A positional weight is refused as in the reference; a named
 * `weight: w` is a graphoid-js extension (the reference rejects every spelling of a 4th argument).
 */
define("add_edge", (recv, args, names) => {
  assertMutable(recv);
  const { value: weightArg, rest } = takeNamed(args, names, "weight");
  if (rest.length < 2 || rest.length > 3) {
    throw rtError(`add_edge() expects 2-3 arguments (from, to, [edge_type]), but got ${args.length}`);
  }
  const from = nodeId(rest[0]);
  const to = nodeId(rest[1]);
  const type = rest.length === 3 ? stringArg(rest[2]) : "edge";
  const weight = weightArg === undefined || weightArg === null ? null : expectNumber(weightArg);
  enforceRules(recv, { kind: "add_edge", from, to, type, weight });
  recv.link(from, to, type, weight);
  return null;
});

define("remove_node", (recv, args) => {
  assertMutable(recv);
  expectArity("remove_node", args, 1);
  const id = nodeId(args[0]);
  enforceRules(recv, { kind: "remove_node", id });
  recv.deleteNode(id);
  return null;
});

define("remove_edge", (recv, args) => {
  assertMutable(recv);
  expectArity("remove_edge", args, 2);
  const from = nodeId(args[0]);
  const to = nodeId(args[1]);
  enforceRules(recv, { kind: "remove_edge", from, to });
  recv.unlink(from, to);
  return null;
});

define("get_node", (recv, args) => {
  expectArity("get_node", args, 1);
  const node = recv.nodes.get(nodeId(args[0]));
  return node === undefined ? null : share(node.value);
});

define("has_node", (recv, args) => {
  expectArity("has_node", args, 1);
  return recv.nodes.has(nodeId(args[0]));
});

define("nodes", (recv, args) => new GrList(viewNodes(recv, allLayersFlag("nodes", args)).map((n) => n.id)));

define("edges", (recv, args) => {
  const views = viewEdges(recv, allLayersFlag("edges", args));
  return new GrList(views.map((e) => new GrList([e.from, e.to, e.type])));
});

define("node_count", (recv, args) => {
  expectArity("node_count", args, 0);
  return recv.dataNodeCount();
});

define("edge_count", (recv, args) => {
  expectArity("edge_count", args, 0);
  return recv.dataEdgeCount();
});

define("clone", (recv, args) => {
  expectArity("clone", args, 0);
  return deepClone(recv);
});

/**
 * `clone()`: an independent copy, rules and methods included. Unlike the copy-on-write clone,
 * the methods map is copied so methods attached later to one side stay on that side.
 */
export function deepClone(g: GrGraph): GrGraph {
  const copy = g.clone();
  copy.methods = new Map([...g.methods].map(([name, variants]) => [name, variants.slice()]));
  return copy;
}

define("equals", (recv, args) => {
  expectArity("equals", args, 1, 2);
  return graphEquals(recv, args[0], args[1]);
});

// ---- rules (§6.3)

define("add_rule", (recv, args) => addRule(recv, args));
define("remove_rule", (recv, args) => removeRule(recv, args));

define("has_rule", (recv, args) => {
  expectArity("has_rule", args, 1);
  return hasRule(recv, ruleName("has_rule", args[0]));
});

define("rule", (recv, args) => {
  expectArity("rule", args, 1);
  return ruleValue(recv, ruleName("rule", args[0]));
});

define("has_ruleset", (recv, args) => {
  expectArity("has_ruleset", args, 1);
  return recv.rulesets.includes(ruleName("has_ruleset", args[0]));
});

define("with_ruleset", (recv, args) => {
  expectArity("with_ruleset", args, 1);
  return withRuleset(recv, ruleName("with_ruleset", args[0]));
});

define("add_method_constraint", (recv, args) => addMethodConstraint(recv, args));

// ---- rendering (§5.8)

define("visualize", (recv, args) => visualize(recv, allLayersFlag("visualize", args)));
define("to_dot", (recv, args) => toDot(recv, allLayersFlag("to_dot", args)));
define("to_ascii", (recv, args) => toAscii(recv, allLayersFlag("to_ascii", args)));

// ---- path queries (§8.4): missing endpoints give the "not found" result, never an error

/** The two endpoint ids, type-checked (`Type error: expected string, got num`). */
function endpoints(args: readonly Value[]): [string, string] {
  return [nodeId(args[0]), nodeId(args[1])];
}

define("has_path", (recv, args) => {
  expectArity("has_path", args, 2);
  const [a, b] = endpoints(args);
  const from = recv.nodes.get(a);
  const to = recv.nodes.get(b);
  return from !== undefined && to !== undefined && reaches(recv, from, to);
});

/** Optional arguments of shortest_path: an edge type string and/or `:weighted` (named `edge_type:` too). */
function pathOptions(args: readonly Value[], names: readonly (string | null)[] | null): { type: EdgeFilter; weighted: boolean } {
  let type: EdgeFilter = null;
  let weighted = false;
  for (let i = 2; i < args.length; i++) {
    const option = args[i]!;
    if (names?.[i] === "edge_type" && option instanceof GrSymbol) type = option.name;
    else if (plainString(option) !== null) type = plainString(option);
    else if (option instanceof GrSymbol && option.name === "weighted") weighted = true;
    else {
      throw rtError(
        `shortest_path() optional arguments must be edge_type (string) or :weighted symbol, got ${typeName(option)}`,
      );
    }
  }
  return { type, weighted };
}

define("shortest_path", (recv, args, names) => {
  expectArity("shortest_path", args, 2, 4);
  const [a, b] = endpoints(args);
  const { type, weighted } = pathOptions(args, names);
  const from = recv.nodes.get(a);
  const to = recv.nodes.get(b);
  if (from === undefined || to === undefined) return null;
  const ids = weighted ? weightedShortestPath(recv, from, to, type) : shortestPath(recv, from, to, type);
  return ids === null ? null : new GrList(ids);
});

define("distance", (recv, args) => {
  expectArity("distance", args, 2);
  const [a, b] = endpoints(args);
  const from = recv.nodes.get(a);
  const to = recv.nodes.get(b);
  const ids = from === undefined || to === undefined ? null : shortestPath(recv, from, to, null);
  return ids === null ? -1 : ids.length - 1;
});

define("all_paths", (recv, args) => {
  expectArity("all_paths", args, 3);
  const [a, b] = endpoints(args);
  const maxEdges = expectNumber(args[2]);
  const from = recv.nodes.get(a);
  const to = recv.nodes.get(b);
  if (from === undefined || to === undefined) return new GrList([]);
  return new GrList(allSimplePaths(recv, from, to, maxEdges).map((ids) => new GrList(ids)));
});

// ---- queries (§8.3, §8.5)

define("match", (recv, args) => matchPattern(recv, args));
define("extract", (recv, args) => extract(recv, args));
define("delete", (recv, args) => deleteMatching(recv, args));
define("add_subgraph", (recv, args) => {
  expectArity("add_subgraph", args, 1, 2);
  return addSubgraph(recv, args);
});

// ---- spec-only extensions (§5.3, §8.4): cheap, and absent from the reference

/** The start node of a traversal, or null when it is missing. */
function startNode(recv: GrGraph, method: string, args: readonly Value[], arity: number): GNode | null {
  expectArity(method, args, arity);
  return recv.nodes.get(nodeId(args[0])) ?? null;
}

define("bfs", (recv, args) => {
  const start = startNode(recv, "bfs", args, 1);
  return idList(start === null ? [] : breadthFirst(recv, start));
});

define("dfs", (recv, args) => {
  const start = startNode(recv, "dfs", args, 1);
  return idList(start === null ? [] : depthFirst(recv, start));
});

/** `nodes_within(id, hops: n)` (or positional n): ids 1..n edges away, nearest first. */
define("nodes_within", (recv, args, names) => {
  const { value: named, rest } = takeNamed(args, names, "hops");
  const hopsArg = named ?? rest[1];
  const start = startNode(recv, "nodes_within", rest.slice(0, 1), 1);
  const hops = expectNumber(hopsArg ?? null);
  return idList(start === null ? [] : withinHops(recv, start, hops));
});

/** Out-neighbours (both ways on undirected graphs), optionally only over edges of one type. */
define("neighbors", (recv, args) => {
  expectArity("neighbors", args, 1, 2);
  const node = recv.nodes.get(nodeId(args[0]));
  const type = args.length === 2 ? stringArg(args[1]) : null;
  if (node === undefined) return new GrList([]);
  const ids: string[] = [];
  for (const e of node.out.values()) if (type === null || e.type === type) ids.push(e.to);
  return new GrList(ids);
});

define("out_degree", (recv, args) => startNode(recv, "out_degree", args, 1)?.out.size ?? 0);
define("in_degree", (recv, args) => startNode(recv, "in_degree", args, 1)?.in.size ?? 0);

/** Edges touching the node; an undirected edge counts once (it is stored both ways). */
define("degree", (recv, args) => {
  const node = startNode(recv, "degree", args, 1);
  if (node === null) return 0;
  return recv.directed ? node.out.size + node.in.size : node.out.size;
});

define("has_edge", (recv, args) => {
  expectArity("has_edge", args, 2);
  const [a, b] = endpoints(args);
  return recv.nodes.get(a)?.out.has(b) ?? false;
});
