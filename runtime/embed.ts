// Using compiled Graphoid from JavaScript (`graphoid-js/run`). A `.gr` file compiles to an ES
// module that exports `load(module)` and `info`; its top level runs only when the runtime's module
// loader calls `load`. This file is that loader's JavaScript face:
//
//   import * as app from "./app.gr";              // through the esbuild/Vite plugin or the Node loader
//   import { run, load } from "graphoid-js/run";
//   run(app);                                     // as the main program: { status, error }
//   const lib = load(app);                        // as an import: its public names, as JS values
//   lib.greet("Ada");
//
// It reaches the runtime only through its public surface (./index.js), which the package build maps
// to the one shared `dist/runtime.js`, so compiled modules and this helper see the same module
// registry and host. Browser-safe: no Node built-ins.
import * as rt from "./index.js";
import type { GrModule } from "./modules.js";
import type { Host } from "./host.js";
import type { Value } from "./values/value.js";
import type { GrList } from "./values/list.js";
import type { GrMap } from "./values/map.js";
import type { GrFunction } from "./values/function.js";

/**
 * A compiled `.gr` module (`import * as m from "./file.gr"`). Its declaration (`graphoid build
 * --dts`, `compile(…, { dts: true })`) gives `info.exports` the type of its public names.
 */
export interface CompiledModule<Exports = Record<string, unknown>> {
  load(module: never): void;
  readonly info: { readonly file: string; readonly tasks: boolean; readonly exports?: Exports };
}

export interface RunOptions {
  /** Virtual clock and seeded randomness, as `graphoid run --deterministic`. */
  deterministic?: boolean;
  /** Replaces parts of the host first (output, arguments, …), as `installHost` does. */
  host?: Partial<Host>;
  /** Write an uncaught error to the host's stderr (default true). */
  reportError?: boolean;
}

export interface RunResult {
  /** 0, or 1 when an error escaped the program. */
  status: 0 | 1;
  /** `file:line:col: error: Type: message` of the uncaught error, or null. */
  error: string | null;
}

/** Runs a compiled `.gr` module as the main program, like `graphoid run`. */
export function run(compiled: CompiledModule<unknown>, options: RunOptions = {}): RunResult {
  checkCompiled(compiled);
  if (options.host) rt.installHost(options.host);
  if (options.deterministic) rt.configure([[":deterministic", null]]);
  const outcome = rt.runMain(compiled as unknown as Runnable, compiled.info.file);
  const error = outcome.error ? rt.formatUncaught(outcome) : null;
  if (error !== null && options.reportError !== false) rt.host.stderr(error + "\n");
  flushHost();
  return { status: outcome.status, error };
}

/** The module that JavaScript imports Graphoid modules from. */
let jsImporter: GrModule | null = null;

/**
 * Runs a compiled `.gr` module as an `import` would (once; later calls return the same module) and
 * returns its public names. Each property reads the module's current value, converted by `toJS`;
 * functions become JavaScript functions that convert their arguments with `fromJS`.
 */
export function load<Exports = Record<string, unknown>>(compiled: CompiledModule<Exports>): Exports {
  checkCompiled(compiled);
  jsImporter ??= rt.mainModule("<javascript>");
  const m = rt.importCompiled(jsImporter, compiled.info.file, compiled as unknown as Runnable, compiled.info.file);
  flushHost();
  const out: Record<string, unknown> = {};
  for (const name of m.exportNames()) {
    if (name === "supervisor") continue;
    Object.defineProperty(out, name, { enumerable: true, get: () => toJS(m.member(name)) });
  }
  return Object.freeze(out) as Exports;
}

/** What the runtime's loader takes (the module record is the runtime's own type). */
type Runnable = Parameters<typeof rt.runMain>[0];

