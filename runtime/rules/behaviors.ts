// The behavior catalogue (collections.md §7.2, §7.6). Each standard transformation is a small
// exported pure function so that the compiler can call (or mirror) it when it inlines a write site.
import { GrMap } from "../values/map.js";
import { GrFunction } from "../values/function.js";
import { GrList } from "../values/list.js";
import { GrSymbol } from "../values/symbol.js";
import { rtError, typedError, type GraphoidError } from "../values/error.js";
import { display, formatNumber, typeName } from "../values/format.js";
import { truthy } from "../values/truth.js";
import { FrozenScalar, deepCopyUnfrozen, isFrozen, unwrapFrozen, valueEquals } from "../values/freeze.js";
import { callFunction } from "../call.js";
import { host } from "../host.js";
import type { Behavior } from "./behavior.js";
import type { Value } from "../values/value.js";

// ---------------------------------------------------------------- pure transformations

/** Rounds halves away from zero (`2.5 → 3`, `-2.5 → -3`, `-0.4 → -0`), unlike `Math.round`. */
export function roundHalfAwayFromZero(n: number): number {
  const whole = Math.trunc(n);
  // The fraction of a double is exact, so this comparison has no rounding error of its own
  // (adding 0.5 first would turn 0.49999999999999994 into 1).
  return Math.abs(n - whole) >= 0.5 ? whole + Math.sign(n) : whole;
}

/** `:validate_range` on a number: the bound it crosses, else the number itself. */
export function clampRange(n: number, min: number, max: number): number {
  if (n < min) return min;
  if (n > max) return max;
  return n;
}

export function noneToZero(v: Value): Value {
  return v === null ? 0 : v;
}

export function noneToEmpty(v: Value): Value {
  return v === null ? "" : v;
}

export function positive(v: Value): Value {
  return typeof v === "number" && v < 0 ? -v : v;
}

export function roundToInt(v: Value): Value {
  return typeof v === "number" ? roundHalfAwayFromZero(v) : v;
}

export function uppercase(v: Value): Value {
  return typeof v === "string" ? v.toUpperCase() : v;
}

export function lowercase(v: Value): Value {
  return typeof v === "string" ? v.toLowerCase() : v;
}

export function validateRange(v: Value, min: number, max: number): Value {
  return typeof v === "number" ? clampRange(v, min, max) : v;
}

export const FROZEN_ELEMENT_MESSAGE = "Cannot add frozen element (no_frozen rule active)";

/** `:no_frozen`: frozen values may not enter. */
export function rejectFrozen(v: Value): Value {
  if (isFrozen(v)) throw rtError(FROZEN_ELEMENT_MESSAGE);
  return v;
}

/** `:copy_elements`: the collection stores an unfrozen deep copy. */
export const copyElement = deepCopyUnfrozen;

/**
 * A scalar transformation that also sees through a frozen scalar. The reference stores the
 * transformed copy of a frozen element; an untouched one keeps its frozen box.
 */
function throughFrozen(f: (v: Value) => Value): (v: Value) => Value {
  return (v) => {
    if (!(v instanceof FrozenScalar)) return f(v);
    const out = f(v.value);
    return out === v.value ? v : out;
  };
}

// ---------------------------------------------------------------- rule violations

/**
 * Reports a structural rule violation the way the reference does (collections.md §6.4): a
 * `WARNING:` line on stderr and a RuleViolation error whose message repeats the prefix.
 */
export function ruleViolation(rule: string, check: string, message: string): GraphoidError {
  const detail = `Graph rule violated: ${check} - ${message}`;
  host.stderr(`WARNING: ${detail}\n`);
  return typedError("RuleViolation", `Graph rule violated: ${rule} - ${detail}`);
}

function containsEqual(values: Iterable<Value>, v: Value): boolean {
  for (const x of values) if (valueEquals(x, v)) return true;
  return false;
}

// ---------------------------------------------------------------- constructors

function simple(name: string, transform: (v: Value) => Value): Behavior {
  return { name, args: [], transform };
}

const identity = (v: Value): Value => v;

/**
 * Behaviors without parameters, by canonical name. (Maps rather than object literals, so that a
 * symbol such as `:constructor` cannot reach Object.prototype.)
 */
const PARAMETERLESS = new Map<string, () => Behavior>([
  ["none_to_zero", () => simple("none_to_zero", noneToZero)],
  ["none_to_empty", () => simple("none_to_empty", noneToEmpty)],
  ["positive", () => simple("positive", throughFrozen(positive))],
  ["round_to_int", () => simple("round_to_int", throughFrozen(roundToInt))],
  ["uppercase", () => simple("uppercase", throughFrozen(uppercase))],
  ["lowercase", () => simple("lowercase", throughFrozen(lowercase))],
  ["no_frozen", () => simple("no_frozen", rejectFrozen)],
  ["copy_elements", () => simple("copy_elements", copyElement)],
  ["shallow_freeze_only", () => ({ name: "shallow_freeze_only", args: [], transform: identity, freezesOnAttach: true })],
  ["no_duplicates", noDuplicatesBehavior],
]);

