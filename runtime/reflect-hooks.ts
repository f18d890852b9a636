// Events the reflection layer (runtime/reflect) records while the program runs: class
// declarations and imports grow the universe graph (runtime.md §3.3). Kept separate so the core
// does not depend on reflection.
import type { GrGraph } from "./graph/graph.js";

type ClassListener = (cls: GrGraph) => void;
const classListeners: ClassListener[] = [];

export function onClassDeclared(cls: GrGraph): void {
  for (const l of classListeners) l(cls);
}

export function listenForClasses(l: ClassListener): void {
  classListeners.push(l);
}
