// Behavior-rule checks at write sites (DESIGN.md decision 3, collections.md §7). When lowering
// proved which standard behaviors a collection carries, their transformations are emitted inline,
// in attach order, on a temporary; values that are objects (a frozen box, a collection) take the
// runtime rule engine instead, so both paths give the same results (fixtures/run/behaviors-paths
// proves it). Without known rules, the runtime engine applies the collection's own rules.
import type { IrBehaviorCheck, IrExpr, KnownBehavior } from "../lower/ir.js";
import { and, assign, binary, call, cond, id, lit, member, rt, rtCall, seq, typeOf } from "../lower/build.js";

type ValueType = IrBehaviorCheck["valueType"];

/** One transformation of `v` (a temporary), or null when it cannot change a value of this type. */
function step(rule: KnownBehavior, v: IrExpr, type: ValueType): IrExpr | null {
  const isNumber = (then: IrExpr) => (type === "num" ? then : cond(typeOf(v, "number"), then, v));
  const isString = (then: IrExpr) => (type === "string" ? then : cond(typeOf(v, "string"), then, v));
  switch (rule.name) {
    case "none_to_zero":
      return type === null ? cond(binary("===", v, lit(null)), lit(0), v) : null;
    case "none_to_empty":
      return type === null ? cond(binary("===", v, lit(null)), lit(""), v) : null;
    case "positive":
      if (type === "string") return null;
      return type === "num"
        ? cond(binary("<", v, lit(0)), { kind: "unary", op: "-", operand: v }, v)
        : cond(and(typeOf(v, "number"), binary("<", v, lit(0))), { kind: "unary", op: "-", operand: v }, v);
    case "round_to_int":
      return type === "string" ? null : isNumber(call(rt("roundHalfAwayFromZero"), [v]));
    case "uppercase":
    case "lowercase":
      return type === "num" ? null : isString(call(member(v, rule.name === "uppercase" ? "toUpperCase" : "toLowerCase"), []));
    case "validate_range": {
      if (type === "string") return null;
      const [min, max] = rule.args as [number, number];
      return isNumber(cond(binary("<", v, lit(min)), lit(min), cond(binary(">", v, lit(max)), lit(max), v)));
    }
    default:
      return null; // graph rules on a list or hash enforce nothing
  }
}

/** The inline form: an expression whose value is the transformed value. */
export function inlineBehaviors(e: IrBehaviorCheck): IrExpr {
  if (e.known === null) return rtCall("applyRules", [e.collection, e.value]);
  const v = id(e.temp);
  const steps: IrExpr[] = [];
  for (const rule of e.known) {
    const s = step(rule, v, e.valueType);
    if (s !== null) steps.push(assign(v, s));
  }
  if (steps.length === 0) return e.value;
  if (e.valueType !== null) return seq([assign(v, e.value), ...steps, v]);
  const isObject = and(binary("===", { kind: "unary", op: "typeof", operand: assign(v, e.value) }, lit("object")), binary("!==", v, lit(null)));
  return cond(isObject, rtCall("applyRules", [e.collection, v]), seq([...steps, v]));
}
