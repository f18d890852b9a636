// Freezing (collections.md §10, core.md §11.2): deep frozen copies, has_frozen, and the unfrozen
// deep copies that the `:copy_elements` behavior stores.
//
// An explicitly frozen number, string or bool (`5.freeze()`) is boxed in a `FrozenScalar`
// (frozen_scalar.ts). Scalars *inside* a frozen collection stay raw: the container's flag already
// says they are frozen (has_frozen counts them), and keeping them raw lets compiled code do
// arithmetic on `config[0]` without unwrapping. none and symbols are never boxed: `x == none` and
// symbol identity must keep working, and freezing them is unobservable in practice.
import { GrCollection } from "./collection.js";
import { GrList } from "./list.js";
import { GrMap } from "./map.js";
import { equals } from "./truth.js";
import { FrozenScalar, unwrapFrozen } from "./frozen_scalar.js";
import { GrGraph } from "../graph/graph.js";
import type { Value } from "./value.js";

export { FrozenScalar, unwrapFrozen, type FreezableScalar } from "./frozen_scalar.js";

/** `==` as the language defines it, seeing through frozen scalars at the top level. */
export function valueEquals(a: Value, b: Value): boolean {
  return equals(unwrapFrozen(a), unwrapFrozen(b));
}

/** `v.is_frozen()` */
export function isFrozen(v: Value): boolean {
  if (v instanceof FrozenScalar) return true;
  return v instanceof GrCollection && v.frozen;
}

// ---------------------------------------------------------------- graphs

/** A graph that knows how to freeze itself (the graph engineer's `GrGraph.freeze`). */
interface SelfFreezing {
  freeze(): Value;
}

function hasOwnFreeze(g: GrGraph): g is GrGraph & SelfFreezing {
  return typeof (g as Partial<SelfFreezing>).freeze === "function";
}

/**
 * How `freeze()` treats a graph: `GrGraph.freeze()` when the graph engineer has provided it,
 * otherwise the reference's effect, which is to freeze the shared handle itself (graphs are shared,
 * collections.md §10.1). `setGraphFreezer` replaces this outright.
 */
let graphFreezer: (g: GrGraph) => Value = (g) => {
  if (hasOwnFreeze(g)) return g.freeze();
  g.frozen = true;
  return g;
};

export function setGraphFreezer(freezer: (g: GrGraph) => Value): void {
  graphFreezer = freezer;
}

// ---------------------------------------------------------------- deep freeze

/**
 * `v.freeze()`: a deeply frozen copy; `v` itself is untouched. graphoid-js also freezes the values
 * inside hashes, which the reference forgets to do (collections.md §10.1, a fixed defect).
 */
export function deepFreeze(v: Value): Value {
  if (v instanceof GrList) return frozenList(v);
  if (v instanceof GrMap) return frozenMap(v);
  if (v instanceof GrGraph) return graphFreezer(v);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return new FrozenScalar(v);
  return v;
}

/** A value as stored inside a frozen collection: collections frozen, scalars raw. */
function frozenElement(v: Value): Value {
  if (v instanceof FrozenScalar) return v.value;
  if (v instanceof GrCollection) return deepFreeze(v);
  return v;
}

function frozenList(list: GrList): GrList {
  const copy = new GrList(list.items.map(frozenElement), list.rules);
  copy.frozen = true;
  return copy;
}

function frozenMap(map: GrMap): GrMap {
  const entries = new Map<string, Value>();
  for (const [k, v] of map.entries) entries.set(k, frozenElement(v));
  const copy = new GrMap(entries, map.rules);
  copy.frozen = true;
  return copy;
}

// ---------------------------------------------------------------- unfrozen deep copy

/** What `:copy_elements` stores: an independent deep copy with every frozen flag cleared. */
export function deepCopyUnfrozen(v: Value): Value {
  if (v instanceof FrozenScalar) return v.value;
  if (v instanceof GrList) return new GrList(v.items.map(deepCopyUnfrozen), v.rules);
  if (v instanceof GrMap) {
    const entries = new Map<string, Value>();
    for (const [k, x] of v.entries) entries.set(k, deepCopyUnfrozen(x));
    return new GrMap(entries, v.rules);
  }
  if (v instanceof GrGraph) {
    const g = v.clone();
    g.frozen = false;
    return g;
  }
  return v;
}

// ---------------------------------------------------------------- has_frozen

/** The elements of a list or the values of a hash; nothing for other values. */
function elementsOf(v: Value): Iterable<Value> {
  if (v instanceof GrList) return v.items;
  if (v instanceof GrMap) return v.entries.values();
  return [];
}

/** `v.has_frozen()`: v or anything inside it (through lists and hashes) is frozen. */
export function hasFrozen(v: Value): boolean {
  if (isFrozen(v)) return true;
  for (const e of elementsOf(v)) if (hasFrozen(e)) return true;
  return false;
}

export interface FrozenCounts {
  collections: number;
  primitives: number;
}

/**
 * Counts the frozen elements of `v` (`has_frozen(:count)`), and with `deep` those nested in element
 * collections too. A scalar counts as frozen when it is boxed or sits in a frozen collection.
 */
export function countFrozen(v: Value, deep: boolean): FrozenCounts {
  const counts: FrozenCounts = { collections: 0, primitives: 0 };
  countInto(v, deep, counts);
  return counts;
}

function countInto(container: Value, deep: boolean, counts: FrozenCounts): void {
  const containerFrozen = isFrozen(container);
  for (const e of elementsOf(container)) {
    if (e instanceof GrCollection) {
      if (e.frozen) counts.collections++;
      if (deep) countInto(e, deep, counts);
    } else if (containerFrozen || e instanceof FrozenScalar) {
      counts.primitives++;
    }
  }
}
