// Argument checks shared by the method tables. Messages follow the reference (core.md §7.7).
import { GrFunction } from "../values/function.js";
import { GrList } from "../values/list.js";
import { GrCollection } from "../values/collection.js";
import { rtError } from "../values/error.js";
import { formatNumber, typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import { notCallable } from "../call.js";
import type { Value } from "../values/value.js";

export const FROZEN_MESSAGE = "Cannot modify frozen graph";

/** Writes through a frozen list, hash or graph fail (collections.md §10.2). */
export function ensureMutable(c: GrCollection): void {
  if (c.frozen) throw rtError(FROZEN_MESSAGE);
}

/** `Method 'sort' expects 0 arguments, but got 1` */
export function expectArgCount(method: string, args: readonly Value[], n: number): void {
  if (args.length !== n) throw rtError(`Method '${method}' expects ${n} arguments, but got ${args.length}`);
}

/** `Method 'to_num' takes no arguments, but got 1` */
export function expectNoArgs(method: string, args: readonly Value[]): void {
  if (args.length > 0) throw rtError(`Method '${method}' takes no arguments, but got ${args.length}`);
}

export function typeError(expected: string, got: Value): never {
  throw rtError(`Type error: expected ${expected}, got ${typeName(got)}`);
}

export function numberArg(v: Value | undefined): number {
  const n = v === undefined ? null : unwrapFrozen(v);
  return typeof n === "number" ? n : typeError("number", n);
}

export function stringArg(v: Value | undefined): string {
  const s = v === undefined ? null : unwrapFrozen(v);
  return typeof s === "string" ? s : typeError("string", s);
}

/** An index as the reference uses it: truncated toward zero, never negative zero. */
export function toInt(n: number): number {
  return Math.trunc(n) + 0;
}

/** An index for a message: `5`, `-4`. */
export function formatIndex(n: number): string {
  return formatNumber(n);
}

export function isCallable(f: Value): boolean {
  return f instanceof GrFunction || f instanceof GrList;
}

/** Functions passed to map/filter/each/reduce are checked before any element is visited. */
export function expectCallable(f: Value | undefined): Value {
  const fn = f ?? null;
  if (!isCallable(fn)) throw notCallable(fn);
  return fn;
}
