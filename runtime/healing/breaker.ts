// Circuit breakers (healing.md §2): `@circuit_breaker(...)` on a declaration (the compiler places
// the wrapper, IR node `breakerWrap`) and `f.add_rule(:circuit_breaker, ...)` at run time. A healthy
// call costs one state check and two counter updates around the direct call of the compiled body.
import { GrFunction } from "../values/function.js";
import { GrMap } from "../values/map.js";
import { GrSymbol, sym } from "../values/symbol.js";
import { GraphoidError, rtError, typedError } from "../values/error.js";
import { callFunction } from "../call.js";
import { now } from "../clock.js";
import { functionMethods } from "../methods/table.js";
import type { Value } from "../values/value.js";

type State = "closed" | "open" | "half_open";

export interface BreakerOptions {
  failureThreshold: number;
  /** Seconds the circuit stays open before trial calls are let through. */
  recoveryTimeout: number;
  halfOpenCalls: number;
  /** Seconds a call may take before it counts as failed, or null. */
  timeout: number | null;
  /** A value, or a function called with the same arguments; undefined when none was given. */
  fallback: Value | undefined;
}

type Listener = (event: string, fn: GrFunction) => void;
const listeners: Listener[] = [];

/** `heal.on(:breaker_open, f)` and friends register here. */
export function onBreakerEvent(l: Listener): void {
  listeners.push(l);
}

export class Breaker {
  state: State = "closed";
  failures = 0;
  successes = 0;
  rejected = 0;
  calls = 0;
  openedAt: number | null = null;

  constructor(
    readonly options: BreakerOptions,
    readonly target: GrFunction,
    /** The wrapped function value (the one programs hold), for events. */
    public wrapper: GrFunction | null = null,
  ) {}

  private emit(event: string): void {
    if (this.wrapper) for (const l of listeners) l(event, this.wrapper);
  }

  private open(): void {
    this.state = "open";
    this.openedAt = now();
    this.successes = 0;
    this.emit("breaker_open");
  }

  private close(): void {
    this.state = "closed";
    this.failures = 0;
    this.successes = 0;
    this.openedAt = null;
    this.emit("breaker_close");
  }

  reset(): void {
    this.state = "closed";
    this.failures = 0;
    this.successes = 0;
    this.openedAt = null;
  }

  /** Whether a call may run now (moving an expired open circuit to half-open). */
  admits(): boolean {
    if (this.state !== "open") return true;
    if (now() - this.openedAt! >= this.options.recoveryTimeout * 1000) {
      this.state = "half_open";
      this.successes = 0;
      this.emit("breaker_half_open");
      return true;
    }
    return false;
  }

  succeeded(): void {
    if (this.state === "half_open") {
      this.successes++;
      if (this.successes >= this.options.halfOpenCalls) this.close();
    } else {
      this.failures = 0;
      this.successes++;
    }
  }

  failed(): void {
    this.failures++;
    if (this.state === "half_open" || this.failures >= this.options.failureThreshold) this.open();
  }

  fallback(args: Value[], error: GraphoidError | null): Value {
    const fb = this.options.fallback;
    if (fb === undefined) {
      if (error) throw error;
      throw typedError("CircuitOpenError", `Circuit for '${this.target.displayName}' is open`);
    }
    return fb instanceof GrFunction ? callFunction(fb, args) : fb;
  }

  call(args: Value[], run: () => Value): Value {
    this.calls++;
    if (!this.admits()) {
      this.rejected++;
      return this.fallback(args, null);
    }
    const started = this.options.timeout === null ? 0 : now();
    let result: Value;
    try {
      result = run();
    } catch (e) {
      this.failed();
      if (!(e instanceof GraphoidError)) throw e;
      return this.fallback(args, e);
    }
    if (this.options.timeout !== null && now() - started > this.options.timeout * 1000) {
      this.failed();
      return this.fallback(args, rtError(`Call to '${this.target.displayName}' timed out`));
    }
    this.succeeded();
    return result;
  }

