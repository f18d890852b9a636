// Subgraph operations (collections.md §8.5): extract, delete and add_subgraph build a new graph of
// the receiver's directedness and never touch the receiver.
import { callFunction } from "../call.js";
import { share } from "../values/collection.js";
import { rtError } from "../values/error.js";
import { display } from "../values/format.js";
import { GrMap } from "../values/map.js";
import { truthy } from "../values/truth.js";
import { expectGraph } from "./args.js";
import { GrGraph, type GEdge, type GNode } from "./graph.js";
import type { Value } from "../values/value.js";

interface Filters {
  nodes: Value;
  edges: Value;
  includeOrphans: boolean;
}

/** Positional `(nodes, edges[, include_orphans])` or the hash form `{nodes:, edges:, include_orphans:}`. */
function readFilters(args: readonly Value[]): Filters {
  const first = args[0] ?? null;
  if (first instanceof GrMap) {
    const orphans = first.entries.get("include_orphans");
    return {
      nodes: first.entries.get("nodes") ?? null,
      edges: first.entries.get("edges") ?? null,
      includeOrphans: orphans === undefined ? true : truthy(orphans),
    };
  }
  const orphans = args[2];
  return { nodes: first, edges: args[1] ?? null, includeOrphans: orphans === undefined ? true : truthy(orphans) };
}

function emptyLike(g: GrGraph): GrGraph {
  const out = new GrGraph();
  out.directed = g.directed;
  return out;
}

function keepsNode(filter: Value, node: GNode): boolean {
  return truthy(callFunction(filter, [share(node.value)]));
}

function keepsEdge(filter: Value, e: GEdge): boolean {
  return truthy(callFunction(filter, [e.from, e.to, e.type]));
}

/** Copies an edge into `out` like add_edge would (both directions on an undirected graph). */
function copyEdge(out: GrGraph, e: GEdge, weight: number | null): void {
  out.link(e.from, e.to, e.type, weight);
}

/**
 * `extract`: nodes whose value passes the node filter, edges between kept nodes that pass the
 * edge filter; with include_orphans false only nodes touching a kept edge remain. Values and edge
 * types are copied; node types, weights and rules are not.
 */
export function extract(g: GrGraph, args: readonly Value[]): GrGraph {
  const filters = readFilters(args);
  const keptNodes = [...g.dataNodes()].filter((n) => filters.nodes === null || keepsNode(filters.nodes, n));
  const keptIds = new Set(keptNodes.map((n) => n.id));
  const keptEdges = [...g.dataEdges()].filter(
    (e) => keptIds.has(e.from) && keptIds.has(e.to) && (filters.edges === null || keepsEdge(filters.edges, e)),
  );
  const touched = new Set<string>();
  for (const e of keptEdges) touched.add(e.from).add(e.to);
  const out = emptyLike(g);
  for (const n of keptNodes) if (filters.includeOrphans || touched.has(n.id)) out.putNode(n.id, share(n.value));
  for (const e of keptEdges) copyEdge(out, e, null);
  return out;
}

/**
 * `delete`: drops nodes matching the node filter (with their edges) and edges matching the edge
 * filter. Reference behavior, kept: without an edge filter the result has no edges, and without a
 * node filter it has no nodes.
 */
export function deleteMatching(g: GrGraph, args: readonly Value[]): GrGraph {
  const { nodes: nodeFilter, edges: edgeFilter } = readFilters(args);
  const out = emptyLike(g);
  if (nodeFilter === null) return out;
  for (const n of g.dataNodes()) if (!keepsNode(nodeFilter, n)) out.putNode(n.id, share(n.value));
  if (edgeFilter === null) return out;
  for (const e of g.dataEdges()) {
    if (out.nodes.has(e.from) && out.nodes.has(e.to) && !keepsEdge(edgeFilter, e)) copyEdge(out, e, null);
  }
  return out;
}

const STRATEGIES = new Set(["keep_original", "overwrite", "merge"]);

/**
 * `add_subgraph(other [, strategy])`: the receiver's nodes (with types), then `other`'s nodes, then
 * the receiver's edges, then `other`'s edges. A strategy that is not a known string fails only
 * when a conflict actually occurs, naming its display text.
 */
export function addSubgraph(g: GrGraph, args: readonly Value[]): GrGraph {
  const other = expectGraph("add_subgraph", args[0]);
  const strategyArg = args[1];
  const strategy = strategyArg === undefined ? "keep_original" : typeof strategyArg === "string" ? strategyArg : display(strategyArg);
  const out = emptyLike(g);
  for (const n of g.dataNodes()) out.putNode(n.id, share(n.value)).type = n.type;
  for (const n of other.dataNodes()) {
    const mine = out.nodes.get(n.id);
    if (mine === undefined) {
      out.putNode(n.id, share(n.value)).type = n.type;
      continue;
    }
    if (!STRATEGIES.has(strategy)) {
      throw rtError(
        `Unknown conflict resolution strategy: '${strategy}'. Use 'keep_original', 'overwrite', or 'merge'`,
      );
    }
    if (strategy === "overwrite") {
      mine.value = share(n.value);
      mine.type = n.type;
    } else if (strategy === "merge") {
      mine.value = share(n.value);
      if (n.type !== null) mine.type = n.type;
    }
  }
  for (const e of g.dataEdges()) copyEdge(out, e, e.weight);
  for (const e of other.dataEdges()) if (out.nodes.has(e.from) && out.nodes.has(e.to)) copyEdge(out, e, e.weight);
  return out;
}
