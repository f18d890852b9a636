// Per-call-site method caches. Compiled code gives each `obj.name(a, b)` call site (whose name is
// no universal method and whose arguments are positional) a cache object; when the receiver is a
// class instance whose method table is the one seen last time, the call goes straight to the
// compiled method body, with no lookup, no argument array and no guard scan. Everything else takes
// the full path of dispatch.ts. Compiled code tests `hit` inline at each call site, so that every
// site's `ic.body(...)` call sees one target and V8 can inline it; `call0`…`call3` are the sites'
// slow path (they also fill the cache).
import { GrGraph, type MethodTable } from "./graph/graph.js";
import { GrList } from "./values/list.js";
import { listMethods, stringMethods, type MethodImpl } from "./methods/table.js";
import { callMethodIn, callMethodNU } from "./dispatch.js";
import { callBare } from "./classes.js";
import type { FnTable } from "./functions.js";
import type { Value } from "./values/value.js";

type Body = (...args: any[]) => Value;

export class MethodCache {
  /** The `callKey` of the receivers `body` is the method of; null while the cache is empty. */
  key: MethodTable | null = null;
  body: Body | null = null;
  /** The string or list method last used at this site. */
  stringMethod: MethodImpl | undefined = undefined;
  listMethod: MethodImpl | undefined = undefined;

  constructor(
    readonly name: string,
    /** Written inside a method body: private `_methods` may be called. */
    readonly privileged: boolean,
  ) {}
}

export function methodCache(name: string, privileged: boolean): MethodCache {
  return new MethodCache(name, privileged);
}

/**
 * The filled caches. A method table changed in place (`fn Name.m`, a class body's methods) empties
 * them all, so that a hit needs no version check. Past FILLED_MAX they are emptied too, which
 * bounds what this list keeps alive when modules are compiled and run again and again.
 */
const filled: MethodCache[] = [];
const FILLED_MAX = 1 << 16;

export function methodTablesChanged(): void {
  for (const ic of filled) {
    ic.key = null;
    ic.body = null;
  }
  filled.length = 0;
}

/**
 * Whether this instance's method `name` can be called directly: one unguarded user method of
 * exactly `argc` parameters, and no method constraints on the graph to check afterwards.
 */
function fill(ic: MethodCache, g: GrGraph, argc: number): boolean {
  const key = g.callKey;
  if (key === undefined) return false;
  if (!ic.privileged && ic.name.charCodeAt(0) === 95 /* _ */) return false;
  const variants = key.get(ic.name);
  if (variants === undefined || variants.length !== 1) return false;
  const v = variants[0]!;
  if (v.guard !== null || v.isStatic || v.fn.kind !== "method" || v.fn.params.length !== argc) return false;
  if (ic.key === null) {
    if (filled.length === FILLED_MAX) methodTablesChanged();
    filled.push(ic);
  }
  ic.key = key;
  ic.body = v.fn.impl;
  return true;
}

/**
 * The hit test. Compiled call sites print it inline as `recv != null && recv.callKey === $ic.key`
 * (compiler/lower/calls.ts): only graphs have a `callKey`, and an empty cache's key (null) is no
 * graph's.
 */
function hit(ic: MethodCache, recv: Value): recv is GrGraph {
  return recv instanceof GrGraph && recv.callKey === ic.key;
}

function slow(ic: MethodCache, recv: Value, args: Value[]): Value {
  if (typeof recv === "string") {
    const m = (ic.stringMethod ??= stringMethods[ic.name]);
    if (m) return m(recv, args, null);
  } else if (recv instanceof GrList) {
    const m = (ic.listMethod ??= listMethods[ic.name]);
    if (m) return m(recv, args, null);
  } else if (recv instanceof GrGraph && fill(ic, recv, args.length)) {
    return ic.body!(recv, ...args);
  }
  return ic.privileged ? callMethodIn(recv, ic.name, args, null) : callMethodNU(recv, ic.name, args, null);
}

export function call0(ic: MethodCache, recv: Value): Value {
  if (hit(ic, recv)) return ic.body!(recv);
  return slow(ic, recv, []);
}

export function call1(ic: MethodCache, recv: Value, a: Value): Value {
  if (hit(ic, recv)) return ic.body!(recv, a);
  return slow(ic, recv, [a]);
}

export function call2(ic: MethodCache, recv: Value, a: Value, b: Value): Value {
  if (hit(ic, recv)) return ic.body!(recv, a, b);
  return slow(ic, recv, [a, b]);
}

export function call3(ic: MethodCache, recv: Value, a: Value, b: Value, c: Value): Value {
  if (hit(ic, recv)) return ic.body!(recv, a, b, c);
  return slow(ic, recv, [a, b, c]);
}

// A bare-name call in a method, `helper(a)` (core.md §6.9): a method of self, else the variable,
// else the module's function registry. Compiled sites test for a hit inline as for `self.helper(a)`;
// these are their slow path.

function bareSlow(ic: MethodCache, self: Value, variable: Value | undefined, table: FnTable, args: Value[]): Value {
  if (self instanceof GrGraph && fill(ic, self, args.length)) return ic.body!(self, ...args);
  return callBare(self, variable, table, ic.name, args, null);
}

export function bare0(ic: MethodCache, self: Value, variable: Value | undefined, table: FnTable): Value {
  if (hit(ic, self)) return ic.body!(self);
  return bareSlow(ic, self, variable, table, []);
}

export function bare1(ic: MethodCache, self: Value, variable: Value | undefined, table: FnTable, a: Value): Value {
  if (hit(ic, self)) return ic.body!(self, a);
  return bareSlow(ic, self, variable, table, [a]);
}

export function bare2(ic: MethodCache, self: Value, variable: Value | undefined, table: FnTable, a: Value, b: Value): Value {
  if (hit(ic, self)) return ic.body!(self, a, b);
  return bareSlow(ic, self, variable, table, [a, b]);
}

export function bare3(ic: MethodCache, self: Value, variable: Value | undefined, table: FnTable, a: Value, b: Value, c: Value): Value {
  if (hit(ic, self)) return ic.body!(self, a, b, c);
  return bareSlow(ic, self, variable, table, [a, b, c]);
}
