// Lists and hashes are values and graphs are shared handles whose methods clone-and-rebind
// (collections.md §1.1). All three are implemented copy-on-write: a "copy" only marks the object
// `shared`; whoever mutates a shared object first clones it. So `b = a` is O(1) and appending to
// a list nobody else holds is O(1) amortised.

export abstract class GrCollection {
  /** Another holder may see this object: clone before mutating through value semantics. */
  shared = false;
  frozen = false;
}

/** Marks a value as held in one more place (a variable, an argument, an element). */
export function share<T>(v: T): T {
  if (v instanceof GrCollection) v.shared = true;
  return v;
}
