// What crosses into a task: deep, unfrozen copies (runtime.md §2.2). Captured bindings at spawn
// time, channel and actor messages, replies and actor state all go through `copyForTask`.
//
// Lists and hashes are copy-on-write values (values/collection.ts), so a copy of one that holds no
// graph and nothing frozen is just the same object marked shared: whoever mutates it first clones.
// Graphs are shared handles, so they (and the containers holding them) are really copied. Channels
// and actor references are shared by design; functions are shared too (see the limitation in
// docs/ARCHITECTURE.md, "Tasks").
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { GrCollection, share } from "../values/collection.js";
import { FrozenScalar } from "../values/frozen_scalar.js";
import { GrGraph } from "../graph/graph.js";
import type { Value } from "../values/value.js";

export function copyForTask(v: Value): Value {
  return copyValue(v, new Map());
}

/** `seen` maps graphs already copied to their copies, so cycles and shared graphs copy once. */
function copyValue(v: Value, seen: Map<GrGraph, GrGraph>): Value {
  if (typeof v !== "object" || v === null) return v;
  if (v instanceof FrozenScalar) return v.value;
  if (v instanceof GrList) return copyList(v, seen);
  if (v instanceof GrMap) return copyMap(v, seen);
  if (v instanceof GrGraph) return copyGraph(v, seen);
  return v;
}

function copyList(list: GrList, seen: Map<GrGraph, GrGraph>): GrList {
  let items: Value[] | null = null;
  const source = list.items;
  for (let i = 0; i < source.length; i++) {
    const x = source[i]!;
    const c = copyValue(x, seen);
    if (c !== x) (items ??= source.slice())[i] = c;
  }
  if (items === null && !list.frozen) return share(list);
  const copy = new GrList(items ?? source.slice(), list.rules);
  for (const x of copy.items) if (x instanceof GrCollection) x.shared = true;
  return copy;
}

function copyMap(map: GrMap, seen: Map<GrGraph, GrGraph>): GrMap {
  let entries: Map<string, Value> | null = null;
  for (const [k, x] of map.entries) {
    const c = copyValue(x, seen);
    if (c !== x) (entries ??= new Map(map.entries)).set(k, c);
  }
  if (entries === null && !map.frozen) return share(map);
  const copy = new GrMap(entries ?? new Map(map.entries), map.rules);
  for (const x of copy.entries.values()) if (x instanceof GrCollection) x.shared = true;
  return copy;
}

function copyGraph(g: GrGraph, seen: Map<GrGraph, GrGraph>): GrGraph {
  const done = seen.get(g);
  if (done !== undefined) return done;
  const copy = g.clone();
  seen.set(g, copy);
  copy.frozen = false;
  for (const node of copy.nodes.values()) node.value = copyValue(node.value, seen);
  for (const k in copy.props) {
    const x = copy.props[k]!;
    const c = copyValue(x, seen);
    if (c !== x) copy.props[k] = c;
  }
  return copy;
}