function checkCompiled(compiled: CompiledModule<unknown>): void {
  if (compiled === null || typeof compiled !== "object" || typeof compiled.load !== "function" || typeof compiled.info?.file !== "string") {
    throw new TypeError("graphoid-js: expected a compiled .gr module (import * as m from \"./file.gr\")");
  }
}

function flushHost(): void {
  (rt.host as Partial<{ flush(): void }>).flush?.();
}

// The runtime's classes, taken from values it makes (the public surface exports no classes).
let ListClass: (new (items: Value[]) => GrList) | null = null;
let MapClass: (new (entries: Map<string, Value>) => GrMap) | null = null;

function classes(): { List: new (items: Value[]) => GrList; Map: new (entries: Map<string, Value>) => GrMap } {
  ListClass ??= rt.list([]).constructor as new (items: Value[]) => GrList;
  MapClass ??= rt.map([], []).constructor as new (entries: Map<string, Value>) => GrMap;
  return { List: ListClass, Map: MapClass };
}

function isGrFunction(v: unknown): v is GrFunction {
  return typeof v === "object" && v !== null && typeof (v as GrFunction).impl === "function" && Array.isArray((v as GrFunction).params) && "kind" in v;
}

const jsOf = new WeakMap<object, unknown>();

/**
 * A Graphoid value as plain JavaScript: lists become arrays, hashes plain objects, functions
 * functions, none null; numbers, strings and booleans are themselves; other values (graphs,
 * symbols, errors, …) are returned as the runtime's objects.
 */
export function toJS(value: unknown): unknown {
  const v = value as Value;
  if (v === null || typeof v !== "object") return v;
  const { List, Map: GrMapClass } = classes();
  if (v instanceof List) {
    // Every arity of an overloaded function (`fn area(r)`, `fn area(w, h)`) is one callable.
    if (v.items.length > 0 && v.items.every((x) => isGrFunction(x) && x.name === (v.items[0] as GrFunction).name)) return callable(v);
    return v.items.map(toJS);
  }
  if (v instanceof GrMapClass) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v.entries) o[k] = toJS(x);
    return o;
  }
  if (isGrFunction(v)) return callable(v);
  return v;
}

function callable(v: GrFunction | GrList): (...args: unknown[]) => unknown {
  let f = jsOf.get(v) as ((...args: unknown[]) => unknown) | undefined;
  if (f === undefined) {
    f = (...args: unknown[]) => {
      const result = toJS(rt.callFunction(v, args.map(fromJSValue), null));
      flushHost();
      return result;
    };
    const name = isGrFunction(v) ? v.name : (v.items[0] as GrFunction).name;
    Object.defineProperty(f, "name", { value: name ?? "" });
    jsOf.set(v, f);
  }
  return f;
}

/**
 * A JavaScript value as a Graphoid value: arrays become lists, plain objects and Maps hashes,
 * functions Graphoid functions (called with converted arguments), undefined none. Values that
 * already are the runtime's are kept.
 */
export function fromJS(v: unknown): unknown {
  return fromJSValue(v);
}

function fromJSValue(v: unknown): Value {
  if (v === undefined || v === null) return null;
  switch (typeof v) {
    case "number":
    case "string":
    case "boolean":
      return v;
    case "bigint":
      return Number(v);
    case "function": {
      const f = v as (...args: unknown[]) => unknown;
      return rt.fn(f.name || null, ["args"], ((rest: GrList) => fromJSValue(f(...(toJS(rest) as unknown[])))) as never, 0, null, "lambda");
    }
    case "object": {
      const { List, Map: GrMapClass } = classes();
      if (Array.isArray(v)) return new List(v.map(fromJSValue));
      if (v instanceof Map) return new GrMapClass(new Map([...v].map(([k, x]) => [String(k), fromJSValue(x)])));
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        return new GrMapClass(new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJSValue(x)])));
      }
      return v as Value;
    }
    default:
      throw new TypeError(`graphoid-js: cannot pass a ${typeof v} to Graphoid`);
  }
}
