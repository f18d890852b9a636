// Method calls, property and index access, and writes, for every receiver type. Compiled code calls
// these when it cannot prove a faster path; each is the complete semantics of core.md §3.10, §5.2,
// §6.10 and collections.md §1–§5.
import { GrList } from "./values/list.js";
import { GrMap } from "./values/map.js";
import { GrSymbol } from "./values/symbol.js";
import { GrFunction } from "./values/function.js";
import { GrErrorValue, rtError } from "./values/error.js";
import { GrCollection, share } from "./values/collection.js";
import { isGrObject, typeName } from "./values/format.js";
import type { Value } from "./values/value.js";
import {
  numberMethods,
  stringMethods,
  listMethods,
  mapMethods,
  symbolMethods,
  functionMethods,
  errorMethods,
  universalMethods,
  namespaces,
} from "./methods/table.js";
import { indexList, listAppendInPlace, listSetIndexInPlace, listPopInPlace, indexMap, mapGetProperty, mapMethodFallback, mapSetInPlace, indexString } from "./methods/index.js";
import {
  GrGraph,
  graphGetIndex,
  graphSetIndex,
  graphMutators,
  queryMethodTable,
  patternProperty,
  PatternNode,
  PatternEdge,
  PatternPath,
} from "./graph/index.js";
import { FrozenScalar } from "./values/frozen_scalar.js";
import { GrModule, callModuleMember } from "./modules.js";
import { callFunctionNamed } from "./call.js";
import { callGraphMethod, graphGetProp, graphSetProp } from "./classes.js";
import { softFail } from "./ops/arith.js";

/** Objects other than the core values (channels, times, actors …) answer their own methods. */
export interface MethodHost {
  grCallMethod(name: string, args: Value[], names: (string | null)[] | null): Value | undefined;
}

function hostsMethods(v: unknown): v is MethodHost {
  return typeof v === "object" && v !== null && typeof (v as MethodHost).grCallMethod === "function";
}

/** Objects that answer `obj.name` themselves (pattern objects …). */
export interface PropertyHost {
  grGetProp(name: string): Value | undefined;
}

function hostsProps(v: unknown): v is PropertyHost {
  return typeof v === "object" && v !== null && typeof (v as PropertyHost).grGetProp === "function";
}

/**
 * A method call written inside a method body, whose name is no universal method: user methods of
 * a graph first (private ones allowed), then everything else as `callMethod`.
 */
export function callMethodIn(recv: Value, name: string, args: Value[], names: (string | null)[] | null): Value {
  if (recv instanceof GrGraph) return callGraphMethod(recv, name, args, names, true);
  return callMethod(recv, name, args, names);
}

/** A call whose method name the compiler knows is no universal method (so that check is skipped). */
export function callMethodNU(recv: Value, name: string, args: Value[], names: (string | null)[] | null): Value {
  if (recv instanceof GrGraph) return callGraphMethod(recv, name, args, names);
  if (typeof recv === "string") {
    const m = stringMethods[name];
    if (m) return m(recv, args, names);
  } else if (recv instanceof GrList) {
    const m = listMethods[name];
    if (m) return m(recv, args, names);
  }
  return callMethod(recv, name, args, names);
}

export function callMethod(recv: Value, name: string, args: Value[], names: (string | null)[] | null): Value {
  if (recv instanceof GrModule) {
    const own = callModuleMember(recv, name, args);
    if (own !== undefined) return own;
    return callFunctionNamed(recv.member(name), args, names);
  }
  // A pattern node's `type()` is its type constraint, not "pattern_node" (collections.md §8.3).
  const queries = queryMethodTable(recv);
  if (queries !== null && name === "type" && recv instanceof PatternNode) return queries[name]!(recv, args, names);
  const universal = universalMethods[name];
  if (universal !== undefined) return universal(recv, args, names);
  if (queries !== null) {
    const m = queries[name];
    if (m) return m(recv, args, names);
  }
  // `5.freeze()` is a boxed scalar; its own methods are the scalar's.
  if (recv instanceof FrozenScalar) recv = recv.value;
  switch (typeof recv) {
    case "number": {
      const m = numberMethods[name];
      if (m) return m(recv, args, names);
      throw rtError(`Unknown number method: ${name}`);
    }
    case "string": {
      const m = stringMethods[name];
      if (m) return m(recv, args, names);
      throw rtError(`String does not have method '${name}'`);
    }
    case "boolean":
      throw rtError(`Cannot call method '${name}' on type 'bool'`);
  }
  if (recv === null) throw rtError(`Cannot call method '${name}' on type 'none'`);
  if (recv instanceof GrList) {
    const m = listMethods[name];
    if (m) return m(recv, args, names);
    throw rtError(`List does not have method '${name}'`);
  }
  if (recv instanceof GrMap) {
    const m = mapMethods[name];
    if (m) return m(recv, args, names);
    return mapMethodFallback(recv, name);
  }
  if (recv instanceof GrGraph) return callGraphMethod(recv, name, args, names);
  if (recv instanceof GrFunction) {
    const m = functionMethods[name];
    if (m) return m(recv, args, names);
    throw rtError(`Function does not have method '${name}'`);
  }
  if (recv instanceof GrErrorValue) {
    const m = errorMethods[name];
    if (m) return m(recv, args, names);
    throw rtError(`Error does not have method '${name}'`);
  }
  if (recv instanceof GrSymbol) {
    const m = symbolMethods[name];
    if (m) return m(recv, args, names);
    throw rtError(`Cannot call method '${name}' on type 'symbol'`);
  }
  if (hostsMethods(recv)) {
    const r = recv.grCallMethod(name, args, names);
    if (r !== undefined) return r;
  }
  throw rtError(`Cannot call method '${name}' on type '${typeName(recv)}'`);
}

