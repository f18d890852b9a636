// Modules at run time (core.md §8): every compiled `.gr` file exports `load(module)`, which runs
// its top level once; the records here cache them, name them, and answer member access.
import { rtError } from "./values/error.js";
import { host } from "./host.js";
import type { GrObject, Value } from "./values/value.js";
import { newFnTable, type FnTable, isPlaceholder } from "./functions.js";
import { GrList } from "./values/list.js";
import { GrFunction } from "./values/function.js";

export interface CompiledModule {
  load(module: GrModule): void;
  info: { file: string; tasks: boolean };
}

export class GrModule implements GrObject {
  /** `module Name alias Short` */
  declaredName: string | null = null;
  declaredAlias: string | null = null;
  /** Name inherited from the importer's `module` declaration (core.md §8.1). */
  inheritedName: string | null = null;
  inheritedAlias: string | null = null;
  fns: FnTable = Object.create(null);
  /** Top-level bindings after the module ran. */
  bindings = new Map<string, Value>();
  privateNames = new Set<string>();
  /** `__`-prefixed names the module defined, visible to the modules it imports. */
  dunder = new Map<string, Value>();
  state: "new" | "loading" | "loaded" = "new";
  /** Native modules: members provided by the runtime. */
  native: Record<string, Value> | null = null;

  constructor(
    /** Cache key: absolute source path, or `native:NAME`. */
    readonly key: string,
    /** File name without extension, the default name. */
    readonly fileName: string,
    /** The import string (`__MODULE__`), or `__main__`. */
    readonly importString: string,
    /** The module that first imported this one. */
    readonly importer: GrModule | null,
    readonly path: string,
  ) {}

  get name(): string {
    return this.declaredName ?? this.inheritedName ?? this.fileName;
  }

  /** The name an `import` binds (alias first). */
  get bindingName(): string {
    return this.declaredAlias ?? this.declaredName ?? this.inheritedAlias ?? this.inheritedName ?? this.fileName;
  }

  grType(): string {
    return "module";
  }

  grDisplay(): string {
    return `<module ${this.name}>`;
  }

  grTruthy(): boolean {
    return true;
  }

  /** `m.member`: a public binding, or the errors of core.md §8.1. */
  member(name: string): Value {
    if (this.native) {
      const v = this.native[name];
      if (v === undefined) throw rtError(`Undefined variable: ${name}`);
      return v;
    }
    if (this.privateNames.has(name)) throw rtError(`Cannot access private symbol '${name}' from module '${this.name}'`);
    const v = this.bindings.get(name);
    if (v === undefined) {
      const f = this.fns[name];
      if (f !== undefined && !isPlaceholder(f)) return f;
      throw rtError(`Undefined variable: ${name}`);
    }
    return v;
  }

  /** Public binding names (runtime.md §3.2). */
  exportNames(): string[] {
    if (this.native) return Object.keys(this.native);
    const names = [...this.bindings.keys()].filter((n) => !this.privateNames.has(n) && !n.startsWith("__"));
    if (!names.includes("supervisor")) names.push("supervisor");
    return names;
  }
}

/** Modules whose top level is running, outermost first (for import-cycle messages). */
const loading: GrModule[] = [];

/** Every module loaded so far, by key. */
const registry = new Map<string, GrModule>();
/** The order modules were first imported by the main program (for reflection). */
export const importLog: { importer: GrModule; module: GrModule; items: string[] | null }[] = [];

export function loadedModules(): GrModule[] {
  return [...registry.values()];
}

export function mainModule(file: string): GrModule {
  const m = new GrModule(file, baseName(file), "__main__", null, file);
  registry.set(file, m);
  return m;
}

export function fnTable(m: GrModule, slots: Record<string, unknown> | string[]): FnTable {
  m.fns = newFnTable(slots);
  return m.fns;
}

function baseName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.endsWith(".gr") ? base.slice(0, -3) : base;
}

/** `import "path"` of a compiled module: run it once, then reuse it (core.md §8.1). */
export function importCompiled(importer: GrModule, key: string, compiled: CompiledModule, importString: string): GrModule {
  let m = registry.get(key);
  if (m) {
    if (m.state === "loading") {
      // The modules still loading, from the one imported again to this importer, form the cycle.
      const at = loading.indexOf(m);
      const chain = [...loading.slice(at), m].map((x) => `'${x.importString}'`).join(" → ");
      throw rtError(`Import cycle: ${chain} (a module runs once, at its first import, so it cannot import itself)`);
    }
    importLog.push({ importer, module: m, items: null });
    return m;
  }
  m = new GrModule(key, baseName(key), importString, importer, key);
  m.inheritedName = importer.declaredName ?? importer.inheritedName;
  m.inheritedAlias = importer.declaredAlias ?? importer.inheritedAlias;
  registry.set(key, m);
  m.state = "loading";
  loading.push(m);
  try {
    compiled.load(m);
  } catch (e) {
    registry.delete(key);
    throw e;
  } finally {
    loading.pop();
  }
  m.state = "loaded";
  importLog.push({ importer, module: m, items: null });
  return m;
}

/** Native modules are provided by the runtime's standard library (runtime/stdlib). */
export const nativeModules: Record<string, { name: string; members: () => Record<string, Value> }> = Object.create(null);

