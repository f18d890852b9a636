// The call helpers of generator twins (task mode): `yield* $rt.callFunctionG(…)` and friends. Each
// mirrors its synchronous counterpart (call.ts, dispatch.ts, classes.ts, functions.ts, builtins.ts)
// but runs a callee's generator body (`GrFunction.gen`) so that a blocking call deep inside
// suspends the whole task. A callee without a generator body (a builtin, or a function from a
// module compiled without task support) runs synchronously; if it blocks, it falls back to the
// scheduler's nested `runUntil`.
import { GrFunction } from "../values/function.js";
import { GrList } from "../values/list.js";
import { rtError } from "../values/error.js";
import { GrGraph, type MethodVariant } from "../graph/graph.js";
import { deepClone, checkMethodConstraints, hasMethodConstraints, restoreGraph } from "../graph/index.js";
import { adaptArgs, callFunctionNamed, notCallable, pickOverload } from "../call.js";
import { callMethod, nsCall, iter } from "../dispatch.js";
import { activeSelves, callGraphMethod, insideMethodsOf, invokeVariant, pickVariant, superCall } from "../classes.js";
import { isPlaceholder, type FnTable } from "../functions.js";
import { GrModule, callModuleMember } from "../modules.js";
import { callBuiltin } from "../builtins.js";
import { universalMethods } from "../methods/table.js";
import { builtinsG, graphMethodsG, hostsTaskMethods, listMethodsG, namespacesG } from "./tables.js";
import { Channel } from "./channel.js";
import type { Value } from "../values/value.js";

type Names = (string | null)[] | null;
/** What the `*G` helpers return: a generator the compiled twin delegates to with `yield*`. */
type Suspendable<T = Value> = Generator<unknown, T, unknown>;

export function* callFunctionG(f: Value, args: Value[], names: Names): Suspendable {
  if (f instanceof GrFunction) {
    const gen = f.gen;
    if (gen === null) return callFunctionNamed(f, args, names);
    if (names === null && args.length === f.params.length && f.variadic < 0 && !f.clauses) return yield* gen(...args);
    return yield* gen(...adaptArgs(f, args, names));
  }
  if (f instanceof GrList) return yield* callFunctionG(pickOverload(f, args.length), args, names);
  throw notCallable(f);
}

export function* callRegG(table: FnTable, name: string, args: Value[], names: Names): Suspendable {
  const f = table[name];
  if (f === undefined || isPlaceholder(f)) throw rtError(`Undefined variable: ${name}`);
  return yield* callFunctionG(f instanceof GrList ? pickOverload(f, args.length) : f, args, names);
}

/** A method variant's generator body, with `self` active and method constraints checked (classes.ts `invokeVariant`). */
function* invokeVariantG(self: GrGraph, variant: MethodVariant, args: Value[]): Suspendable {
  const fn = variant.fn;
  if (fn.gen === null || fn.kind === "builtin") return invokeVariant(self, variant, args);
  if (variant.isStatic && fn.kind === "fn") return yield* callFunctionG(fn, args, null);
  const expected = fn.params.length;
  if (args.length !== expected) throw rtError(`Method '${variant.name}' expects ${expected} arguments, but got ${args.length}`);
  const before = hasMethodConstraints(self) ? deepClone(self) : null;
  // The scheduler keeps `activeSelves` per task, so push/pop pair up even across suspensions.
  activeSelves.push(self);
  let result: Value;
  try {
    result = yield* fn.gen(self, ...args);
  } finally {
    activeSelves.pop();
  }
  if (before) {
    try {
      checkMethodConstraints(before, self, variant.name);
    } catch (violation) {
      restoreGraph(self, before);
      throw violation;
    }
  }
  return result;
}

export function* callGraphMethodG(g: GrGraph, name: string, args: Value[], names: Names): Suspendable {
  const variants = g.methods.get(name);
  if (variants !== undefined && !(name.startsWith("_") && !insideMethodsOf(g))) {
    const v = pickVariant(g, variants);
    if (v) return yield* invokeVariantG(g, v, args);
  }
  const messaging = graphMethodsG[name];
  if (messaging !== undefined && variants === undefined) return yield* messaging(g, args, names);
  // Privacy errors, class introspection and the built-in graph methods never block.
  return callGraphMethod(g, name, args, names);
}

export function* callMethodG(recv: Value, name: string, args: Value[], names: Names): Suspendable {
  if (typeof recv !== "object" || recv === null) return callMethod(recv, name, args, names);
  if (recv instanceof GrModule) {
    const own = callModuleMember(recv, name, args);
    if (own !== undefined) return own;
    return yield* callFunctionG(recv.member(name), args, names);
  }
  if (universalMethods[name] !== undefined) return callMethod(recv, name, args, names);
  if (recv instanceof GrGraph) return yield* callGraphMethodG(recv, name, args, names);
  if (recv instanceof GrList) {
    const m = listMethodsG[name];
    if (m !== undefined) return yield* m(recv, args, names);
  } else if (hostsTaskMethods(recv)) {
    const r = yield* recv.grCallMethodG(name, args, names);
    if (r !== undefined) return r;
  }
  return callMethod(recv, name, args, names);
}

/** `name(args)` inside a method: self's method, then a variable, then the registry (classes.ts `callBare`). */
export function* callBareG(
  self: Value,
  variable: Value | undefined,
  table: FnTable,
  name: string,
  args: Value[],
  names: Names,
): Suspendable {
  if (self instanceof GrGraph) {
    const variants = self.methods.get(name);
    if (variants !== undefined) {
      const v = pickVariant(self, variants);
      if (v) return yield* invokeVariantG(self, v, args);
    }
  }
  if (variable !== undefined) return yield* callFunctionG(variable, args, names);
  const f = table[name];
  if (f !== undefined && !isPlaceholder(f)) return yield* callRegG(table, name, args, names);
  throw rtError(`Undefined variable: ${name}`);
}

/** `super.m(args)` (classes.ts `superCall`). */
export function* superCallG(self: Value, owner: Value, name: string, args: Value[], names: Names): Suspendable {
  if (self instanceof GrGraph && owner instanceof GrGraph && owner.parent !== null) {
    const variants = owner.parent.methods.get(name);
    const v = variants ? pickVariant(self, variants) : null;
    if (v) return yield* invokeVariantG(self, v, args);
  }
  return superCall(self, owner, name, args, names);
}

export function* nsCallG(ns: string, name: string, args: Value[], names: Names): Suspendable {
  const m = namespacesG[ns]?.[name];
  if (m !== undefined) return yield* m(args, names);
  return nsCall(ns, name, args, names);
}

export function* callBuiltinG(name: string, args: Value[], names: Names): Suspendable {
  const f = builtinsG[name];
  if (f !== undefined) return yield* f(args, names);
  return callBuiltin(name, args, names);
}

// ---------------------------------------------------------------- for loops in tasks

/** `for x in v` in a task: a channel is received from (suspending), anything else iterated as usual. */
export function iterTask(v: Value): Channel | Iterator<Value> {
  if (v instanceof Channel) return v;
  return iter(v)[Symbol.iterator]();
}

/** The next item, or undefined at the end (a closed, drained channel). */
export function* nextTask(it: Channel | Iterator<Value>): Suspendable<Value | undefined> {
  if (it instanceof Channel) return yield* it.queue.takeG();
  const r = it.next();
  return r.done ? undefined : r.value;
}
