// Class-like graphs (core.md §10): declarations, instances, method dispatch with `when` guards,
// implicit `self`, privacy, `super`, mixins and the class introspection methods.
import { GrGraph, type MethodVariant } from "./graph/graph.js";
import { graphMethods, universalMethods } from "./methods/table.js";
import { GrFunction } from "./values/function.js";
import { GrList } from "./values/list.js";
import { GrMap } from "./values/map.js";
import { GrSymbol } from "./values/symbol.js";
import { GraphoidError, rtError } from "./values/error.js";
import { GrCollection, share } from "./values/collection.js";
import { truthy } from "./values/truth.js";
import { callFunction, callFunctionNamed } from "./call.js";
import { deepClone, checkMethodConstraints, hasMethodConstraints, restoreGraph } from "./graph/index.js";
import { type FnTable, callReg, regGet, isPlaceholder } from "./functions.js";
import { onClassDeclared } from "./reflect-hooks.js";
import { methodTablesChanged } from "./method-cache.js";
import type { Value } from "./values/value.js";

// ---------------------------------------------------------------- declaration

export function beginClass(name: string, parent: Value, kind: GrSymbol | null): GrGraph {
  let cls: GrGraph;
  if (parent === null) {
    cls = new GrGraph();
  } else if (parent instanceof GrGraph) {
    // `from Parent`: a deep copy of the parent's properties and methods (core.md §10.8).
    cls = deepClone(parent);
    cls.methods = new Map([...parent.methods].map(([k, v]) => [k, v.slice()]));
    cls.parent = parent;
  } else {
    throw rtError(`Type error: expected graph, got ${parent === undefined ? "none" : typeof parent}`);
  }
  cls.className = name;
  cls.template = null;
  if (kind !== null) {
    // `graph Name(:dag) { }`: the kind names a graph type as in `graph { type: :dag }`.
    if (kind.name === "undirected") cls.directed = false;
    else if (kind.name !== "directed") cls.rulesets.push(kind.name);
  }
  return cls;
}

export function classProp(cls: GrGraph, name: string, value: Value): void {
  cls.props[name] = value;
}

export function classRule(cls: GrGraph, rule: GrSymbol, arg: Value): void {
  const addRule = graphMethods["add_rule"]!;
  addRule(cls, arg === null ? [rule] : [rule, arg], null);
}

/** Adds a method variant; a redefinition replaces an inherited method or the same-guard variant. */
export function classMethod(cls: GrGraph, name: string, fn: GrFunction, guard: GrFunction | null, isStatic: boolean): void {
  fn.name ??= name;
  methodTablesChanged();
  const variant: MethodVariant = { name, fn, guard, owner: cls, isStatic };
  const existing = cls.methods.get(name);
  if (!existing || existing.some((v) => v.owner !== cls)) {
    cls.methods.set(name, [variant]);
    return;
  }
  if (guard === null) {
    const i = existing.findIndex((v) => v.guard === null);
    if (i >= 0) existing[i] = variant;
    else existing.push(variant);
  } else {
    existing.push(variant);
  }
}

/** Graph-body `configure { readable: :x, writable: :y, accessible: :z }` (core.md §10.7). */
export function classConfigure(cls: GrGraph, key: string, names: string[]): void {
  for (const prop of names) {
    if (key === "readable" || key === "accessible") {
      const getter = new GrFunction(prop, [], (self: GrGraph) => share(self.props[prop] ?? null), "method");
      classMethod(cls, prop, getter, null, false);
    }
    if (key === "writable" || key === "accessible") {
      const setter = new GrFunction("set_" + prop, ["value"], (self: GrGraph, v: Value) => {
        graphSetProp(self, prop, v);
        return null;
      }, "method");
      classMethod(cls, "set_" + prop, setter, null, false);
    }
  }
}

export function endClass(cls: GrGraph): GrGraph {
  onClassDeclared(cls);
  return cls;
}

/** `fn Recv.m()` / `static fn Recv.m()`: attaches a method to an existing graph. */
export function attachMethod(recv: Value, name: string, fn: GrFunction, isStatic: boolean): null {
  if (!(recv instanceof GrGraph)) throw rtError(`Cannot attach method '${name}' to type '${typeof recv}'`);
  // Instances share this table: call-site caches must look again.
  methodTablesChanged();
  const variant: MethodVariant = { name, fn, guard: null, owner: recv, isStatic };
  const existing = recv.methods.get(name);
  if (existing && existing.every((v) => v.owner === recv)) {
    const i = existing.findIndex((v) => v.guard === null);
    if (i >= 0) existing[i] = variant;
    else existing.push(variant);
  } else {
    recv.methods.set(name, [variant]);
  }
  return null;
}

