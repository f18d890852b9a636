// Calling function values with Graphoid's argument rules (core.md §6.1, §6.2, §6.6): missing
// arguments are none or their default, surplus ones are an error, `...rest` collects, named
// arguments fill parameters by name, and a list of functions dispatches by arity.
import { GrFunction } from "./values/function.js";
import { GrList } from "./values/list.js";
import { rtError } from "./values/error.js";
import { typeName } from "./values/format.js";
import { share } from "./values/collection.js";
import type { Value } from "./values/value.js";

/** Calls a function value with positional arguments. */
export function callFunction(f: Value, args: Value[]): Value {
  if (f instanceof GrFunction) {
    if (args.length === f.params.length && f.variadic < 0) return f.impl(...args);
    return f.impl(...adaptArgs(f, args, null));
  }
  if (f instanceof GrList) return callFunction(pickOverload(f, args.length), args);
  throw notCallable(f);
}

/** Calls with named arguments: `names[i]` is the name of `args[i]` or null. */
export function callFunctionNamed(f: Value, args: Value[], names: (string | null)[] | null): Value {
  if (names === null) return callFunction(f, args);
  if (f instanceof GrFunction) return f.impl(...adaptArgs(f, args, names));
  if (f instanceof GrList) return callFunctionNamed(pickOverload(f, args.length), args, names);
  throw notCallable(f);
}

export function notCallable(f: Value) {
  return rtError(`Type error: expected function, got ${typeName(f)}`);
}

/** `fns = area` holds every arity of `area`; calling it picks by argument count. */
export function pickOverload(list: GrList, argc: number): GrFunction {
  let variadic: GrFunction | null = null;
  let any: GrFunction | null = null;
  for (const f of list.items) {
    if (!(f instanceof GrFunction)) throw notCallable(list);
    any ??= f;
    if (f.variadic < 0 && f.params.length === argc) return f;
    if (f.variadic >= 0 && argc >= f.params.length - 1) variadic = f;
  }
  if (variadic) return variadic;
  if (any) return any;
  throw notCallable(list);
}

/**
 * Binds call arguments to exactly `f.params.length` slots. Arguments are taken in written order: a
 * positional one goes to the next parameter not yet filled (or into `...rest` once that is
 * reached), a named one to its parameter (core.md §6.2).
 */
export function adaptArgs(f: GrFunction, args: Value[], names: (string | null)[] | null): Value[] {
  if (f.clauses && args.length !== 1) throw rtError(`Pattern matching requires exactly 1 argument, got ${args.length}`);
  const params = f.params;
  const n = params.length;
  const variadic = f.variadic;
  const slots: (Value | undefined)[] = new Array(n).fill(undefined);
  const rest: Value[] = [];
  let cursor = 0;
  for (let i = 0; i < args.length; i++) {
    const name = names === null ? null : names[i];
    if (name != null) {
      const at = params.indexOf(name);
      if (at < 0 || at === variadic) throw rtError(`Unknown named parameter: '${name}' for function '${f.displayName}'`);
      if (slots[at] !== undefined) throw rtError(`Duplicate named parameter: '${name}'`);
      slots[at] = args[i]!;
      continue;
    }
    while (cursor < n && cursor !== variadic && slots[cursor] !== undefined) cursor++;
    if (cursor === variadic) {
      rest.push(share(args[i]!));
    } else if (cursor < n) {
      slots[cursor++] = args[i]!;
    } else if (names === null) {
      throw rtError(`Function '${f.displayName}' expects ${n} argument(s), got ${args.length}`);
    } else {
      throw rtError(`Too many arguments for function '${f.displayName}': expected ${n}, got ${args.length}`);
    }
  }
  if (variadic >= 0) slots[variadic] = new GrList(rest);
  for (let i = 0; i < n; i++) {
    if (slots[i] === undefined) {
      const thunk = f.defaults?.[i];
      slots[i] = thunk ? thunk() : null;
    }
  }
  return slots as Value[];
}
