// Reflection (runtime.md §3): the reflect, runtime and modules namespaces, the universe graph and the
// call graph. (Being implemented.)
import { rtError } from "../values/error.js";
import type { Value } from "../values/value.js";

/** `reflect.current_scope()`; the compiler passes the names the call site can see. */
export function currentScope(_args: Value[], _names: string[], _values: (Value | undefined)[], _snapshot: string[], _kind: string): Value {
  throw rtError("reflect.current_scope() is not implemented yet");
}

/** Turns on call counting for `reflect.call_graph()`. */
export function enableCallTracing(): void {}