// ---------------------------------------------------------------- instances

/** `Name { k: v }`: a deep copy of the class with overrides; methods stay shared with the class. */
export function instantiate(cls: Value, keys: string[], values: Value[]): GrGraph {
  if (!(cls instanceof GrGraph)) throw rtError(`Cannot instantiate a value of type '${cls === null ? "none" : typeof cls}'`);
  const inst = deepClone(cls);
  inst.methods = cls.methods;
  inst.template = cls;
  inst.parent = cls.parent;
  inst.className = cls.className;
  inst.frozen = false;
  for (let i = 0; i < keys.length; i++) inst.props[keys[i]!] = values[i]!;
  return inst;
}

// ---------------------------------------------------------------- properties

export function graphGetProp(g: GrGraph, name: string): Value {
  const p = g.props[name];
  if (p !== undefined) return p;
  const node = g.nodes.get(name);
  return node ? node.value : null;
}

export function graphSetProp(g: GrGraph, name: string, v: Value): void {
  if (g.frozen) throw rtError("Cannot modify frozen graph");
  g.props[name] = v;
}

// ---------------------------------------------------------------- dispatch

/** The objects whose methods are running, innermost last: private methods need one of them. The task scheduler swaps it per task. */
export const activeSelves: GrGraph[] = [];

export function insideMethodsOf(g: GrGraph): boolean {
  for (let i = activeSelves.length - 1; i >= 0; i--) if (activeSelves[i] === g) return true;
  return false;
}

/** The variant of `name` whose guard holds first, else the unguarded one (core.md §10.6). */
export function pickVariant(self: GrGraph, variants: readonly MethodVariant[]): MethodVariant | null {
  if (variants.length === 1 && variants[0]!.guard === null) return variants[0]!;
  let fallback: MethodVariant | null = null;
  for (const v of variants) {
    if (v.guard === null) {
      fallback ??= v;
      continue;
    }
    let ok = false;
    try {
      ok = truthy(v.guard.impl(self));
    } catch (e) {
      if (!(e instanceof GraphoidError)) throw e;
    }
    if (ok) return v;
  }
  return fallback;
}

