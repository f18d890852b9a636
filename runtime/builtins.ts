// Builtin functions (core.md §6.11, §3.10): resolved before any user definition.
import { host } from "./host.js";
import { display, typeName } from "./values/format.js";
import { GrList } from "./values/list.js";
import { GrMap } from "./values/map.js";
import { rtError } from "./values/error.js";
import { makeError, getErrors, clearErrors } from "./errors.js";
import { utf8Length } from "./methods/string.js";
import { parseRustFloat } from "./methods/universal.js";
import { makeNodePattern, makeEdgePattern, makePathPattern } from "./graph/index.js";
import type { Value } from "./values/value.js";

type Names = (string | null)[] | null;
export type BuiltinImpl = (args: Value[], names: Names) => Value;

export function print(...args: Value[]): null {
  let line = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0) line += " ";
    line += display(args[i]!);
  }
  host.stdout(line + "\n");
  return null;
}

function length(args: Value[]): Value {
  const v = args[0] ?? null;
  if (typeof v === "string") return utf8Length(v);
  if (v instanceof GrList) return v.items.length;
  if (v instanceof GrMap) return v.entries.size;
  throw rtError(`Type error: expected string, list, or map, got ${typeName(v)}`);
}

function int(args: Value[]): Value {
  const v = args[0] ?? null;
  // An i64 in the reference: no negative zero.
  if (typeof v === "number") return Math.trunc(v) + 0;
  if (typeof v === "string") {
    const n = parseRustFloat(v);
    if (n === null) throw rtError(`Cannot convert '${v}' to int`);
    return Math.trunc(n) + 0;
  }
  throw rtError(`Type error: expected number or string, got ${typeName(v)}`);
}

/** Builtins provided by other parts of the runtime (concurrency, isolation) register here. */
export const builtins: Record<string, BuiltinImpl> = {
  print: (args) => print(...args),
  length,
  int,
  get_errors: () => getErrors(),
  clear_errors: () => clearErrors(),
  node: (args, names) => makeNodePattern(args, names),
  edge: (args, names) => makeEdgePattern(args, names),
  path: (args, names) => makePathPattern(args, names),
  RuntimeError: (args) => makeError("RuntimeError", args),
  ValueError: (args) => makeError("ValueError", args),
  TypeError: (args) => makeError("TypeError", args),
  IOError: (args) => makeError("IOError", args),
  NetworkError: (args) => makeError("NetworkError", args),
  ParseError: (args) => makeError("ParseError", args),
};

export function callBuiltin(name: string, args: Value[], names: Names): Value {
  const f = builtins[name];
  if (f === undefined) throw rtError(`${name}() is not available in graphoid-js`);
  return f(args, names);
}
