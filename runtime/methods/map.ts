// Hash methods (collections.md §3), key reads, property reads, the `h.k()` fallback, and the
// in-place write helper compiled code calls on a hash it owns.
import { GrMap } from "../values/map.js";
import { GrList } from "../values/list.js";
import { share } from "../values/collection.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import { softFail } from "../ops/arith.js";
import { admitValue } from "../rules/behavior.js";
import { extensionRuleMethods, ruleMethods } from "./rule_methods.js";
import { mapMethods, type MethodTable } from "./table.js";
import { ensureMutable } from "./args.js";
import type { Value } from "../values/value.js";

const NOT_INDEXABLE = "Type error: expected indexable type (list, map, string, or graph), got map";

/** `h["k"]`: a missing key fails, or is none under :lenient/:collect (§3.3). */
export function indexMap(map: GrMap, key: Value): Value {
  const k = unwrapFrozen(key);
  if (typeof k !== "string") throw rtError(NOT_INDEXABLE);
  if (!map.entries.has(k)) return softFail(`Key '${k}' not found`);
  return share(map.entries.get(k)!);
}

/** `h.k`: a missing key always fails, even under :lenient (§3.3). */
export function mapGetProperty(map: GrMap, name: string): Value {
  if (!map.entries.has(name)) throw rtError(`Property '${name}' not found`);
  return share(map.entries.get(name)!);
}

/**
 * `h.k()` where `k` is not a hash method: the value stored under `k` (§3.3). The dispatcher calls
 * this after the universal and hash tables miss.
 */
export function mapMethodFallback(map: GrMap, name: string): Value {
  if (!map.entries.has(name)) throw rtError(`Map does not have method '${name}'`);
  return share(map.entries.get(name)!);
}

/** The hash's other values: everything but the one under `skip`, for structural rules. */
function* valuesExcept(map: GrMap, skip: string): Generator<Value> {
  for (const [k, v] of map.entries) if (k !== skip) yield v;
}

/**
 * `h["k"] = v` / `h.k = v` on a hash the caller owns: inserts or replaces (a replaced key keeps
 * its position); behaviors and structural rules apply to `v`.
 */
/** `rulesApplied`: the compiler already applied the hash's behaviors to `value` inline. */
export function mapSetInPlace(map: GrMap, key: Value, value: Value, rulesApplied = false): void {
  const k = unwrapFrozen(key);
  if (typeof k !== "string") throw rtError("Invalid index assignment target");
  ensureMutable(map);
  const stored = map.rules === null || rulesApplied ? value : admitValue(map.rules, valuesExcept(map, k), value);
  map.entries.set(k, share(stored));
}

function size(map: GrMap): number {
  return map.entries.size;
}

function hasKey(map: GrMap, args: Value[]): boolean {
  const k = args.length > 0 ? unwrapFrozen(args[0]!) : null;
  if (typeof k !== "string") throw rtError("has_key() requires a string argument");
  return map.entries.has(k);
}

/**
 * `remove(k)`: a new hash without `k` that keeps the rules. On a frozen hash the reference silently
 * returns the hash unchanged (collections.md §10.2), and so does this.
 */
function removeKey(map: GrMap, args: Value[]): GrMap {
  const k = args.length > 0 ? unwrapFrozen(args[0]!) : null;
  if (typeof k !== "string") throw rtError(`remove() requires a string key, got ${typeName(k)}`);
  if (map.frozen || !map.entries.has(k)) return share(map);
  const copy = map.clone();
  copy.entries.delete(k);
  return copy;
}

const methods: MethodTable<GrMap> = {
  keys: (map) => new GrList([...map.entries.keys()]),
  values: (map) => new GrList([...map.entries.values()].map(share)),
  has_key: hasKey,
  size,
  len: size,
  length: size,
  is_empty: (map) => map.entries.size === 0,
  remove: removeKey,
  ...ruleMethods,
  ...keyFirst(extensionRuleMethods),
};

/**
 * Extension methods must not change what a reference program means: there `h.rules()` on a hash
 * with a "rules" key returns that value, so the key still wins over an extension of the same name.
 */
function keyFirst(table: MethodTable<GrMap>): MethodTable<GrMap> {
  const wrapped: MethodTable<GrMap> = {};
  for (const [name, impl] of Object.entries(table)) {
    wrapped[name] = (map, args, names) => (map.entries.has(name) ? share(map.entries.get(name)!) : impl(map, args, names));
  }
  return wrapped;
}

Object.assign(mapMethods, methods);
