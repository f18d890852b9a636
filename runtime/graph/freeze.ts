// Freezing graphs (collections.md §10). `g.freeze()` returns a frozen deep copy: node values and
// class-like properties are frozen too (so `gf["a"].is_frozen()` is true), and every mutation of
// the copy fails with `Cannot modify frozen graph`. The receiver stays mutable and unfrozen: the
// reference also freezes the shared original, which §10.1 marks as a defect. Registered with
// runtime/values/freeze.ts, so the universal `freeze()` reaches it.
import { GrCollection } from "../values/collection.js";
import { deepFreeze, setGraphFreezer, unwrapFrozen } from "../values/freeze.js";
import { GrGraph } from "./graph.js";
import type { Value } from "../values/value.js";

/**
 * Graphs already copied during the current freeze: a graph may hold itself (directly or through a
 * list), and deepFreeze calls back into freezeGraph for every graph it meets.
 */
let copies: Map<GrGraph, GrGraph> | null = null;

/** `g.freeze()`. */
export function freezeGraph(g: GrGraph): GrGraph {
  const outermost = copies === null;
  copies ??= new Map();
  try {
    const done = copies.get(g);
    if (done !== undefined) return done;
    const copy = g.clone();
    copies.set(g, copy);
    for (const node of copy.nodes.values()) node.value = frozenElement(node.value);
    for (const k in copy.props) copy.props[k] = frozenElement(copy.props[k]!);
    copy.frozen = true;
    return copy;
  } finally {
    if (outermost) copies = null;
  }
}

/** As inside a frozen list: collections frozen deeply, scalars raw (the graph's flag covers them). */
function frozenElement(v: Value): Value {
  return v instanceof GrCollection ? deepFreeze(v) : unwrapFrozen(v);
}

setGraphFreezer(freezeGraph);
