import { GrCollection } from "./collection.js";
import type { Behavior } from "../rules/behavior.js";
import type { Value } from "./value.js";

/** A Graphoid list: a JS array plus its behaviors and frozen flag. */
export class GrList extends GrCollection {
  constructor(
    public items: Value[],
    public rules: Behavior[] | null = null,
  ) {
    super();
  }

  /**
   * An unshared copy to mutate. Elements that are collections become held by both lists, so they
   * are marked shared. Frozen is not copied: callers decide (a copy by assignment keeps it).
   */
  clone(): GrList {
    const items = this.items.slice();
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (v instanceof GrCollection) v.shared = true;
    }
    const copy = new GrList(items, this.rules);
    copy.frozen = this.frozen;
    return copy;
  }
}

export function list(items: Value[]): GrList {
  return new GrList(items);
}