/** Namespaces whose unknown-method error reads "has no method" (runtime.md §2.7, §2.8). */
const HAS_NO_METHOD = new Set(["timer", "signal"]);

/** `list.generate(…)`, `time.now()` … on a built-in namespace. */
export function nsCall(ns: string, name: string, args: Value[], names: (string | null)[] | null): Value {
  const table = namespaces[ns];
  if (table === undefined) throw rtError(`Undefined variable: ${ns}`);
  const m = table[name];
  if (m === undefined) throw rtError(HAS_NO_METHOD.has(ns) ? `${ns} has no method '${name}'` : `${ns} does not have method '${name}'`);
  return m(null, args, names);
}

/** A namespace name used as a value (`t = time`). */
export function namespace(name: string): Value {
  throw rtError(`Undefined variable: ${name}`);
}

// ---------------------------------------------------------------- reads

/** `obj.name` (core.md §6.10, collections.md §3.3, §5.4). */
export function getProp(obj: Value, name: string): Value {
  if (obj instanceof GrMap) return frozenRead(obj, mapGetProperty(obj, name));
  if (obj instanceof PatternNode || obj instanceof PatternEdge || obj instanceof PatternPath) return patternProperty(obj, name);
  if (obj instanceof GrGraph) return share(graphGetProp(obj, name));
  if (obj instanceof GrModule) return obj.member(name);
  if (hostsProps(obj)) {
    const v = obj.grGetProp(name);
    if (v !== undefined) return v;
  }
  throw rtError(`Cannot access property '${name}' on type '${typeName(obj)}'`);
}

/** `obj[i]` */
/**
 * A value read out of a collection: marked shared, and boxed as frozen when it is a scalar inside a
 * frozen collection (freezing is deep, scalars included; collections.md §10.1).
 */
function frozenRead(container: GrList | GrMap, v: Value): Value {
  if (container.frozen && (typeof v === "number" || typeof v === "string" || typeof v === "boolean")) return new FrozenScalar(v);
  return share(v);
}

export function index(obj: Value, i: Value): Value {
  if (obj instanceof GrList) return frozenRead(obj, indexList(obj, i));
  if (typeof obj === "string") return indexString(obj, i);
  if (obj instanceof GrMap) return frozenRead(obj, indexMap(obj, i));
  if (obj instanceof GrGraph) return share(graphGetIndex(obj, i));
  throw rtError(`Type error: expected indexable type (list, map, string, or graph), got ${typeName(obj)}`);
}

// ---------------------------------------------------------------- writes

/** A collection this variable may mutate: its own copy if anyone else holds it. */
export function own<T extends Value>(v: T): T {
  if (v instanceof GrList && v.shared) return v.clone() as T;
  if (v instanceof GrMap && v.shared) return v.clone() as T;
  return v;
}

/** `xs[i] = v`: returns the container to rebind (lists and hashes are values; graphs change in place). */
export function setIndex(container: Value, key: Value, v: Value): Value {
  if (container instanceof GrList) {
    const owned = own(container);
    listSetIndexInPlace(owned, key, v);
    return owned;
  }
  if (container instanceof GrMap) {
    if (typeof key !== "string") throw rtError("Invalid index assignment target");
    const owned = own(container);
    mapSetInPlace(owned, key, v);
    return owned;
  }
  if (container instanceof GrGraph) {
    graphSetIndex(container, key, v);
    return container;
  }
  if (container === undefined) throw rtError("Invalid index assignment target");
  throw rtError("Invalid index assignment target");
}

/** `obj.name = v` */
export function setProp(container: Value, name: string, v: Value): Value {
  if (container instanceof GrMap) {
    const owned = own(container);
    mapSetInPlace(owned, name, v);
    return owned;
  }
  if (container instanceof GrGraph) {
    graphSetProp(container, name, v);
    return container;
  }
  throw rtError(`Cannot set property on type '${typeName(container)}'`);
}

