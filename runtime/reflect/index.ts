// Reflection (runtime.md §3): the `reflect`, `runtime` and `modules` namespaces. The universe
// graph, the call graph and pattern graphs are built in the files beside this one.
import { namespaces, type MethodTable } from "../methods/table.js";
import { rtError } from "../values/error.js";
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { importLog, loadedModules, type GrModule } from "../modules.js";
import { host } from "../host.js";
import { isVirtual, now, VIRTUAL_EPOCH_MS } from "../clock.js";
import type { Value } from "../values/value.js";
import { universe, typeHierarchy } from "./universe.js";
import { callGraph, enableCallTracing } from "./callgraph.js";
import { isPatternSyntax, patternGraph } from "./pattern.js";

export { enableCallTracing };

/** The interpreter version the reference reports. */
const VERSION = "0.1.0";

/** `reflect.NAME()` with arguments: the reference's wording. */
function reflectNoArgs(name: string, args: Value[]): void {
  if (args.length !== 0) throw rtError(`reflect.${name}() takes no arguments, but got ${args.length}`);
}

function reflectOneArg(name: string, what: string, args: Value[]): Value {
  if (args.length !== 1) throw rtError(`reflect.${name}() expects 1 argument (${what}), but got ${args.length}`);
  return args[0]!;
}

/**
 * The modules the main program imported itself, in first-import order. Modules imported only by
 * other modules are left out, as in the reference (runtime.md §3.2).
 */
function programModules(): GrModule[] {
  const out: GrModule[] = [];
  for (const entry of importLog) {
    if (entry.importer.importer === null && !out.includes(entry.module)) out.push(entry.module);
  }
  return out;
}

/** Sorted, de-duplicated binding names of the program's modules. */
function moduleNames(): GrList {
  const names = [...new Set(programModules().map((m) => m.bindingName))];
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new GrList(names);
}

/** A module of the program found by its name or alias, or null. */
function findModule(name: Value): GrModule | null {
  if (typeof name !== "string") return null;
  for (const m of programModules()) {
    if (m.name === name || m.bindingName === name || m.declaredAlias === name) return m;
  }
  return null;
}

/**
 * `reflect.current_scope()`. The compiler passes the names the call site holds (`values[i]` is
 * undefined while one is not yet defined) and the rest of the function's snapshot, known
 * statically. The reference reports every scope as `"global"` at depth 0 (runtime.md §3.2), so
 * `kind` is not shown.
 */
export function currentScope(args: Value[], names: string[], values: (Value | undefined)[], snapshot: string[], _kind: string): Value {
  reflectNoArgs("current_scope", args);
  const visible = new Set<string>();
  names.forEach((n, i) => {
    if (values[i] !== undefined) visible.add(n);
  });
  for (const n of snapshot) visible.add(n);
  return new GrMap(
    new Map<string, Value>([
      ["type", "global"],
      ["depth", 0],
      ["variables", new GrList([...visible])],
    ]),
  );
}

const reflect: MethodTable = Object.create(null);
reflect.loaded_modules = (_recv, args) => (reflectNoArgs("loaded_modules", args), moduleNames());
reflect.module = (_recv, args) => findModule(reflectOneArg("module", "module name", args));
reflect.universe = (_recv, args) => (reflectNoArgs("universe", args), universe());
reflect.type_hierarchy = (_recv, args) => (reflectNoArgs("type_hierarchy", args), typeHierarchy());
reflect.current_scope = (_recv, args) => currentScope(args, [], [], [], "global");
reflect.call_graph = (_recv, args) => (reflectNoArgs("call_graph", args), callGraph());
reflect.pattern = (_recv, args) => {
  if (args.length !== 1 && args.length !== 2) throw rtError(`reflect.pattern() expects 1 or 2 arguments (pattern, guard), but got ${args.length}`);
  const syntax: unknown = args[0];
  if (!isPatternSyntax(syntax)) throw rtError("reflect.pattern() cannot interpret this value as a pattern");
  return patternGraph(syntax, args.length === 2);
};
// graphoid-js has no FFI, so no value is ever tainted (runtime.md §3.2).
reflect.tainted = (_recv, args) => (reflectOneArg("tainted", "value", args), false);
reflect.taint_source = (_recv, args) => (reflectOneArg("taint_source", "value", args), null);
reflect.bridge = (_recv, args) => reflectOneArg("bridge", "value", args);
reflect.foreign_realm = (_recv, args) => (reflectNoArgs("foreign_realm", args), null);
namespaces.reflect = reflect;

/** When the runtime was loaded: `runtime.uptime()` counts from here. */
const startedAt = host.now();

function runtimeNoArgs(name: string, args: Value[]): void {
  if (args.length !== 0) throw rtError(`runtime.${name}() takes no arguments, got ${args.length}`);
}

/** Resident memory in bytes where the platform tells (Node), else 0. */
function residentMemory(): number {
  const proc = (globalThis as { process?: { memoryUsage?: { rss?: () => number } } }).process;
  try {
    return proc?.memoryUsage?.rss?.() ?? 0;
  } catch {
    return 0;
  }
}

const runtime: MethodTable = Object.create(null);
runtime.version = (_recv, args) => (runtimeNoArgs("version", args), VERSION);
// On the virtual clock (deterministic runs) the program started at the clock's epoch.
runtime.uptime = (_recv, args) => (runtimeNoArgs("uptime", args), Math.max(0, isVirtual() ? now() - VIRTUAL_EPOCH_MS : host.now() - startedAt) / 1000);
runtime.memory = (_recv, args) => (runtimeNoArgs("memory", args), new GrMap(new Map<string, Value>([["used", residentMemory()]])));
// The registry holds every imported module; the main program is not one of them.
runtime.module_count = (_recv, args) => (runtimeNoArgs("module_count", args), loadedModules().filter((m) => m.importer !== null).length);
namespaces.runtime = runtime;

function moduleInfo(m: GrModule): GrMap {
  return new GrMap(
    new Map<string, Value>([
      ["name", m.name],
      ["path", m.path],
      ["type", m.native ? "native" : "stdlib"],
      ["exports", new GrList(m.exportNames())],
    ]),
  );
}

const modules: MethodTable = Object.create(null);
modules.list = (_recv, args) => {
  if (args.length !== 0) throw rtError(`modules.list() takes no arguments, but got ${args.length}`);
  return moduleNames();
};
modules.info = (_recv, args) => {
  if (args.length !== 1) throw rtError(`modules.info() expects 1 argument (module name), but got ${args.length}`);
  const m = findModule(args[0]!);
  return m === null ? null : moduleInfo(m);
};
namespaces.modules = modules;
