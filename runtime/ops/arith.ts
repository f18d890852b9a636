// Operators on values (core.md §4). Compiled code inlines the number-number case and calls these
// for everything else, so each function here is the complete, checked semantics.
import { GrList } from "../values/list.js";
import { GrErrorValue, rtError } from "../values/error.js";
import { display, typeName } from "../values/format.js";
import { equals, truthy } from "../values/truth.js";
import { settings, collectedErrors } from "../config.js";
import { GrBigNum, promotedPower } from "../values/bignum.js";
import { FrozenScalar, unwrapFrozen } from "../values/frozen_scalar.js";
import type { Value } from "../values/value.js";

/** A failure that `error_mode: :lenient`/`:collect` turns into `none` (core.md §7.6). */
export function softFail(message: string): null {
  if (settings.errorMode === "strict") throw rtError(message);
  if (settings.errorMode === "collect") collectedErrors.push(new GrErrorValue("RuntimeError", "Runtime error: " + message));
  return null;
}

/**
 * Operands in a box: a frozen scalar computes as its value; with a bignum operand the result stays
 * a bignum. Undefined when neither operand is boxed.
 */
function viaBoxes(a: Value, b: Value, op: (x: Value, y: Value) => Value): Value | undefined {
  if (a instanceof FrozenScalar || b instanceof FrozenScalar) return op(unwrapFrozen(a), unwrapFrozen(b));
  if (!(a instanceof GrBigNum) && !(b instanceof GrBigNum)) return undefined;
  const r = op(a instanceof GrBigNum ? a.v : a, b instanceof GrBigNum ? b.v : b);
  return typeof r === "number" ? new GrBigNum(r) : r;
}

function typeError(expected: string, a: Value, b: Value): never {
  throw rtError(`Type error: expected ${expected}, got ${typeName(a)} and ${typeName(b)}`);
}

/** The concatenation form: print form, except that `none` shows as `none` too. */
function concatText(v: Value): string {
  return display(v);
}

export function add(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return a + b;
  if (typeof a === "string" || typeof b === "string") return concatText(a) + concatText(b);
  return viaBoxes(a, b, add) ?? typeError("number or string", a, b);
}

export function sub(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return viaBoxes(a, b, sub) ?? typeError("number", a, b);
}

export function mul(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return a * b;
  return viaBoxes(a, b, mul) ?? typeError("number", a, b);
}

export function div(a: Value, b: Value): number | null {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return softFail("Division by zero");
    return a / b;
  }
  return (viaBoxes(a, b, div) as number | null | undefined) ?? typeError("number", a, b);
}

export function intDiv(a: Value, b: Value): number | null {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return softFail("Division by zero");
    return Math.trunc(a / b);
  }
  return (viaBoxes(a, b, intDiv) as number | null | undefined) ?? typeError("number or bignum", a, b);
}

export function mod(a: Value, b: Value): number | null {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return softFail("Modulo by zero");
    return a % b;
  }
  return (viaBoxes(a, b, mod) as number | null | undefined) ?? typeError("number", a, b);
}

/**
 * `a ** b` as the reference's libm `pow`: V8's own `**` can be one unit in the last place off
 * for negative integer exponents (`10 ** -5`), so those go through an exact positive power.
 */
export function pow(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") {
    if (b < 0 && Number.isInteger(b) && Number.isInteger(a) && b >= -1074) {
      const p = a ** -b;
      if (Math.abs(p) <= 9007199254740992) return 1 / p;
    }
    return promotedPower(a, b, a ** b);
  }
  return viaBoxes(a, b, pow) ?? typeError("number", a, b);
}

export function neg(a: Value): Value {
  if (typeof a === "number") return -a;
  if (a instanceof FrozenScalar) return neg(a.value);
  if (a instanceof GrBigNum) return new GrBigNum(-a.v);
  throw rtError(`Type error: expected number, got ${typeName(a)}`);
}

export function not(a: Value): boolean {
  return !truthy(a);
}

// ---------------------------------------------------------------- comparison

function compareError(a: Value, b: Value): never {
  return typeError("number, string, or bignum", a, b);
}

export function lt(a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b) < 0;
  return (viaBoxes(a, b, lt) as boolean | undefined) ?? compareError(a, b);
}

export function le(a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b) <= 0;
  return (viaBoxes(a, b, le) as boolean | undefined) ?? compareError(a, b);
}