/** `a[i][j] = v`, `obj.items[0] = v`: writes through nested values (policy §3). */
export function setPath(container: Value, keys: Value[], isProp: boolean[], v: Value): Value {
  return setAt(container, keys, isProp, 0, v);
}

function setAt(container: Value, keys: Value[], isProp: boolean[], at: number, v: Value): Value {
  let key = keys[at]!;
  const prop = isProp[at]!;
  // An intermediate negative list index counts from the end for the read, so the write-back must
  // go to that same element (a direct `xs[-1] = v` keeps the reference's clamp to slot 0).
  if (!prop && at < keys.length - 1 && container instanceof GrList && typeof key === "number" && key < 0) {
    key = container.items.length + Math.trunc(key);
  }
  if (at === keys.length - 1) return prop ? setProp(container, key as string, v) : setIndex(container, key, v);
  const child = prop ? getProp(container, key as string) : index(container, key);
  const updated = setAt(child, keys, isProp, at + 1, v);
  if (updated === child && !(child instanceof GrCollection)) return container;
  return prop ? setProp(container, key as string, updated) : setIndex(container, key, updated);
}

/**
 * Before a mutating graph method on a variable: the graph the variable should hold (a copy if the
 * object is shared), so the method's changes reach only this variable (collections.md §1.1).
 */
export function ownFor(recv: Value, method: string): Value {
  if (recv instanceof GrGraph && recv.shared && graphMutators.has(method) && !recv.methods.has(method)) {
    return recv.clone();
  }
  return recv;
}

/** A mutating graph method on a non-variable receiver: the change is lost (collections.md §1.1). */
export function detachFor(recv: Value, method: string): Value {
  if (recv instanceof GrGraph && graphMutators.has(method) && !recv.methods.has(method)) return recv.clone();
  return recv;
}

/**
 * Write sites whose behaviors the compiler applied inline (compiler/lower/rules.ts): the same as
 * `appendBang`/`setIndex`/`setProp`, but the value goes in as it is.
 */
export function appendRaw(recv: Value, v: Value): Value {
  if (recv instanceof GrList) {
    const owned = own(recv);
    listAppendInPlace(owned, v, true);
    return owned;
  }
  return appendBang(recv, v);
}

export function setIndexRaw(container: Value, key: Value, v: Value): Value {
  if (container instanceof GrList) {
    const owned = own(container);
    listSetIndexInPlace(owned, key, v, true);
    return owned;
  }
  if (container instanceof GrMap && typeof key === "string") {
    const owned = own(container);
    mapSetInPlace(owned, key, v, true);
    return owned;
  }
  return setIndex(container, key, v);
}

export function setPropRaw(container: Value, name: string, v: Value): Value {
  if (container instanceof GrMap) {
    const owned = own(container);
    mapSetInPlace(owned, name, v, true);
    return owned;
  }
  return setProp(container, name, v);
}

/** `xs.append!(v)`: appends in place when the list is owned; returns the list to rebind. */
export function appendBang(recv: Value, v: Value): Value {
  if (recv instanceof GrList) {
    const owned = own(recv);
    listAppendInPlace(owned, v);
    return owned;
  }
  return callMethod(recv, "append", [v], null);
}

/** `xs.pop!()`: [the list to rebind, the removed element]. */
export function popBang(recv: Value): [Value, Value] {
  if (recv instanceof GrList) {
    const owned = own(recv);
    const item = listPopInPlace(owned);
    return [owned, item];
  }
  return [callMethod(recv, "pop", [], null), null];
}

export function bangNeedsVariable(method: string): never {
  throw rtError(`Mutating method '${method}!' requires a variable, not an expression`);
}

export function noneAfter(_v: unknown): null {
  return null;
}

/** `for x in v`: a snapshot of list elements or the characters of a string. */
export function iter(v: Value): Iterable<Value> {
  if (v instanceof GrList) {
    v.shared = true;
    const items = v.items;
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      if (x instanceof GrCollection) x.shared = true;
    }
    return items;
  }
  if (typeof v === "string") return Array.from(v);
  if (isGrObject(v) && typeof (v as unknown as { grIterate?: unknown }).grIterate === "function") {
    return (v as unknown as { grIterate(): Iterable<Value> }).grIterate();
  }
  throw rtError(`Type error: expected list, string, or channel, got ${typeName(v)}`);
}

/** `[first, ...rest]` patterns: the elements after `from`. */
export function listRest(v: GrList, from: number): GrList {
  return new GrList(v.items.slice(from).map(share));
}

export function isList(v: Value): v is GrList {
  return v instanceof GrList;
}

/** Number patterns match within machine epsilon (core.md §5.5). */
export function matchNumber(v: Value, n: number): boolean {
  return typeof v === "number" && Math.abs(v - n) < Number.EPSILON;
}

export { softFail };
