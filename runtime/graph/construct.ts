// Graph literals: `graph{}`, `graph { type: :undirected, ruleset: :bst }`, `tree{}` (collections.md §4, §5.1).
import { GrSymbol } from "../values/symbol.js";
import { GrGraph } from "./graph.js";
import type { Value } from "../values/value.js";

/** The ruleset each `type:` implies; `:directed` and unknown values imply none. */
const TYPE_RULESETS: Record<string, string> = { dag: "dag", tree: "tree" };

/**
 * Builds the graph of a `graph { key: value, ... }` literal from its evaluated entries, in source
 * order. `type:` picks the direction and an implied ruleset; `ruleset:` replaces that ruleset.
 * Other keys are ignored, as is any value that is not a symbol.
 */
export function newGraphFromConfig(entries: ReadonlyArray<readonly [string, Value]> = []): GrGraph {
  const g = new GrGraph();
  let implied: string | null = null;
  let explicit: string | null = null;
  for (const [key, value] of entries) {
    if (!(value instanceof GrSymbol)) continue;
    if (key === "type") {
      g.directed = value.name !== "undirected";
      implied = TYPE_RULESETS[value.name] ?? null;
    } else if (key === "ruleset") {
      explicit = value.name;
    }
  }
  const ruleset = explicit ?? implied;
  if (ruleset !== null) g.rulesets.push(ruleset);
  return g;
}

/** `tree{}`: a directed graph carrying the :tree ruleset. */
export function newTree(): GrGraph {
  const g = new GrGraph();
  g.rulesets.push("tree");
  return g;
}
