// add_rule / remove_rule and the spec-only rule methods (collections.md §7.1, §7.5, §7.6), shared by
// lists and hashes: both return a new collection and leave the receiver unchanged.
import { GrList } from "../values/list.js";
import { GrFunction } from "../values/function.js";
import { GrSymbol, sym } from "../values/symbol.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { equals } from "../values/truth.js";
import { unwrapFrozen } from "../values/freeze.js";
import { attachBehavior, withBehavior, withRules, type Behavior, type RuleHolder } from "../rules/behavior.js";
import {
  canonicalRuleName,
  conditionalBehavior,
  customBehavior,
  isRemovableRuleName,
  mappingBehavior,
} from "../rules/behaviors.js";
import type { MethodTable } from "./table.js";
import type { Value } from "../values/value.js";

/** `add_rule(:name [, args…])`, or the conditional form `add_rule(cond, transform [, fallback])`. */
export function addRule<C extends RuleHolder>(recv: C, args: Value[]): C {
  if (args.length < 1 || args.length > 3) throw rtError(`add_rule() expects 1-3 arguments, but got ${args.length}`);
  const first = unwrapFrozen(args[0]!);
  if (first instanceof GrSymbol) return attachBehavior(recv, first.name, args.slice(1).map(unwrapFrozen));
  if (first instanceof GrFunction && args.length >= 2) {
    return withBehavior(recv, conditionalBehavior(first, args[1]!, args[2]));
  }
  throw rtError(`add_rule() expects a symbol, got ${typeName(first)}`);
}

function ruleNameArg(method: string, v: Value | undefined): string {
  const s = v === undefined ? null : unwrapFrozen(v);
  if (!(s instanceof GrSymbol)) throw rtError(`${method}() expects a symbol, got ${typeName(s)}`);
  return s.name;
}

/**
 * `remove_rule(:name [, param])`: drops the matching behaviors; values they already transformed
 * stay. `validate_range` cannot be removed (reference behavior: `Unknown rule: :validate_range`).
 */
export function removeRule<C extends RuleHolder>(recv: C, args: Value[]): C {
  if (args.length < 1 || args.length > 2) throw rtError(`remove_rule() expects 1-2 arguments, but got ${args.length}`);
  const name = ruleNameArg("remove_rule", args[0]);
  if (!isRemovableRuleName(name)) throw rtError(`Unknown rule: :${name}`);
  const canonical = canonicalRuleName(name);
  const param = args.length === 2 ? unwrapFrozen(args[1]!) : undefined;
  const matches = (r: Behavior) => r.name === canonical && (param === undefined || equals(r.args[0] ?? null, param));
  return withRules(recv, (recv.rules ?? []).filter((r) => !matches(r)));
}

function hasRule(recv: RuleHolder, args: Value[]): boolean {
  const canonical = canonicalRuleName(ruleNameArg("has_rule", args[0]));
  return (recv.rules ?? []).some((r) => r.name === canonical);
}

/** `rules()`: the attached rule names as symbols, sorted alphabetically. */
function ruleNames(recv: RuleHolder): GrList {
  const names = [...new Set((recv.rules ?? []).map((r) => r.name))].sort();
  return new GrList(names.map((n) => sym(n)));
}

/** `add_rules([:a, :b, [:validate_range, 0, 5]])`: attaches each in order. */
function addRules<C extends RuleHolder>(recv: C, args: Value[]): C {
  const specs = args.length === 1 ? unwrapFrozen(args[0]!) : null;
  if (!(specs instanceof GrList)) throw rtError(`add_rules() expects a list of rules, got ${typeName(specs)}`);
  let out = recv;
  for (const spec of specs.items) out = addRule(out, spec instanceof GrList ? spec.items : [spec]);
  return out;
}

function addMappingRule<C extends RuleHolder>(recv: C, args: Value[]): C {
  if (args.length < 1 || args.length > 2) throw rtError(`add_mapping_rule() expects 1-2 arguments, but got ${args.length}`);
  const fallback = args.length === 2 ? { value: args[1]! } : null;
  return withBehavior(recv, mappingBehavior(args[0]!, fallback));
}

function addCustomRule<C extends RuleHolder>(recv: C, args: Value[]): C {
  if (args.length !== 1) throw rtError(`add_custom_rule() expects 1 argument, but got ${args.length}`);
  return withBehavior(recv, customBehavior(args[0]!));
}

/** The rule methods of the reference. */
export const ruleMethods: MethodTable<RuleHolder> = {
  add_rule: addRule,
  remove_rule: removeRule,
};

/** Spec-only rule methods (collections.md §7.5, §7.6), offered as extensions. */
export const extensionRuleMethods: MethodTable<RuleHolder> = {
  has_rule: hasRule,
  rules: ruleNames,
  clear_rules: (recv) => withRules(recv, []),
  add_rules: addRules,
  add_mapping_rule: addMappingRule,
  add_custom_rule: addCustomRule,
};
