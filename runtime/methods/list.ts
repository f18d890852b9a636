// List methods (collections.md §2), `list.generate` / `list.upto`, index reads, and the in-place
// helpers compiled write sites call on a list they own.
//
// Copy-on-write contract: a method never mutates its receiver; it builds a new list. An element
// that ends up in the result (or is handed to a callback, or returned) while the receiver still
// holds it gains a holder, so it is marked with share().
import { GrList } from "../values/list.js";
import { GrSymbol } from "../values/symbol.js";
import { share } from "../values/collection.js";
import { rtError } from "../values/error.js";
import { display, typeName } from "../values/format.js";
import { equals, truthy } from "../values/truth.js";
import { unwrapFrozen, valueEquals } from "../values/freeze.js";
import { callFunction } from "../call.js";
import { softFail } from "../ops/arith.js";
import { admitValue, type Behavior } from "../rules/behavior.js";
import { extensionRuleMethods, ruleMethods } from "./rule_methods.js";
import { listMethods, namespaces, type MethodTable } from "./table.js";
import {
  ensureMutable,
  expectArgCount,
  expectCallable,
  formatIndex,
  numberArg,
  stringArg,
  toInt,
} from "./args.js";
import type { Value } from "../values/value.js";

// ---------------------------------------------------------------- building results

/** A new list over `items` (taken, not copied); its collection elements gain a holder. */
function listOf(items: Value[], rules: Behavior[] | null = null): GrList {
  for (const v of items) share(v);
  return new GrList(items, rules);
}

function indexOfValue(items: readonly Value[], v: Value): number {
  for (let i = 0; i < items.length; i++) if (valueEquals(items[i]!, v)) return i;
  return -1;
}

/** The receiver's other elements: everything but slot `skip`, for structural rules. */
function* itemsExcept(items: readonly Value[], skip: number): Generator<Value> {
  for (let i = 0; i < items.length; i++) if (i !== skip) yield items[i]!;
}

// ---------------------------------------------------------------- index reads and in-place writes

const NOT_INDEXABLE = "Type error: expected indexable type (list, map, string, or graph), got list";

/** `xs[i]`: negative counts from the end; out of range fails, or is none under :lenient (§2.2). */
export function indexList(list: GrList, index: Value): Value {
  const n = unwrapFrozen(index);
  if (typeof n !== "number") throw rtError(NOT_INDEXABLE);
  const i = toInt(n);
  const at = i < 0 ? list.items.length + i : i;
  if (at < 0 || at >= list.items.length) return softFail(`List index ${formatIndex(i)} out of bounds`);
  return share(list.items[at]!);
}

/** `xs.append!(v)` on a list the caller owns: behaviors and structural rules apply to `v`. */
export function listAppendInPlace(list: GrList, value: Value, rulesApplied = false): void {
  ensureMutable(list);
  list.items.push(share(rulesApplied ? value : admitValue(list.rules, list.items, value)));
}

/**
 * `xs[i] = v` on a list the caller owns (core.md §5.2, collections.md §2.3): the index is
 * truncated, a negative one writes slot 0 (reference behavior), past the end fails.
 */
/** `rulesApplied`: the compiler already applied the list's behaviors to `value` inline. */
export function listSetIndexInPlace(list: GrList, index: Value, value: Value, rulesApplied = false): void {
  ensureMutable(list);
  const n = unwrapFrozen(index);
  if (typeof n !== "number") throw rtError("Invalid index assignment target");
  const i = Math.max(0, toInt(n));
  if (i >= list.items.length) {
    throw rtError(`Index ${formatIndex(i)} out of bounds for list of length ${list.items.length}`);
  }
  const stored = list.rules === null || rulesApplied ? value : admitValue(list.rules, itemsExcept(list.items, i), value);
  list.items[i] = share(stored);
}

/**
 * `xs.pop!()` on a list the caller owns: removes and returns the last element. Like the reference,
 * it also works on a frozen list and leaves it unfrozen (collections.md §10.2).
 */
export function listPopInPlace(list: GrList): Value {
  if (list.items.length === 0) throw rtError("Cannot pop from empty list");
  list.frozen = false;
  return list.items.pop()!;
}