export function importNative(importer: GrModule, name: string, importString: string): GrModule {
  const key = "native:" + name;
  let m = registry.get(key);
  if (!m) {
    const def = nativeModules[name];
    if (!def) throw rtError(`Module not found: '${importString}'`);
    m = new GrModule(key, def.name, importString, importer, `<native:${name}>`);
    m.native = def.members();
    m.state = "loaded";
    registry.set(key, m);
  }
  importLog.push({ importer, module: m, items: null });
  return m;
}

export function moduleNotFound(name: string): never {
  throw rtError(`Module not found: '${name}'`);
}

/** `import "path" { name }` */
export function importItem(m: GrModule, name: string, importString: string): Value {
  if (m.privateNames.has(name)) throw rtError(`Cannot import private symbol '${name}' from module '${importString}'`);
  if (m.native) {
    const v = m.native[name];
    if (v === undefined) throw rtError(`Symbol '${name}' not found in module '${importString}'`);
    return v;
  }
  const v = m.bindings.get(name);
  if (v === undefined) throw rtError(`Symbol '${name}' not found in module '${importString}'`);
  return v;
}

export function declareModule(m: GrModule, name: string, alias: string | null): void {
  m.declaredName = name;
  m.declaredAlias = alias;
}

export function markPrivate(m: GrModule, name: string): void {
  m.privateNames.add(name);
}

/** Called at the end of a module's top level with its bindings. */
export function finishModule(m: GrModule, bindings: Record<string, Value | undefined>): void {
  for (const [k, v] of Object.entries(bindings)) {
    if (v === undefined) continue;
    m.bindings.set(k, v);
    if (k.startsWith("__")) m.dunder.set(k, v);
  }
}

/** Values every module starts with: `__MODULE__`, `supervisor`, and the importers' `__` names. */
export const predefinedValues: Record<string, Value> = Object.create(null);

export function predefined(m: GrModule, name: string): Value | undefined {
  if (name === "__MODULE__") return m.importString;
  if (name in predefinedValues) return predefinedValues[name];
  if (name.startsWith("__")) {
    for (let at = m.importer; at; at = at.importer) {
      const v = at.dunder.get(name);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** Records a `__name` assignment so modules imported later can see it (core.md §8.1). */
export function publishDunder(m: GrModule, name: string, v: Value): Value {
  m.dunder.set(name, v);
  return v;
}

/** A method call on a module: its own introspection methods, else a member function (§3.10). */
export function callModuleMember(m: GrModule, name: string, args: Value[]): Value | undefined {
  switch (name) {
    case "name":
      if (args.length === 0) return m.name;
      break;
    case "exports":
      if (args.length === 0) return new GrList(m.exportNames());
      break;
    case "path":
      if (args.length === 0) return m.path;
      break;
    case "imports":
      if (args.length === 0) return new GrList([]);
      break;
  }
  return undefined;
}

export function isFunctionValue(v: Value): boolean {
  return v instanceof GrFunction || (v instanceof GrList && v.items.length > 0 && v.items.every((x) => x instanceof GrFunction));
}

export function moduleUnavailable(name: string): never {
  throw rtError(`Module '${name}' is not available in graphoid-js (out of scope: http, html, sql, tls, crypto, net, ffi)`);
}

/** `load "file.gr"` of a file that does not exist (or, with `syntaxError`, does not parse). */
export function loadFailed(path: string, syntaxError: string | null = null): never {
  throw rtError(syntaxError === null ? `Cannot load '${path}': file not found` : `Syntax error in '${path}': ${syntaxError}`);
}

/** `import` of a module that does not parse: fails here, at run time (core.md §7.7). */
export function moduleBroken(name: string, syntaxError: string): never {
  throw rtError(`Syntax error in module '${name}': ${syntaxError}`);
}

/** The loading scope's variables, as a `load <computed path>` sees them. */
export interface ScopeEnv {
  get(name: string): Value | undefined;
  set(name: string, v: Value): void;
}

export function scopeEnv(names: string[], getters: (() => Value | undefined)[], setters: ((v: Value) => void)[]): ScopeEnv {
  // Names the scope does not hold live here: no compiled code of the scope can read them.
  const extra = new Map<string, Value>();
  return {
    get(name) {
      const i = names.indexOf(name);
      return i >= 0 ? getters[i]!() : extra.get(name);
    },
    set(name, v) {
      const i = names.indexOf(name);
      if (i >= 0) setters[i]!(v);
      else extra.set(name, v);
    },
  };
}

/** `load <expression>`: compiles the file now (core.md §8.4), if the host carries the compiler. */
export function loadDynamic(m: GrModule, path: Value, env: ScopeEnv): null {
  if (typeof path !== "string") throw rtError(`load expects a file path string, got ${typeof path}`);
  if (!host.compileLoad) throw rtError(`Cannot load '${path}': load with a computed path needs the graphoid CLI`);
  const run = host.compileLoad(path, m.path);
  if (run === null) throw rtError(`Cannot load '${path}': file not found`);
  run(m, env);
  return null;
}

/** The function table of code run by a computed-path `load`. */
export function loadedFnTable(slots: Record<string, unknown> | string[]): FnTable {
  return newFnTable(slots);
}
