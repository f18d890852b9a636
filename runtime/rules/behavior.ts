// The intrinsic behavior model (collections.md §7): rules attached to a list or hash that rewrite
// (or, for structural rules, admit or reject) every value entering the collection.
//
// Rule arrays are treated as immutable: attaching or removing builds a new array, so lists and
// hashes that share one (copies, `append` results) never see each other's changes.
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { GrFunction } from "../values/function.js";
import { share } from "../values/collection.js";
import { equals } from "../values/truth.js";
import { makeBehavior } from "./behaviors.js";
import type { GraphoidError } from "../values/error.js";
import type { Value } from "../values/value.js";

export interface Behavior {
  /** Canonical name as `rules()`/`has_rule` report it (`:no_dups` is stored as `no_duplicates`). */
  readonly name: string;
  /** Parameters as attached: validate_range's bounds, a mapping table, functions … */
  readonly args: readonly Value[];
  /** Rewrites one value entering the collection. Independent of the collection's contents. */
  transform(value: Value): Value;
  /** Structural rules: may `value` join a collection holding `others`? */
  admits?(others: Iterable<Value>, value: Value): boolean;
  /** The error raised when `admits` says no. */
  violation?(value: Value): GraphoidError;
  /** Attaching freezes the collection (`:shallow_freeze_only`, reference behavior). */
  readonly freezesOnAttach?: boolean;
}

export type Rules = readonly Behavior[] | null;

/** Runs every transformation in attach order (first attached runs first). */
export function applyBehaviors(rules: Rules, value: Value): Value {
  if (rules === null) return value;
  for (const rule of rules) value = rule.transform(value);
  return value;
}

/**
 * The value to store when `value` enters a collection whose other values are `others`: transformed,
 * then checked by the structural rules, which raise their violation.
 */
export function admitValue(rules: Rules, others: Iterable<Value>, value: Value): Value {
  if (rules === null) return value;
  const stored = applyBehaviors(rules, value);
  for (const rule of rules) {
    if (rule.admits && !rule.admits(others, stored)) throw rule.violation!(stored);
  }
  return stored;
}

/** Identical rules (same name and parameters) are attached once (collections.md §7.3). */
export function sameBehavior(a: Behavior, b: Behavior): boolean {
  if (a.name !== b.name || a.args.length !== b.args.length) return false;
  return a.args.every((x, i) => sameArg(x, b.args[i]!));
}

/** Functions compare by identity here: two different lambdas `v => …` are different rules. */
function sameArg(a: Value, b: Value): boolean {
  if (a instanceof GrFunction || b instanceof GrFunction) return a === b;
  return equals(a, b);
}

export type RuleHolder = GrList | GrMap;

/** `xs.add_rule(:name, args…)`: a new collection with the behavior attached (§7.1). */
export function attachBehavior<C extends RuleHolder>(collection: C, name: string, args: readonly Value[]): C {
  return withBehavior(collection, makeBehavior(name, args));
}

/**
 * A copy of `collection` with `behavior` appended to its rules and applied retroactively to the
 * values already there (§7.3). Attaching an identical rule again returns the collection unchanged.
 */
export function withBehavior<C extends RuleHolder>(collection: C, behavior: Behavior): C {
  const existing = collection.rules ?? [];
  if (existing.some((r) => sameBehavior(r, behavior))) return share(collection);
  const copy = collection.clone() as C;
  if (copy instanceof GrList) copy.items = retroactiveItems(copy.items, behavior);
  else copy.entries = retroactiveEntries((copy as GrMap).entries, behavior);
  copy.rules = [...existing, behavior];
  if (behavior.freezesOnAttach) copy.frozen = true;
  return copy;
}

/** Rewrites existing elements; a structural rule drops the ones it would reject (keeps the first). */
function retroactiveItems(items: Value[], behavior: Behavior): Value[] {
  const kept: Value[] = [];
  for (const item of items) {
    const v = behavior.transform(item);
    if (!behavior.admits || behavior.admits(kept, v)) kept.push(v);
  }
  return kept;
}

function retroactiveEntries(entries: Map<string, Value>, behavior: Behavior): Map<string, Value> {
  const kept = new Map<string, Value>();
  for (const [k, item] of entries) {
    const v = behavior.transform(item);
    if (!behavior.admits || behavior.admits(kept.values(), v)) kept.set(k, v);
  }
  return kept;
}

/** A copy of `collection` whose rules are `rules` (values already stored stay as they are). */
export function withRules<C extends RuleHolder>(collection: C, rules: Behavior[]): C {
  const copy = collection.clone() as C;
  copy.rules = rules.length === 0 ? null : rules;
  return copy;
}