  report(): GrMap {
    return new GrMap(
      new Map<string, Value>([
        ["state", sym(this.state)],
        ["failures", this.failures],
        ["successes", this.successes],
        ["rejected", this.rejected],
        ["calls", this.calls],
        ["opened_at", this.openedAt === null ? null : this.openedAt / 1000],
      ]),
    );
  }
}

function numberOption(options: GrMap, key: string, fallback: number): number {
  const v = options.entries.get(key);
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "number" || v < 0) throw rtError(`circuit_breaker ${key} must be a non-negative number`);
  return v;
}

export function parseBreakerOptions(options: GrMap): BreakerOptions {
  const known = new Set(["failure_threshold", "recovery_timeout", "half_open_calls", "timeout", "fallback"]);
  for (const k of options.entries.keys()) {
    if (!known.has(k)) throw rtError(`circuit_breaker does not take option '${k}'`);
  }
  const timeout = options.entries.get("timeout");
  return {
    failureThreshold: numberOption(options, "failure_threshold", 5),
    recoveryTimeout: numberOption(options, "recovery_timeout", 60),
    halfOpenCalls: numberOption(options, "half_open_calls", 1),
    timeout: typeof timeout === "number" ? timeout : null,
    fallback: options.entries.has("fallback") ? options.entries.get("fallback")! : undefined,
  };
}

/** Wraps a function value in a breaker; the wrapper keeps the name and parameters. */
export function wrapBreaker(target: Value, options: GrMap): GrFunction {
  if (!(target instanceof GrFunction)) throw rtError("@circuit_breaker applies to functions");
  const breaker = new Breaker(parseBreakerOptions(options), target);
  const impl = target.impl;
  const wrapped = new GrFunction(
    target.name,
    target.params,
    (...args: Value[]) => breaker.call(args, () => impl(...args)),
    target.kind,
    target.variadic,
    target.defaults,
  );
  const gen = target.gen;
  if (gen) {
    wrapped.gen = function* (...args: Value[]) {
      // Tasks: the same accounting around the generator body.
      breaker.calls++;
      if (!breaker.admits()) {
        breaker.rejected++;
        return breaker.fallback(args, null);
      }
      let result: Value;
      try {
        result = yield* gen(...args);
      } catch (e) {
        breaker.failed();
        if (!(e instanceof GraphoidError)) throw e;
        return breaker.fallback(args, e);
      }
      breaker.succeeded();
      return result;
    };
  }
  wrapped.healing = breaker;
  breaker.wrapper = wrapped;
  return wrapped;
}

function breakerOf(f: GrFunction): Breaker {
  if (!(f.healing instanceof Breaker)) throw rtError(`Function '${f.displayName}' has no circuit breaker`);
  return f.healing;
}

functionMethods.breaker = (f: GrFunction) => breakerOf(f).report();
functionMethods.breaker_reset = (f: GrFunction) => {
  breakerOf(f).reset();
  return null;
};
functionMethods.rules = (f: GrFunction) => new GrMap(new Map(f.healing instanceof Breaker ? [["circuit_breaker", breakerOf(f).report() as Value]] : []));
/** `f.add_rule(:circuit_breaker, failure_threshold: 3)`: a new function value with a breaker. */
functionMethods.add_rule = (f: GrFunction, args, names) => {
  const rule = args[0];
  if (!(rule instanceof GrSymbol) || rule.name !== "circuit_breaker") {
    throw rtError(`Unknown function rule: ${rule instanceof GrSymbol ? ":" + rule.name : String(rule)}`);
  }
  const entries = new Map<string, Value>();
  for (let i = 1; i < args.length; i++) {
    const name = names?.[i];
    if (!name) throw rtError("add_rule(:circuit_breaker, ...) takes named options");
    entries.set(name, args[i]!);
  }
  return wrapBreaker(f, new GrMap(entries));
};
