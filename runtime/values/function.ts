import type { Value } from "./value.js";

export type FnKind = "fn" | "lambda" | "builtin" | "method";

/** Compiled body: receives exactly `params.length` arguments (the variadic one as a GrList). */
export type FnImpl = (...args: any[]) => Value;
/** The same body compiled as a generator, used when the call runs inside a task (docs/ARCHITECTURE.md). */
export type GenImpl = (...args: any[]) => Generator<unknown, Value, unknown>;
/** Default-value thunks, evaluated at call time. */
export type DefaultThunk = () => Value;

/**
 * A function value. Copies of the value are the same object, so they share the persistent
 * environment that the compiled closure keeps (core.md §6.8).
 */
export class GrFunction {
  /** Generator version of `impl`; null when the module was compiled without task support. */
  gen: GenImpl | null = null;
  /** Attached healing state (circuit breaker etc.), set by runtime/healing. */
  healing: unknown = null;
  /** A pattern-clause body (core.md §6.7): must be called with exactly one argument. */
  clauses = false;
  /** The stand-in a function-table slot holds until its declaration runs (never a program value). */
  placeholder = false;

  constructor(
    public name: string | null,
    public params: readonly string[],
    public impl: FnImpl,
    public kind: FnKind = "fn",
    /** Index of the `...rest` parameter, or -1. */
    public variadic: number = -1,
    /** Per-parameter default thunks (null entries: no default), or null when none has one. */
    public defaults: readonly (DefaultThunk | null)[] | null = null,
  ) {}

  get arity(): number {
    return this.params.length;
  }

  /** Name used in error messages. */
  get displayName(): string {
    return this.name ?? "<anonymous>";
  }
}
