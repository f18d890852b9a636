// Universal methods (core.md §3.10, collections.md §1.3, §10): answered by every value except
// modules, before any type-specific or user-defined method.
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { GrErrorValue } from "../values/error.js";
import { sym } from "../values/symbol.js";
import { mapOf } from "../values/map.js";
import { isGrObject, toStringForm, typeName } from "../values/format.js";
import { truthy } from "../values/truth.js";
import { FrozenScalar, countFrozen, deepFreeze, hasFrozen, isFrozen, unwrapFrozen } from "../values/freeze.js";
import { GrBigNum, toBignum } from "../values/bignum.js";
import { universalMethods, type MethodImpl, type MethodTable } from "./table.js";
import { expectNoArgs } from "./args.js";
import type { Value } from "../values/value.js";

// ---------------------------------------------------------------- to_num

/**
 * What Rust's `str::parse::<f64>` accepts: an optional sign, then digits with an optional point
 * (`5.`, `.5`), an optional exponent, or `inf` / `infinity` / `nan` in any case. No surrounding
 * spaces, no hex, no separators.
 */
const RUST_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** `"1e3".to_num()` → 1000; text Rust would not parse → none. */
export function parseRustFloat(text: string): number | null {
  if (!RUST_FLOAT.test(text)) return null;
  const body = text.replace(/^[+-]/, "").toLowerCase();
  const negative = text.startsWith("-");
  if (body === "nan") return NaN;
  if (body === "inf" || body === "infinity") return negative ? -Infinity : Infinity;
  return Number(text);
}

/** Objects that convert themselves (a time converts to its timestamp). */
interface NumConvertible {
  grToNum(): number;
}

function isNumConvertible(v: unknown): v is NumConvertible {
  return typeof v === "object" && v !== null && typeof (v as NumConvertible).grToNum === "function";
}

/** `x.to_num()` (core.md §3.10): lists and hashes give their size, unconvertible values 0. */
export function toNum(value: Value): number | null {
  const v = unwrapFrozen(value);
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseRustFloat(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof GrList) return v.items.length;
  if (v instanceof GrMap) return v.entries.size;
  if (isGrObject(v) && isNumConvertible(v)) return v.grToNum();
  return 0;
}

// ---------------------------------------------------------------- has_frozen

/**
 * `has_frozen()` → bool; `has_frozen(:count)` / `has_frozen(:count, :deep)` → a hash of counts
 * whose `has_frozen` says whether any counted element is frozen.
 */
function hasFrozenMethod(recv: Value, args: Value[]): Value {
  if (args[0] !== sym("count")) return hasFrozen(recv);
  const counts = countFrozen(recv, args[1] === sym("deep"));
  const total = counts.collections + counts.primitives;
  return mapOf([
    ["has_frozen", total > 0],
    ["frozen_count", total],
    ["frozen_collections", counts.collections],
    ["frozen_primitives", counts.primitives],
  ]);
}

// ---------------------------------------------------------------- to_string

/**
 * `x.to_string()`. A list quotes its string elements; a frozen string element is still a string,
 * so elements are unboxed first (format.ts only knows plain values).
 */
function toStringMethod(recv: Value): string {
  const v = unwrapFrozen(recv);
  if (v instanceof GrList && v.items.some((e) => e instanceof FrozenScalar)) {
    return toStringForm(new GrList(v.items.map(unwrapFrozen)));
  }
  return toStringForm(v);
}

// ---------------------------------------------------------------- the table

/** A method that takes no arguments and fails like the reference when given some. */
function noArgs(name: string, f: (recv: Value) => Value): MethodImpl<Value> {
  return (recv, args) => {
    expectNoArgs(name, args);
    return f(recv);
  };
}

const methods: MethodTable<Value> = {
  type: noArgs("type", typeName),
  type_name: noArgs("type_name", (v) => (v instanceof GrErrorValue ? "error" : typeName(v))),
  to_string: noArgs("to_string", toStringMethod),
  to_num: noArgs("to_num", toNum),
  to_bool: noArgs("to_bool", truthy),
  // freeze and is_frozen ignore their arguments (`freeze(shallow: true)` still freezes deeply).
  freeze: (recv) => deepFreeze(recv),
  is_frozen: (recv) => isFrozen(recv),
  has_frozen: hasFrozenMethod,
  // bignum is low priority: every number is a num, and a num always fits in one.
  to_bignum: noArgs("to_bignum", (v) => toBignum(unwrapFrozen(v)) as Value),
  is_bignum: noArgs("is_bignum", (v) => v instanceof GrBigNum),
  fits_in_num: noArgs("fits_in_num", (v) => typeof unwrapFrozen(v) === "number"),
};

Object.assign(universalMethods, methods);