export function invokeVariant(self: GrGraph, variant: MethodVariant, args: Value[]): Value {
  const fn = variant.fn;
  if (fn.kind === "builtin" || (variant.isStatic && fn.kind === "fn")) {
    return variant.isStatic && fn.kind === "fn" ? callFunction(fn, args) : fn.impl(self, ...args);
  }
  const expected = fn.params.length;
  if (args.length !== expected) throw rtError(`Method '${variant.name}' expects ${expected} arguments, but got ${args.length}`);
  if (!hasMethodConstraints(self)) return callImpl(fn.impl, self, args);
  const before = deepClone(self);
  const result = callImpl(fn.impl, self, args);
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

/** Calls a method body without building a spread call for the common small arities. */
function callImpl(impl: (...a: any[]) => Value, self: GrGraph, args: Value[]): Value {
  switch (args.length) {
    case 0:
      return impl(self);
    case 1:
      return impl(self, args[0]);
    case 2:
      return impl(self, args[0], args[1]);
    case 3:
      return impl(self, args[0], args[1], args[2]);
    default:
      return impl(self, ...args);
  }
}

/**
 * `privileged`: the call is written inside a method body (or a lambda there), where private
 * `_methods` may be called (core.md §10.5). The compiler knows this from the call site; tasks also
 * track the methods they are inside (`activeSelves`).
 */
export function callGraphMethod(g: GrGraph, name: string, args: Value[], names: (string | null)[] | null, privileged = false): Value {
  const variants = g.methods.get(name);
  if (variants !== undefined) {
    if (name.charCodeAt(0) === 95 /* _ */ && !privileged && !insideMethodsOf(g)) {
      throw rtError(`Cannot call private method '${name}' from outside the graph's methods`);
    }
    const v = pickVariant(g, variants);
    if (v) return invokeVariant(g, v, args);
  }
  const own = classMethods[name];
  if (own) return own(g, args, names);
  const builtin = graphMethods[name];
  if (builtin) return builtin(g, args, names);
  throw rtError(`Graph does not have method '${name}'`);
}

/** `super.m(args)` inside a method declared in `owner`: the nearest ancestor's `m` (core.md §10.8). */
export function superCall(self: Value, owner: Value, name: string, args: Value[], _names: (string | null)[] | null): Value {
  if (!(self instanceof GrGraph) || !(owner instanceof GrGraph) || owner.parent === null) {
    throw rtError(`No method '${name}' on parent graph`);
  }
  const variants = owner.parent.methods.get(name);
  const v = variants ? pickVariant(self, variants) : null;
  if (!v) {
    const builtin = graphMethods[name];
    if (builtin) return builtin(self, args, null);
    throw rtError(`No method '${name}' on parent graph`);
  }
  return invokeVariant(self, v, args);
}

// ---------------------------------------------------------------- implicit self

/** A bare name in a method that is no variable: property, method, registered function (§10.3). */
export function selfGet(self: Value, table: FnTable, name: string): Value {
  if (self instanceof GrGraph) {
    const p = self.props[name];
    if (p !== undefined) return share(p);
    const variants = self.methods.get(name);
    if (variants && variants.length > 0) return variants[0]!.fn;
  }
  return regGet(table, name);
}

/** Assignment to a bare name in a method: true when it updated a property of self. */
export function selfSet(self: Value, name: string, v: Value): boolean {
  if (self instanceof GrGraph && self.props[name] !== undefined) {
    graphSetProp(self, name, v);
    return true;
  }
  return false;
}

/** `name(args)` inside a method: self's method, then a variable, then the registry (core.md §6.9). */
export function callBare(self: Value, variable: Value | undefined, table: FnTable, name: string, args: Value[], names: (string | null)[] | null): Value {
  if (self instanceof GrGraph) {
    const variants = self.methods.get(name);
    if (variants !== undefined) {
      const v = pickVariant(self, variants);
      if (v) return invokeVariant(self, v, args);
    }
  }
  if (variable !== undefined) return callFunctionNamed(variable, args, names);
  const f = table[name];
  if (f !== undefined && !isPlaceholder(f)) return callReg(table, name, args, names);
  throw rtError(`Undefined variable: ${name}`);
}

// ---------------------------------------------------------------- class introspection methods

type ClassMethod = (g: GrGraph, args: Value[], names: (string | null)[] | null) => Value;

function classChain(g: GrGraph): GrGraph[] {
  const out: GrGraph[] = [];
  for (let c: GrGraph | null = g.template ?? g; c; c = c.parent) out.push(c);
  return out;
}

function responds(g: GrGraph, name: string): boolean {
  return g.methods.has(name);
}

const classMethods: Record<string, ClassMethod> = {
  type_of: (g) => g.className ?? "graph",
  is_a: (g, args) => {
    const target = args[0];
    const chain = classChain(g);
    if (target instanceof GrGraph) return chain.includes(target) || chain.some((c) => c.className !== null && c.className === target.className);
    if (typeof target === "string") return chain.some((c) => c.className === target);
    return false;
  },
  template: (g) => g.template ?? null,
  responds_to: (g, args) => typeof args[0] === "string" && responds(g, args[0]),
  ancestors: (g) => new GrList(classChain(g).slice(1).map((c) => c.className ?? "graph")),
  include: (g, args) => {
    const mixin = args[0];
    if (!(mixin instanceof GrGraph)) throw rtError("include() expects a graph");
    // A fresh map: instances created before keep the old one (core.md §10.2).
    const methods = new Map([...g.methods].map(([k, v]) => [k, v.slice()]));
    const copied: string[] = [];
    for (const [name, variants] of mixin.methods) {
      if (name.startsWith("_")) continue;
      methods.set(name, variants.slice());
      copied.push(name);
    }
    g.methods = methods;
    return new GrList(copied);
  },
  remove_method: (g, args) => {
    const name = args[0];
    if (typeof name === "string" && g.methods.has(name)) {
      const methods = new Map(g.methods);
      methods.delete(name);
      g.methods = methods;
    }
    return null;
  },
  method_reads: () => new GrList([]),
  method_writes: () => new GrList([]),
  property_readers: () => new GrList([]),
  property_writers: () => new GrList([]),
  dependencies: () => new GrList([]),
  dependents: () => new GrList([]),
  dependency_order: () => new GrList([]),
  methods: (g) => new GrList([...g.methods.keys()]),
  properties: (g) => new GrMap(new Map(Object.keys(g.props).map((k) => [k, share(g.props[k]!)]))),
};

/** Whether `self`'s class (or the value itself) defines a method: used for universal-method precedence. */
export function hasUserMethod(v: Value, name: string): boolean {
  return v instanceof GrGraph && v.methods.has(name) && universalMethods[name] === undefined;
}