// ---------------------------------------------------------------- named transformations (§2.5)

// Maps, not object literals: a symbol such as `:constructor` must not find Object.prototype.
const TRANSFORMATIONS = new Map<string, (n: number) => number>([
  ["double", (n) => n * 2],
  ["square", (n) => n * n],
  ["negate", (n) => -n],
  ["increment", (n) => n + 1],
  ["inc", (n) => n + 1],
  ["decrement", (n) => n - 1],
  ["dec", (n) => n - 1],
]);

const PREDICATES = new Map<string, (n: number) => boolean>([
  ["even", (n) => n % 2 === 0],
  ["odd", (n) => n % 2 !== 0],
  ["positive", (n) => n > 0],
  ["pos", (n) => n > 0],
  ["negative", (n) => n < 0],
  ["neg", (n) => n < 0],
  ["zero", (n) => n === 0],
]);

function namedTransformation(name: string): (v: Value) => Value {
  const f = TRANSFORMATIONS.get(name);
  if (!f) throw rtError(`Unknown named transformation: '${name}'`);
  return (v) => {
    const n = unwrapFrozen(v);
    if (typeof n !== "number") throw rtError(`Transformation '${name}' requires a number, got ${typeName(n)}`);
    return f(n);
  };
}

function namedPredicate(name: string): (v: Value) => boolean {
  const p = PREDICATES.get(name);
  if (!p) throw rtError(`Unknown named predicate: '${name}'`);
  return (v) => {
    const n = unwrapFrozen(v);
    if (typeof n !== "number") throw rtError(`Predicate '${name}' requires a number, got ${typeName(n)}`);
    return p(n);
  };
}

/** A function value, or a symbol naming a transformation, as a JS function of one element. */
function mapper(f: Value | undefined): (v: Value) => Value {
  if (f instanceof GrSymbol) return namedTransformation(f.name);
  const fn = expectCallable(f);
  return (v) => callFunction(fn, [share(v)]);
}

function predicate(p: Value | undefined): (v: Value) => boolean {
  if (p instanceof GrSymbol) return namedPredicate(p.name);
  const fn = expectCallable(p);
  return (v) => truthy(callFunction(fn, [share(v)]));
}

// ---------------------------------------------------------------- sort

function isSortableNumber(v: Value): v is number {
  return typeof v === "number" && v === v;
}

/**
 * The reference compares numbers and calls every other pair equal, which is not a consistent
 * order. For such lists this runs the linear insertion sort that the reference's stable sort
 * uses on short slices, so mixed lists come out as they do there; all-number lists sort normally.
 */
export function sortItems(items: readonly Value[]): Value[] {
  const plain = items.map(unwrapFrozen);
  const order = items.map((_, i) => i);
  if (plain.every(isSortableNumber)) {
    order.sort((a, b) => (plain[a] as number) - (plain[b] as number));
  } else {
    insertionSort(order, (a, b) => isSortableNumber(plain[a]!) && isSortableNumber(plain[b]!) && plain[a]! < plain[b]!);
  }
  return order.map((i) => items[i]!);
}

function insertionSort(order: number[], less: (a: number, b: number) => boolean): void {
  for (let i = 1; i < order.length; i++) {
    const moving = order[i]!;
    let j = i;
    while (j > 0 && less(moving, order[j - 1]!)) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = moving;
  }
}

// ---------------------------------------------------------------- uniq