export function gt(a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") return a > b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b) > 0;
  return (viaBoxes(a, b, gt) as boolean | undefined) ?? compareError(a, b);
}

export function ge(a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") return a >= b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b) >= 0;
  return (viaBoxes(a, b, ge) as boolean | undefined) ?? compareError(a, b);
}

/** Lexicographic by code point (JS `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) {
        return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

export const eq = equals;

export function ne(a: Value, b: Value): boolean {
  return !equals(a, b);
}

// ---------------------------------------------------------------- bitwise (64-bit, core.md §4.5)

const I64_MAX = 2n ** 63n - 1n;
const I64_MIN = -(2n ** 63n);

/** Saturating f64 → i64. */
function toI64(n: number): bigint {
  if (n !== n) return 0n;
  if (n >= 9223372036854775807) return I64_MAX;
  if (n <= -9223372036854775808) return I64_MIN;
  return BigInt(Math.trunc(n));
}

function bitOperands(a: Value, b: Value): [bigint, bigint] {
  if (typeof a !== "number" || typeof b !== "number") return typeError("number or bignum", a, b);
  return [toI64(a), toI64(b)];
}

/** Fast path: both operands are 32-bit integers, where JS's own operators are exact. */
function small(a: Value, b: Value): boolean {
  return typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b;
}

export function bitAnd(a: Value, b: Value): number {
  if (small(a, b)) return (a as number) & (b as number);
  const [x, y] = bitOperands(a, b);
  return Number(BigInt.asIntN(64, x & y));
}

export function bitOr(a: Value, b: Value): number {
  if (small(a, b)) return (a as number) | (b as number);
  const [x, y] = bitOperands(a, b);
  return Number(BigInt.asIntN(64, x | y));
}

export function bitXor(a: Value, b: Value): number {
  if (small(a, b)) return (a as number) ^ (b as number);
  const [x, y] = bitOperands(a, b);
  return Number(BigInt.asIntN(64, x ^ y));
}

export function bitNot(a: Value): number {
  if (typeof a !== "number") throw rtError(`Type error: expected number, got ${typeName(a)}`);
  if ((a | 0) === a) return ~a;
  return Number(BigInt.asIntN(64, ~toI64(a)));
}

function shiftAmount(b: bigint): bigint {
  if (b >= 64n) throw rtError(`Shift amount ${b} too large (max 63)`);
  return b < 0n ? 0n : b;
}

export function shl(a: Value, b: Value): number {
  const [x, y] = bitOperands(a, b);
  return Number(BigInt.asIntN(64, x << shiftAmount(y)));
}

export function shr(a: Value, b: Value): number {
  const [x, y] = bitOperands(a, b);
  const n = shiftAmount(y);
  if (settings.unsigned) return Number(BigInt.asUintN(64, x) >> n);
  return Number(x >> n);
}

// ---------------------------------------------------------------- element-wise (core.md §4.6)

const ELEMENTWISE: Record<string, (a: Value, b: Value) => Value> = {
  ".+": add,
  ".-": sub,
  ".*": mul,
  "./": div,
  ".//": intDiv,
  ".**": pow,
  ".==": equals,
  ".!=": ne,
  ".<": lt,
  ".<=": le,
  ".>": gt,
  ".>=": ge,
};

const UNSUPPORTED: Record<string, string> = { ".%": "DotModulo", ".^": "DotXor" };

export function elementwise(op: string, a: Value, b: Value): GrList {
  const aList = a instanceof GrList;
  const bList = b instanceof GrList;
  if (!aList && !bList) {
    throw rtError(`Element-wise operations require at least one list, got ${typeName(a)} and ${typeName(b)}`);
  }
  const unsupported = UNSUPPORTED[op];
  const f = ELEMENTWISE[op]!;
  const out: Value[] = [];
  if (aList && bList) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) out.push(apply(a.items[i]!, b.items[i]!));
  } else if (aList) {
    for (const x of a.items) out.push(apply(x, b));
  } else {
    for (const y of (b as GrList).items) out.push(apply(a, y));
  }
  return new GrList(out);

  function apply(x: Value, y: Value): Value {
    if (unsupported) throw rtError(`Unsupported scalar operation: ${unsupported}`);
    return f(x, y);
  }
}

export function regexMatch(negated: boolean): never {
  throw rtError(`Unsupported scalar operation: ${negated ? "RegexNoMatch" : "RegexMatch"}`);
}
