// Events the reflection layer (runtime/reflect) records while the program runs: class
// declarations and imports grow the universe graph (runtime.md §3.3), function values feed the
// call graph (§3.4). Kept separate so the core does not depend on reflection.
import type { GrGraph } from "./graph/graph.js";
import type { GrFunction } from "./values/function.js";

type ClassListener = (cls: GrGraph) => void;
const classListeners: ClassListener[] = [];

export function onClassDeclared(cls: GrGraph): void {
  for (const l of classListeners) l(cls);
}

export function listenForClasses(l: ClassListener): void {
  classListeners.push(l);
}

/**
 * Sees every function value `fn()` creates, while call tracing is on; null otherwise, so the
 * untraced path costs one comparison.
 */
export let onFunctionCreated: ((f: GrFunction) => void) | null = null;

export function listenForFunctions(l: ((f: GrFunction) => void) | null): void {
  onFunctionCreated = l;
}
