// Creating function values and the per-module function registry (core.md §6.6, §6.9).
import { GrFunction, type FnImpl, type GenImpl, type DefaultThunk, type FnKind } from "./values/function.js";
import { GrList } from "./values/list.js";
import { rtError } from "./values/error.js";
import { callFunction, callFunctionNamed, pickOverload } from "./call.js";
import type { Value } from "./values/value.js";
import { onFunctionCreated } from "./reflect-hooks.js";

/** `$rt.fn(...)`: the value a `fn` statement or lambda expression creates. */
export function fn(
  name: string | null,
  params: string[],
  impl: FnImpl | null,
  variadic: number,
  defaults: (DefaultThunk | null)[] | null,
  kind: FnKind,
  gen?: GenImpl,
): GrFunction {
  const f = new GrFunction(name, params, impl ?? unreachableSync, kind, variadic, defaults);
  if (gen) f.gen = gen;
  // Stack frames show a JS function's `name`: keep it the Graphoid name where the JS one differs
  // (a mangled reserved word, or a bundler's renaming such as `greet2`).
  if (name !== null) {
    if (impl !== null && impl.name !== name) Object.defineProperty(impl, "name", { value: name });
    if (gen && gen.name !== name) Object.defineProperty(gen, "name", { value: name });
  }
  if (onFunctionCreated !== null) onFunctionCreated(f);
  return f;
}

function unreachableSync(): never {
  throw new Error("internal: task body called outside a task");
}

/**
 * A module's function table: one slot per `fn` name. Until a declaration runs, a slot holds a
 * placeholder that fails like an undefined name (functions are not hoisted, core.md §1).
 */
export type FnTable = Record<string, GrFunction | GrList>;

export function placeholder(name: string): GrFunction {
  const fail = () => {
    throw rtError(`Undefined variable: ${name}`);
  };
  const f = new GrFunction(name, [], fail, "fn");
  f.gen = function* () {
    return fail();
  };
  return f;
}

export function isPlaceholder(f: unknown): boolean {
  return f instanceof GrFunction && f.placeholder;
}

/**
 * Fills a module's function table. Compiled code passes an object literal with every `fn` name as
 * a key, so the table has a fixed shape from the start and `$F.name.impl(...)` stays a fast,
 * inlinable property load (a table built key by key would fall into V8's dictionary mode).
 */
export function newFnTable(slots: Record<string, unknown> | string[]): FnTable {
  const table = (Array.isArray(slots) ? Object.fromEntries(slots.map((n) => [n, null])) : slots) as FnTable;
  for (const n of Object.keys(table)) {
    const p = placeholder(n);
    p.placeholder = true;
    table[n] = p;
  }
  return table;
}

function sameArity(a: GrFunction, b: GrFunction): boolean {
  return a.params.length === b.params.length && a.variadic >= 0 === b.variadic >= 0;
}

/** Adds `f` to what a name already holds: same arity replaces, another arity makes an overload list. */
export function mergeOverload(current: Value | undefined, f: GrFunction): GrFunction | GrList {
  if (current instanceof GrFunction && !isPlaceholder(current)) {
    if (sameArity(current, f)) return f;
    return new GrList([current, f]);
  }
  if (current instanceof GrList && current.items.length > 0 && current.items.every((x) => x instanceof GrFunction)) {
    const rest = (current.items as GrFunction[]).filter((x) => !sameArity(x, f));
    return rest.length === 0 ? f : new GrList([...rest, f]);
  }
  return f;
}

export function register(table: FnTable, name: string, f: GrFunction): void {
  table[name] = mergeOverload(table[name], f);
}

export function bindFn(current: Value | undefined, f: GrFunction): GrFunction | GrList {
  return mergeOverload(current, f);
}

/** A name used as a value that no variable holds: a registered function, or an error. */
export function regGet(table: FnTable, name: string): Value {
  const f = table[name];
  if (f === undefined || isPlaceholder(f)) throw rtError(`Undefined variable: ${name}`);
  return f;
}

export function callReg(table: FnTable, name: string, args: Value[], names: (string | null)[] | null): Value {
  const f = table[name];
  if (f === undefined || isPlaceholder(f)) throw rtError(`Undefined variable: ${name}`);
  if (f instanceof GrList) return callFunctionNamed(pickOverload(f, args.length), args, names);
  return names === null ? callFunction(f, args) : callFunctionNamed(f, args, names);
}

/** Marks a function whose body is pattern clauses. */
export function clauses(f: GrFunction): GrFunction {
  f.clauses = true;
  return f;
}

export function undefVar(name: string): never {
  throw rtError(`Undefined variable: ${name}`);
}
