// Argument checks of the graph methods that the shared ones in runtime/methods/args.ts do not
// cover, with the reference's error texts.
import { stringArg } from "../methods/args.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import { GrSymbol } from "../values/symbol.js";
import { GrGraph } from "./graph.js";
import type { Value } from "../values/value.js";

export { ensureMutable as assertMutable, numberArg as expectNumber } from "../methods/args.js";

/** Node ids are strings: `Type error: expected string, got num`. */
export const nodeId = stringArg;

/** `Method 'm' expects 2 arguments, but got 3` (a range prints as `1-2`). */
export function expectArity(method: string, args: readonly Value[], min: number, max: number = min): void {
  if (args.length >= min && args.length <= max) return;
  const wanted = min === max ? `${min}` : `${min}-${max}`;
  throw rtError(`Method '${method}' expects ${wanted} arguments, but got ${args.length}`);
}

/** `add_rule() expects a symbol, got function`. */
export function expectSymbol(method: string, v: Value | undefined): GrSymbol {
  if (v instanceof GrSymbol) return v;
  throw rtError(`${method}() expects a symbol, got ${typeName(v ?? null)}`);
}

export function expectGraph(method: string, v: Value | undefined): GrGraph {
  if (v instanceof GrGraph) return v;
  throw rtError(`${method}() expects a graph, got ${typeName(v ?? null)}`);
}

/** A string argument that may have been frozen (`"x".freeze()` boxes it), else null. */
export function plainString(v: Value | undefined): string | null {
  const s = v === undefined ? null : unwrapFrozen(v);
  return typeof s === "string" ? s : null;
}

/**
 * The value of a named argument the reference ignores but graphoid-js honours as an extension
 * (`weight:`, `hops:`), and the remaining arguments in order. Other names stay positional, as the
 * reference drops argument names on method calls (collections.md open question 7).
 */
export function takeNamed(
  args: readonly Value[],
  names: readonly (string | null)[] | null,
  name: string,
): { value: Value | undefined; rest: Value[] } {
  if (names === null) return { value: undefined, rest: args.slice() };
  let value: Value | undefined;
  const rest: Value[] = [];
  for (let i = 0; i < args.length; i++) {
    if (names[i] === name && value === undefined) value = args[i]!;
    else rest.push(args[i]!);
  }
  return { value, rest };
}

/** `:all` as the only optional argument of nodes(), edges(), visualize() … */
export function allLayersFlag(method: string, args: readonly Value[]): boolean {
  expectArity(method, args, 0, 1);
  if (args.length === 0) return false;
  if (args[0] instanceof GrSymbol && args[0].name === "all") return true;
  throw rtError(`${method}() optional argument must be :all`);
}

/** Rust's `{:?}` of a list of strings, used inside some messages: `["a", "b"]`. */
export function debugStringList(items: readonly string[]): string {
  return "[" + items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(", ") + "]";
}
