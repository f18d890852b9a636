// Test helpers for the value methods: a minimal stand-in for the dispatcher (universal table
// first, then the receiver's table, then the hash key fallback) and value builders.
import "../../runtime/methods/index.js";
import {
  listMethods,
  mapMethods,
  numberMethods,
  stringMethods,
  symbolMethods,
  universalMethods,
  type MethodTable,
} from "../../runtime/methods/table.js";
import { mapMethodFallback, unknownMethodError } from "../../runtime/methods/index.js";
import { GrList } from "../../runtime/values/list.js";
import { GrMap } from "../../runtime/values/map.js";
import { GrSymbol, sym } from "../../runtime/values/symbol.js";
import { GrFunction } from "../../runtime/values/function.js";
import { GraphoidError } from "../../runtime/values/error.js";
import { display } from "../../runtime/values/format.js";
import { unwrapFrozen } from "../../runtime/values/freeze.js";
import type { Value } from "../../runtime/values/value.js";

function tableFor(v: Value): MethodTable | null {
  if (typeof v === "number") return numberMethods;
  if (typeof v === "string") return stringMethods;
  if (v instanceof GrList) return listMethods;
  if (v instanceof GrMap) return mapMethods;
  if (v instanceof GrSymbol) return symbolMethods;
  return null;
}

/** `recv.name(args…)` */
export function call(recv: Value, name: string, ...args: Value[]): Value {
  const universal = universalMethods[name];
  if (universal) return universal(recv, args, null);
  const plain = unwrapFrozen(recv);
  const impl = tableFor(plain)?.[name];
  if (impl) return impl(plain, args, null);
  if (plain instanceof GrMap) return mapMethodFallback(plain, name);
  throw unknownMethodError(recv, name);
}

/** `print(recv.name(args…))` */
export function shown(recv: Value, name: string, ...args: Value[]): string {
  return display(call(recv, name, ...args));
}

/** The message of the Graphoid error `f` raises (what `e.message()` returns). */
export function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof GraphoidError) return e.value.message;
    throw e;
  }
  throw new Error("expected a Graphoid error");
}

export function errorTypeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof GraphoidError) return e.value.errorType;
    throw e;
  }
  throw new Error("expected a Graphoid error");
}

export function list(...items: Value[]): GrList {
  return new GrList(items);
}

export function hash(obj: Record<string, Value>): GrMap {
  return new GrMap(new Map(Object.entries(obj)));
}

/** A lambda whose body is a JS function of its parameters. */
export function lambda(params: string[], body: (...args: Value[]) => Value): GrFunction {
  return new GrFunction(null, params, body, "lambda");
}

export const fn1 = (body: (x: Value) => Value) => lambda(["x"], body);

export { sym, display };
