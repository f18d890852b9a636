// Task-mode forms of the list methods that call back (collections.md §2.4): a callback that
// blocks (receives, requests, sleeps) suspends the task instead of falling back to a nested
// scheduler run. Anything else (a symbol like `:double`, a callback without a generator body,
// wrong arguments) goes to the synchronous method, which also produces every error.
import { GrFunction } from "../values/function.js";
import { GrList } from "../values/list.js";
import { share } from "../values/collection.js";
import { truthy } from "../values/truth.js";
import { listMethods } from "../methods/table.js";
import type { Value } from "../values/value.js";
import { callFunctionG } from "./calls.js";
import type { MethodImplG } from "./tables.js";

/** Whether calling `f` could suspend: a function (or overload list) with a generator body. */
function blocksInTask(f: Value | undefined): f is GrFunction | GrList {
  if (f instanceof GrFunction) return f.gen !== null;
  return f instanceof GrList && f.items.some((x) => x instanceof GrFunction && x.gen !== null);
}

function* mapG(list: GrList, args: Value[], names: (string | null)[] | null): Generator<unknown, Value, unknown> {
  const f = args[0];
  if (args.length !== 1 || !blocksInTask(f)) return listMethods["map"]!(list, args, names);
  const out: Value[] = [];
  for (const v of list.items.slice()) out.push(yield* callFunctionG(f, [share(v)], null));
  return new GrList(out);
}

function filterG(method: string, keep: boolean): MethodImplG<GrList> {
  return function* (list: GrList, args: Value[], names: (string | null)[] | null) {
    const p = args[0];
    if (args.length !== 1 || !blocksInTask(p)) return listMethods[method]!(list, args, names);
    const out: Value[] = [];
    for (const v of list.items.slice()) {
      if (truthy(yield* callFunctionG(p, [share(v)], null)) === keep) out.push(v);
    }
    return new GrList(out);
  };
}

function* eachG(list: GrList, args: Value[], names: (string | null)[] | null): Generator<unknown, Value, unknown> {
  const f = args[0];
  if (args.length !== 1 || !blocksInTask(f)) return listMethods["each"]!(list, args, names);
  for (const v of list.items.slice()) yield* callFunctionG(f, [share(v)], null);
  return share(list);
}

/** `reduce(initial, f)`: the initial value comes first. */
function* reduceG(list: GrList, args: Value[], names: (string | null)[] | null): Generator<unknown, Value, unknown> {
  const f = args[1];
  if (args.length !== 2 || !blocksInTask(f)) return listMethods["reduce"]!(list, args, names);
  let acc: Value = args[0]!;
  for (const v of list.items.slice()) acc = yield* callFunctionG(f, [acc, share(v)], null);
  return acc;
}

export const listMethodsTask: Record<string, MethodImplG<GrList>> = {
  map: mapG,
  filter: filterG("filter", true),
  select: filterG("select", true),
  reject: filterG("reject", false),
  each: eachG,
  reduce: reduceG,
};
