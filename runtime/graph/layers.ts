// Layer visibility (collections.md §8.7). The reference keeps attached methods and class-like
// properties as real nodes (`__methods__`, `__methods__/<name>`, `__properties__/<name>`,
// `__parent__`); graphoid-js keeps them in the class-like fields of GrGraph and shows them as
// nodes only in the `:all` views (nodes(:all), edges(:all), visualize(:all), ...).
import type { GrGraph } from "./graph.js";
import type { Value } from "../values/value.js";

export interface NodeView {
  id: string;
  value: Value;
}

export interface EdgeView {
  from: string;
  to: string;
  type: string;
}

const METHODS_ROOT = "__methods__";

/** Nodes in insertion order: the data layer, or with `all` every stored node then the class-like layer. */
export function viewNodes(g: GrGraph, all: boolean): NodeView[] {
  const out: NodeView[] = [];
  for (const node of all ? g.nodes.values() : g.dataNodes()) out.push({ id: node.id, value: node.value });
  if (!all) return out;
  if (g.methods.size > 0) {
    out.push({ id: METHODS_ROOT, value: null });
    for (const [name, variants] of g.methods) out.push({ id: `${METHODS_ROOT}/${name}`, value: variants[0]?.fn ?? null });
  }
  for (const name in g.props) out.push({ id: `__properties__/${name}`, value: g.props[name]! });
  if (g.parent !== null) out.push({ id: "__parent__", value: g.parent });
  return out;
}

/** Edges as `[from, to, type]` views; `all` adds stored internal edges and the `has_method` links. */
export function viewEdges(g: GrGraph, all: boolean): EdgeView[] {
  const out: EdgeView[] = [];
  if (!all) {
    for (const e of g.dataEdges()) out.push({ from: e.from, to: e.to, type: e.type });
    return out;
  }
  for (const node of g.nodes.values()) for (const e of node.out.values()) out.push({ from: e.from, to: e.to, type: e.type });
  for (const name of g.methods.keys()) out.push({ from: METHODS_ROOT, to: `${METHODS_ROOT}/${name}`, type: "has_method" });
  return out;
}
