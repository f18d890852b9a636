// A number, string or bool frozen on its own (`5.freeze()`, core.md §11.2, collections.md §10.1).
//
// Every value of the reference carries a frozen flag; collections have one (`GrCollection.frozen`)
// but JS primitives cannot, so an explicitly frozen scalar is boxed. The box prints, types and
// tests truthy like its value. This module depends on nothing but format.ts, so that the operators
// and `equals` (truth.ts) can import `unwrapFrozen` without an import cycle.
import { display, typeName } from "./format.js";
import type { GrObject, Value } from "./value.js";

export type FreezableScalar = number | string | boolean;

export class FrozenScalar implements GrObject {
  constructor(readonly value: FreezableScalar) {}

  grType(): string {
    return typeName(this.value);
  }

  grDisplay(): string {
    return display(this.value);
  }

  grTruthy(): boolean {
    const v = this.value;
    return typeof v === "string" ? v.length > 0 : typeof v === "number" ? v !== 0 : v;
  }

  /** Freezing never changes equality (collections.md §10.2); scalars compare with `===`. */
  grEquals(other: unknown): boolean {
    return this.value === (other instanceof FrozenScalar ? other.value : other);
  }
}

/** The plain value behind a frozen scalar; every other value unchanged. */
export function unwrapFrozen(v: Value): Value {
  return v instanceof FrozenScalar ? v.value : v;
}
