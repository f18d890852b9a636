// bignum (core.md §3.3, §3.4; low priority). graphoid-js keeps every number a double: a declared
// `bignum`, `to_bignum()` and a `**` result the reference would promote are boxes that report
// their type; arithmetic with a box gives a box. Printing is the same either way. (Sums and
// products beyond 2^53 stay plain numbers: checking every `+` and `*` would cost all programs.)
import { formatNumber } from "./format.js";
import type { GrObject, Value } from "./value.js";
import { numberMethods } from "../methods/table.js";

export class GrBigNum implements GrObject {
  constructor(readonly v: number) {}

  grType(): string {
    return "bignum";
  }

  grDisplay(): string {
    return formatNumber(this.v);
  }

  grTruthy(): boolean {
    return this.v !== 0;
  }

  grToNum(): number {
    return this.v;
  }

  grEquals(other: unknown): boolean {
    return (other instanceof GrBigNum ? other.v : other) === this.v;
  }

  /** Number methods answer for the double inside. */
  grCallMethod(name: string, args: Value[], names: (string | null)[] | null): Value | undefined {
    if (name === "is_bignum") return true;
    const m = numberMethods[name];
    return m ? m(this.v, args, names) : undefined;
  }
}

const LIMIT = 9007199254740992;

/** `a ** b` promotes like the reference (core.md §3.3): an infinite result, or beyond 2^53. */
export function promotedPower(a: number, b: number, r: number): number | GrBigNum {
  const big = (x: number) => x > LIMIT || x < -LIMIT;
  if (r === Infinity || r === -Infinity || big(a) || big(b) || (big(r) && Number.isInteger(a) && Number.isInteger(b))) {
    return new GrBigNum(r);
  }
  return r;
}

export function toBignum(v: unknown): unknown {
  return typeof v === "number" ? new GrBigNum(v) : v;
}
