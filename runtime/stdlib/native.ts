// Shared plumbing for the native standard-library modules (runtime.md §4): builtin function
// values that see the exact argument list, argument readers with module-style messages, and
// registration in the runtime's native module table.
import { GrFunction } from "../values/function.js";
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { rtError, typedError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/frozen_scalar.js";
import { GrBigNum } from "../values/bignum.js";
import { nativeModules } from "../modules.js";
import { host, type FileSystemHost } from "../host.js";
import type { Value } from "../values/value.js";

export type NativeImpl = (args: Value[]) => Value;

/**
 * A builtin function value (`<native function>`). It is declared variadic so the implementation
 * receives every argument and can report counts in its own words (`env() requires exactly one
 * argument (variable name)`) instead of the generic arity error.
 */
export function nativeFunction(name: string, impl: NativeImpl): GrFunction {
  return new GrFunction(
    name,
    ["args"],
    (rest: GrList) => impl(rest.items.map(plainArg)),
    "builtin",
    0,
  );
}

/** Frozen scalars and bignum boxes arrive as the plain values they stand for. */
function plainArg(v: Value): Value {
  const plain = unwrapFrozen(v);
  return plain instanceof GrBigNum ? plain.v : plain;
}

/** Registers a native module: `members` runs once, on the first import. */
export function registerNativeModule(importName: string, displayName: string, members: () => Record<string, Value>): void {
  nativeModules[importName] = { name: displayName, members };
}

/** Builds a member table from plain implementations. */
export function functions(table: Record<string, NativeImpl>): Record<string, Value> {
  const out: Record<string, Value> = Object.create(null);
  for (const [name, impl] of Object.entries(table)) out[name] = nativeFunction(name, impl);
  return out;
}

export function numberParam(fnName: string, v: Value | undefined, what = "number"): number {
  if (typeof v === "number") return v;
  throw rtError(`${fnName}() expects a ${what}, got ${typeName(v ?? null)}`);
}

export function stringParam(fnName: string, v: Value | undefined, what = "string"): string {
  if (typeof v === "string") return v;
  throw rtError(`${fnName}() expects a ${what}, got ${typeName(v ?? null)}`);
}

export function listParam(fnName: string, v: Value | undefined): GrList {
  if (v instanceof GrList) return v;
  throw rtError(`${fnName}() expects a list, got ${typeName(v ?? null)}`);
}

export function mapParam(fnName: string, v: Value | undefined): GrMap {
  if (v instanceof GrMap) return v;
  throw rtError(`${fnName}() expects a map, got ${typeName(v ?? null)}`);
}

export function expectArgs(fnName: string, args: Value[], count: number, described: string): void {
  if (args.length !== count) {
    const n = count === 1 ? "one argument" : count === 2 ? "two arguments" : `${count} arguments`;
    throw rtError(`${fnName}() requires exactly ${n} (${described})`);
  }
}

/** The host's file system, or the IOError a browser build raises (runtime.md §4.12). */
export function fileSystem(what: string): FileSystemHost {
  const fs = host.fs;
  if (fs === null) throw typedError("IOError", `${what} is not available in the browser (no file system)`);
  return fs;
}

/**
 * Node reports `ENOENT: no such file or directory, open 'x'`; the reference (Rust) says
 * `No such file or directory (os error 2)`. Messages keep the reference's shape for the usual codes.
 */
export function osErrorText(e: unknown): string {
  const err = e as { code?: string; message?: string };
  switch (err.code) {
    case "ENOENT":
      return "No such file or directory (os error 2)";
    case "EACCES":
      return "Permission denied (os error 13)";
    case "EISDIR":
      return "Is a directory (os error 21)";
    case "ENOTDIR":
      return "Not a directory (os error 20)";
    case "EEXIST":
      return "File exists (os error 17)";
    case "ENOSPC":
      return "No space left on device (os error 28)";
  }
  return err.message ?? String(e);
}
