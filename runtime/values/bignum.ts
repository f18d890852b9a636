// bignum (core.md §3.3, §3.4; low priority). graphoid-js keeps every number a double: a declared
// `bignum` (or `to_bignum()`) is a box that reports its type, and a plain number beyond 2^53
// reports `bignum` as the reference's automatic promotion would. Printing is the same either way.
import { formatNumber } from "./format.js";
import type { GrObject } from "./value.js";

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
}

/** The magnitude beyond which the reference's arithmetic would have promoted to bignum. */
export function looksPromoted(n: number): boolean {
  return n > 9007199254740992 || n < -9007199254740992;
}

export function toBignum(v: unknown): unknown {
  return typeof v === "number" ? new GrBigNum(v) : v;
}
