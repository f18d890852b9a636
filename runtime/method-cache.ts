// Per-call-site method caches. Compiled code gives each `obj.name(a, b)` call site (whose name is
// no universal method and whose arguments are positional) a cache object; when the receiver is a
// class instance whose method table is the one seen last time, the call goes straight to the
// compiled method body, with no lookup, no argument array and no guard scan. Everything else takes
// the full path of dispatch.ts.
import { GrGraph } from "./graph/graph.js";
import { GrList } from "./values/list.js";
import { listMethods, stringMethods, type MethodImpl } from "./methods/table.js";
import { callMethodIn, callMethodNU } from "./dispatch.js";
import type { Value } from "./values/value.js";

type Body = (...args: any[]) => Value;

/** Bumped whenever any method table changes (`fn Name.m`, include, remove_method …). */
let methodTablesVersion = 0;

export function methodTablesChanged(): void {
  methodTablesVersion++;
}

export class MethodCache {
  /** The method table the cached body came from, and the version it was read at. */
  methods: Map<string, unknown> | null = null;
  version = -1;
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
 * Whether this instance's method `name` can be called directly: one unguarded user method of
 * exactly `argc` parameters, and no method constraints on the graph to check afterwards.
 */
function fill(ic: MethodCache, g: GrGraph, argc: number): boolean {
  if (g.constraints.length > 0) return false;
  if (!ic.privileged && ic.name.charCodeAt(0) === 95 /* _ */) return false;
  const variants = g.methods.get(ic.name);
  if (variants === undefined || variants.length !== 1) return false;
  const v = variants[0]!;
  if (v.guard !== null || v.isStatic || v.fn.kind !== "method" || v.fn.params.length !== argc) return false;
  ic.methods = g.methods;
  ic.version = methodTablesVersion;
  ic.body = v.fn.impl;
  return true;
}

function hit(ic: MethodCache, recv: Value): recv is GrGraph {
  return recv instanceof GrGraph && recv.methods === ic.methods && ic.version === methodTablesVersion && recv.constraints.length === 0;
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
