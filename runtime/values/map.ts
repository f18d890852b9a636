import { GrCollection } from "./collection.js";
import type { Behavior } from "../rules/behavior.js";
import type { Value } from "./value.js";

/** A Graphoid hash: string keys in insertion order. */
export class GrMap extends GrCollection {
  constructor(
    public entries: Map<string, Value>,
    public rules: Behavior[] | null = null,
  ) {
    super();
  }

  clone(): GrMap {
    const entries = new Map(this.entries);
    for (const v of entries.values()) if (v instanceof GrCollection) v.shared = true;
    const copy = new GrMap(entries, this.rules);
    copy.frozen = this.frozen;
    return copy;
  }
}

export function mapOf(pairs: [string, Value][]): GrMap {
  return new GrMap(new Map(pairs));
}
