// `g1.equals(g2 [, options])` (collections.md §5.10). `==` is GrGraph.grEquals: same direction
// and same data layer. The options hash picks layers: `{include: L}` adds them to the data,
// `{only: L}` compares just them.
import { rtError } from "../values/error.js";
import { propCount } from "./graph.js";
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { GrSymbol } from "../values/symbol.js";
import { equals } from "../values/truth.js";
import { GrGraph } from "./graph.js";
import type { Value } from "../values/value.js";

type Layer = "data" | "rules" | "rulesets" | "methods" | "properties";

const ALL_LAYERS: readonly Layer[] = ["data", "rules", "rulesets", "methods", "properties"];

function parseLayers(spec: Value): Set<Layer> {
  const items = spec instanceof GrList ? spec.items : [spec];
  const layers = new Set<Layer>();
  for (const item of items) {
    const name = item instanceof GrSymbol ? item.name : String(item);
    if (name === "all") ALL_LAYERS.forEach((l) => layers.add(l));
    else if ((ALL_LAYERS as readonly string[]).includes(name)) layers.add(name as Layer);
    else {
      throw rtError(
        `Unknown comparison layer '${name}'. Valid layers: :data, :rules, :rulesets, :methods, :properties, :all`,
      );
    }
  }
  return layers;
}

/**
 * The layers an options value selects. A non-hash second argument is ignored: named-argument
 * spellings such as `equals(g, include: :rules)` reach us as a bare symbol (reference behavior).
 */
function selectedLayers(options: Value | undefined): Set<Layer> {
  if (!(options instanceof GrMap)) return new Set(["data"]);
  const only = options.entries.get("only");
  if (only !== undefined) return parseLayers(only);
  const layers = new Set<Layer>(["data"]);
  const include = options.entries.get("include");
  if (include !== undefined) for (const l of parseLayers(include)) layers.add(l);
  return layers;
}

function sameNames(a: Iterable<string>, b: Iterable<string>): boolean {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size !== right.size) return false;
  for (const name of left) if (!right.has(name)) return false;
  return true;
}

/** Ad-hoc rule names: structural rules, stored behaviors and constraint rules. */
function ruleNames(g: GrGraph): string[] {
  return [
    ...g.rules.map((r) => r.name),
    ...g.behaviorRules.map((b) => b.name),
    ...g.constraints.filter((c) => c.fn === null).map((c) => c.name),
  ];
}

function sameProperties(a: GrGraph, b: GrGraph): boolean {
  if (propCount(a.props) !== propCount(b.props)) return false;
  for (const k in a.props) if (!(k in b.props) || !equals(a.props[k]!, b.props[k]!)) return false;
  return true;
}

function sameLayer(a: GrGraph, b: GrGraph, layer: Layer): boolean {
  switch (layer) {
    case "data":
      return a.directed === b.directed && a.sameDataLayer(b);
    case "rules":
      return sameNames(ruleNames(a), ruleNames(b));
    case "rulesets":
      return sameNames(a.rulesets, b.rulesets);
    case "methods":
      return sameNames(a.methods.keys(), b.methods.keys());
    case "properties":
      return sameProperties(a, b);
  }
}

/** `g.equals(other [, options])`: false for a non-graph `other`. */
export function graphEquals(g: GrGraph, other: Value | undefined, options: Value | undefined): boolean {
  const layers = selectedLayers(options);
  if (!(other instanceof GrGraph)) return false;
  for (const layer of layers) if (!sameLayer(g, other, layer)) return false;
  return true;
}
