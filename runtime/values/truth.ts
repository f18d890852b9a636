// Truthiness and equality (core.md §3.7, §3.8; collections.md §1.5, §1.6).
import { GrSymbol } from "./symbol.js";
import { GrList } from "./list.js";
import { GrMap } from "./map.js";
import { GrFunction } from "./function.js";
import { GrErrorValue } from "./error.js";
import { isGrObject } from "./format.js";
import { FrozenScalar } from "./frozen_scalar.js";
import { GrBigNum } from "./bignum.js";
import type { Value } from "./value.js";

export function truthy(v: Value): boolean {
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "string":
      return v.length > 0;
  }
  if (v === null) return false;
  if (v instanceof GrList) return v.items.length > 0;
  if (v instanceof GrMap) return v.entries.size > 0;
  if (isGrObject(v)) return v.grTruthy();
  return true;
}

/** Objects that define their own `==` (graphs, times, channels, actors, patterns). */
export interface GrEquatable {
  grEquals(other: unknown): boolean;
}

function isEquatable(v: unknown): v is GrEquatable {
  return typeof v === "object" && v !== null && typeof (v as GrEquatable).grEquals === "function";
}

export function equals(a: Value, b: Value): boolean {
  if (a === b) return typeof a !== "number" || a === a;
  if (a instanceof FrozenScalar) return equals(a.value, b);
  if (b instanceof FrozenScalar) return equals(a, b.value);
  if (a instanceof GrBigNum) return equals(a.v, b instanceof GrBigNum ? b.v : b);
  if (b instanceof GrBigNum) return equals(a, b.v);
  if (typeof a === "number" || typeof b === "number") return false; // NaN, or num vs other
  if (a === null || b === null) return false;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (a instanceof GrList) {
    if (!(b instanceof GrList) || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) if (!equals(a.items[i]!, b.items[i]!)) return false;
    return true;
  }
  if (a instanceof GrMap) {
    if (!(b instanceof GrMap) || a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) {
      if (!b.entries.has(k) || !equals(v, b.entries.get(k)!)) return false;
    }
    return true;
  }
  if (a instanceof GrSymbol) return false; // interned: identity already compared
  if (a instanceof GrFunction) {
    return (
      b instanceof GrFunction &&
      a.name === b.name &&
      a.params.length === b.params.length &&
      a.params.every((p, i) => p === b.params[i])
    );
  }
  if (a instanceof GrErrorValue) {
    return b instanceof GrErrorValue && a.errorType === b.errorType && a.message === b.message;
  }
  if (isEquatable(a)) return a.grEquals(b);
  return false;
}