function noDuplicatesBehavior(): Behavior {
  return {
    name: "no_duplicates",
    args: [],
    transform: identity,
    admits: (others, v) => !containsEqual(others, v),
    violation: (v) => ruleViolation("no_duplicates", "no_duplicates", `Value ${display(v)} already exists in collection`),
  };
}

const ALIASES = new Map([["no_dups", "no_duplicates"]]);

/**
 * Graph rules (collections.md §6.1) attached to a list or hash: accepted and kept, but they
 * constrain nothing a list or hash can do.
 */
const GRAPH_RULES = new Set([
  "no_cycles",
  "single_root",
  "connected",
  "max_degree",
  "binary_tree",
  "weighted_edges",
  "unweighted_edges",
]);

/** The canonical name of a rule symbol (`no_dups` → `no_duplicates`). */
export function canonicalRuleName(name: string): string {
  return ALIASES.get(name) ?? name;
}

/** Whether `remove_rule`/`has_rule` know the name (`validate_range` is not removable, §7.1). */
export function isRemovableRuleName(name: string): boolean {
  const canonical = canonicalRuleName(name);
  return PARAMETERLESS.has(canonical) || GRAPH_RULES.has(canonical) || EXTENSION_NAMES.has(canonical);
}

/** The behavior `add_rule(:name, args…)` attaches, with the reference's argument errors. */
export function makeBehavior(name: string, args: readonly Value[]): Behavior {
  const canonical = canonicalRuleName(name);
  if (canonical === "validate_range") return validateRangeBehavior(args);
  const build = PARAMETERLESS.get(canonical);
  if (build) {
    if (args.length > 0) throw rtError(`Rule :${name} does not accept parameters`);
    return build();
  }
  if (GRAPH_RULES.has(canonical)) return { name: canonical, args: args.slice(), transform: identity };
  throw rtError(`Unknown rule: :${name}`);
}

function validateRangeBehavior(args: readonly Value[]): Behavior {
  if (args.length !== 2) throw rtError(`validate_range requires 2 arguments (min, max), but got ${args.length}`);
  const min = rangeBound("min", args[0]!);
  const max = rangeBound("max", args[1]!);
  return {
    name: "validate_range",
    args: [min, max],
    transform: throughFrozen((v) => validateRange(v, min, max)),
  };
}

function rangeBound(which: string, v: Value): number {
  const n = unwrapFrozen(v);
  if (typeof n !== "number") throw rtError(`validate_range ${which} must be a number, got ${typeName(n)}`);
  return n;
}

// ---------------------------------------------------------------- spec-only extensions (§7.6)

const EXTENSION_NAMES = new Set(["mapping", "custom", "conditional"]);

/** The key a value is looked up by in a mapping table; null when it has none. */
export function mappingKey(v: Value): string | null {
  const plain = unwrapFrozen(v);
  if (typeof plain === "string") return plain;
  if (typeof plain === "number") return formatNumber(plain);
  if (typeof plain === "boolean") return plain ? "true" : "false";
  if (plain === null) return "none";
  if (plain instanceof GrSymbol) return plain.name;
  return null;
}

/**
 * `add_mapping_rule(table [, default])`: each value is replaced by its entry in `table`; an
 * unmapped value becomes `default` when one was given, else stays.
 */
export function mappingBehavior(table: Value, fallback: { value: Value } | null): Behavior {
  if (!(table instanceof GrMap)) throw rtError(`add_mapping_rule() expects a hash, got ${typeName(table)}`);
  const args = fallback ? [table, fallback.value] : [table];
  return {
    name: "mapping",
    args,
    transform: (v) => {
      const key = mappingKey(v);
      if (key !== null && table.entries.has(key)) return table.entries.get(key)!;
      return fallback ? fallback.value : v;
    },
  };
}

function expectFunction(method: string, f: Value): void {
  if (!(f instanceof GrFunction) && !(f instanceof GrList)) {
    throw rtError(`${method} expects a function, got ${typeName(f)}`);
  }
}

/** `add_custom_rule(f)`: every value becomes `f(value)`. */
export function customBehavior(f: Value): Behavior {
  expectFunction("add_custom_rule()", f);
  return { name: "custom", args: [f], transform: (v) => callFunction(f, [v]) };
}

/** `add_rule(cond, transform [, fallback])`: `transform(v)` where `cond(v)` holds, else `fallback(v)` or v. */
export function conditionalBehavior(cond: Value, then: Value, otherwise: Value | undefined): Behavior {
  for (const f of otherwise === undefined ? [cond, then] : [cond, then, otherwise]) expectFunction("add_rule()", f);
  return {
    name: "conditional",
    args: otherwise === undefined ? [cond, then] : [cond, then, otherwise],
    transform: (v) => {
      if (truthy(callFunction(cond, [v]))) return callFunction(then, [v]);
      return otherwise === undefined ? v : callFunction(otherwise, [v]);
    },
  };
}