/** Keeps the first of each group of `==` elements (`1` and `1.0` are one group, `1` and `"1"` not). */
export function uniqueItems(items: readonly Value[]): Value[] {
  const seenScalars = new Set<unknown>();
  const keptOthers: Value[] = [];
  const out: Value[] = [];
  for (const item of items) {
    const v = unwrapFrozen(item);
    const hashable = v === null || typeof v !== "object" || v instanceof GrSymbol;
    if (hashable && !(typeof v === "number" && v !== v)) {
      if (seenScalars.has(v)) continue;
      seenScalars.add(v);
    } else {
      if (keptOthers.some((k) => equals(k, v))) continue;
      keptOthers.push(v);
    }
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------- slice

/** A slice bound: negative counts from the end; both ends clamp into [0, length]. */
function sliceBound(v: Value | undefined, length: number): number {
  const i = toInt(numberArg(v));
  return i < 0 ? Math.max(0, length + i) : Math.min(i, length);
}

function sliceList(list: GrList, args: Value[]): GrList {
  if (args.length < 2 || args.length > 3) expectArgCount("slice", args, 2);
  const items = list.items;
  const start = sliceBound(args[0], items.length);
  const end = sliceBound(args[1], items.length);
  const step = args.length === 3 ? toInt(numberArg(args[2])) : 1;
  if (step === 0) throw rtError("slice step cannot be zero");
  // The reference crashes on a negative step; an error is the closest well-behaved equivalent.
  if (step < 0) throw rtError("slice step cannot be negative");
  const out: Value[] = [];
  for (let i = start; i < end; i += step) out.push(items[i]!);
  return listOf(out);
}

// ---------------------------------------------------------------- methods that keep rules

function append(list: GrList, args: Value[]): GrList {
  expectArgCount("append", args, 1);
  ensureMutable(list);
  const v = admitValue(list.rules, list.items, args[0]!);
  return listOf([...list.items, v], list.rules);
}

/** prepend/insert/remove/remove_at_index/clear succeed on a frozen list (reference gap, §10.2). */
function prepend(list: GrList, args: Value[]): GrList {
  expectArgCount("prepend", args, 1);
  const v = admitValue(list.rules, list.items, args[0]!);
  return listOf([v, ...list.items], list.rules);
}

function insert(list: GrList, args: Value[]): GrList {
  expectArgCount("insert", args, 2);
  const n = list.items.length;
  const i = Math.max(0, toInt(numberArg(args[0])));
  if (i > n) throw rtError(`Index ${formatIndex(i)} out of bounds for list of length ${n} (insert)`);
  const v = admitValue(list.rules, list.items, args[1]!);
  const items = list.items.slice();
  items.splice(i, 0, v);
  return listOf(items, list.rules);
}

function removeValue(list: GrList, args: Value[]): GrList {
  expectArgCount("remove", args, 1);
  const items = list.items.slice();
  const at = indexOfValue(items, args[0]!);
  if (at >= 0) items.splice(at, 1);
  return listOf(items, list.rules);
}

function removeAtIndex(list: GrList, args: Value[]): GrList {
  expectArgCount("remove_at_index", args, 1);
  const n = list.items.length;
  const i = Math.max(0, toInt(numberArg(args[0])));
  if (i >= n) throw rtError(`Index ${formatIndex(i)} out of bounds for list of length ${n}`);
  const items = list.items.slice();
  items.splice(i, 1);
  return listOf(items, list.rules);
}

// ---------------------------------------------------------------- reading

function firstElement(list: GrList, args: Value[]): Value {
  expectArgCount("first", args, 0);
  if (list.items.length === 0) throw rtError("Cannot get first element of empty list");
  return share(list.items[0]!);
}

function lastElement(list: GrList, args: Value[]): Value {
  expectArgCount("last", args, 0);
  if (list.items.length === 0) throw rtError("Cannot get last element of empty list");
  return share(list.items[list.items.length - 1]!);
}

/** `pop()` only reads the last element; `pop!()` is `listPopInPlace`. */
function peekLast(list: GrList, args: Value[]): Value {
  expectArgCount("pop", args, 0);
  if (list.items.length === 0) throw rtError("Cannot pop from empty list");
  return share(list.items[list.items.length - 1]!);
}

function size(list: GrList): number {
  return list.items.length;
}

// ---------------------------------------------------------------- higher-order

function mapList(list: GrList, args: Value[]): GrList {
  expectArgCount("map", args, 1);
  const f = mapper(args[0]);
  return listOf(list.items.map(f));
}

/** filter/select keep the elements whose predicate is truthy; reject keeps the others. */
function filterList(method: string, list: GrList, args: Value[], keep: boolean): GrList {
  expectArgCount(method, args, 1);
  const p = predicate(args[0]);
  return listOf(list.items.filter((v) => p(v) === keep));
}

function eachElement(list: GrList, args: Value[]): GrList {
  expectArgCount("each", args, 1);
  const f = expectCallable(args[0]);
  for (const v of list.items.slice()) callFunction(f, [share(v)]);
  return share(list);
}

/** `reduce(initial, f)`: the initial value comes first (collections.md §2.4). */
function reduceList(list: GrList, args: Value[]): Value {
  expectArgCount("reduce", args, 2);
  const f = expectCallable(args[1]);
  let acc: Value = args[0]!;
  for (const v of list.items.slice()) acc = callFunction(f, [acc, share(v)]);
  return acc;
}

function join(list: GrList, args: Value[]): string {
  expectArgCount("join", args, 1);
  const sep = stringArg(args[0]);
  // Joining the list's own array when it holds only strings measured slower and used more memory
  // (bench/cases/strings) than joining this fresh copy.
  return list.items.map(display).join(sep);
}

// ---------------------------------------------------------------- the table

const methods: MethodTable<GrList> = {
  size,
  length: size,
  len: size,
  is_empty: (list) => list.items.length === 0,
  first: firstElement,
  last: lastElement,
  contains: (list, args) => {
    expectArgCount("contains", args, 1);
    return indexOfValue(list.items, args[0]!) >= 0;
  },
  index_of: (list, args) => {
    expectArgCount("index_of", args, 1);
    return indexOfValue(list.items, args[0]!);
  },
  append,
  prepend,
  insert,
  remove: removeValue,
  remove_at_index: removeAtIndex,
  pop: peekLast,
  clear: (list, args) => {
    expectArgCount("clear", args, 0);
    return new GrList([], list.rules);
  },
  slice: sliceList,
  map: mapList,
  filter: (list, args) => filterList("filter", list, args, true),
  select: (list, args) => filterList("select", list, args, true),
  reject: (list, args) => filterList("reject", list, args, false),
  each: eachElement,
  reduce: reduceList,
  sort: (list, args) => {
    expectArgCount("sort", args, 0);
    return listOf(sortItems(list.items));
  },
  reverse: (list, args) => {
    expectArgCount("reverse", args, 0);
    return listOf(list.items.slice().reverse());
  },
  uniq: (list, args) => {
    expectArgCount("uniq", args, 0);
    return listOf(uniqueItems(list.items));
  },
  compact: (list, args) => {
    expectArgCount("compact", args, 0);
    return listOf(list.items.filter((v) => v !== null));
  },
  join,
  ...ruleMethods,
  ...extensionRuleMethods,
};

Object.assign(listMethods, methods);

// ---------------------------------------------------------------- list.generate / list.upto (§2.6)

/**
 * `list.generate(start, end, step)`: from `start` while `<= end` (or `>= end` for a negative step),
 * adding the step each time like the reference (so float steps accumulate the same way);
 * `list.generate(start, end, f)`: `[f(start), …, f(end)]` over whole steps of 1.
 */
function generate(_recv: unknown, args: Value[]): GrList {
  expectArgCount("generate", args, 3);
  const start = numberArg(args[0]);
  const end = numberArg(args[1]);
  const third = unwrapFrozen(args[2]!);
  const out: Value[] = [];
  if (typeof third === "number") {
    if (third === 0) throw rtError("generate step cannot be zero");
    for (let x = start; third > 0 ? x <= end : x >= end; x += third) out.push(x);
  } else {
    const f = expectCallable(third);
    for (let x = start; x <= end; x += 1) out.push(callFunction(f, [x]));
  }
  return listOf(out);
}

/** `list.upto(n)`: `[0, 1, …, n]`. */
function upto(_recv: unknown, args: Value[]): GrList {
  expectArgCount("upto", args, 1);
  const n = numberArg(args[0]);
  const out: Value[] = [];
  for (let i = 0; i <= n; i++) out.push(i);
  return new GrList(out);
}

namespaces.list = Object.assign(namespaces.list ?? Object.create(null), { generate, upto });

