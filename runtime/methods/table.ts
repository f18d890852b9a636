// Method tables: one per receiver type, keyed by method name. Each file under runtime/methods
// (and runtime/graph) registers its methods here; dispatch.ts picks the table by receiver type.
import type { Value } from "../values/value.js";

/**
 * A built-in method. `args` are in call order; `names` is parallel to `args` and holds the name of
 * each named argument (null for positional ones), or is null when the call had no named argument.
 * Most methods ignore names (the reference takes method arguments positionally, core.md §6.2).
 */
export type MethodImpl<R = any> = (recv: R, args: Value[], names: (string | null)[] | null) => Value;

export type MethodTable<R = any> = Record<string, MethodImpl<R>>;

export const numberMethods: MethodTable<number> = Object.create(null);
export const stringMethods: MethodTable<string> = Object.create(null);
export const listMethods: MethodTable = Object.create(null);
export const mapMethods: MethodTable = Object.create(null);
export const graphMethods: MethodTable = Object.create(null);
export const symbolMethods: MethodTable = Object.create(null);
export const functionMethods: MethodTable = Object.create(null);
export const errorMethods: MethodTable = Object.create(null);
/** Methods every value answers first (core.md §3.10), except modules. */
export const universalMethods: MethodTable = Object.create(null);

/** Static calls on the built-in namespaces: `list.generate`, `string.generate`, `time.now` … */
export const namespaces: Record<string, MethodTable> = Object.create(null);
