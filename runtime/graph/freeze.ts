// Freezing graphs (collections.md §10). `g.freeze()` returns a frozen deep copy: node values are
// frozen too (so `gf["a"].is_frozen()` is true), and every mutation of the copy fails with
// `Cannot modify frozen graph` (see assertMutable). The receiver stays mutable and unfrozen: the
// reference also freezes the shared original, which §10.1 marks as a defect.
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { GrGraph } from "./graph.js";
import type { Value } from "../values/value.js";

/** `g.freeze()`. */
export function freezeGraph(g: GrGraph): GrGraph {
  return frozenGraph(g, new Map());
}

/** A frozen deep copy; `seen` maps graphs already copied, since a graph may hold itself. */
function frozenGraph(g: GrGraph, seen: Map<GrGraph, GrGraph>): GrGraph {
  const done = seen.get(g);
  if (done !== undefined) return done;
  const copy = g.clone();
  seen.set(g, copy);
  for (const node of copy.nodes.values()) node.value = frozenValue(node.value, seen);
  for (const [k, v] of copy.props) copy.props.set(k, frozenValue(v, seen));
  copy.frozen = true;
  return copy;
}

/** Lists and hashes are copied with every element frozen, at any depth (hash values included). */
function frozenValue(v: Value, seen: Map<GrGraph, GrGraph>): Value {
  if (v instanceof GrList) {
    const copy = new GrList(v.items.map((item) => frozenValue(item, seen)), v.rules);
    copy.frozen = true;
    return copy;
  }
  if (v instanceof GrMap) {
    const entries = new Map<string, Value>();
    for (const [k, item] of v.entries) entries.set(k, frozenValue(item, seen));
    const copy = new GrMap(entries, v.rules);
    copy.frozen = true;
    return copy;
  }
  if (v instanceof GrGraph) return frozenGraph(v, seen);
  return v;
}
