// `reflect.pattern(expr)` (runtime.md §3.5): the compiler hands over a description of the
// argument's syntax (compiler/lower/patterns.ts, `reflectPatternDescription`); this turns it into
// the pattern graph.
import { GrGraph } from "../graph/graph.js";
import { GrMap } from "../values/map.js";
import { rtError } from "../values/error.js";
import type { Value } from "../values/value.js";

/** One element or field: `{type: "binding", name}`, `{type: "literal", value}`, ... */
interface ElementSyntax {
  type: "binding" | "wildcard" | "literal" | "expression";
  name?: string;
  value?: Value;
}

export interface PatternSyntax {
  shape: "map" | "list" | "single" | "other";
  keys?: string[];
  items: ElementSyntax[];
}

export function isPatternSyntax(v: unknown): v is PatternSyntax {
  return typeof v === "object" && v !== null && "shape" in v && "items" in v && Array.isArray((v as PatternSyntax).items);
}

/** The entries describing one element, after the position entry (`index` or `key`). */
function elementEntries(e: ElementSyntax, typeKey: string): [string, Value][] {
  const out: [string, Value][] = [[typeKey, e.type]];
  if (e.type === "binding") out.push(["name", e.name ?? ""]);
  if (e.type === "literal") out.push(["value", e.value ?? null]);
  return out;
}

export function patternGraph(syntax: PatternSyntax, hasGuard: boolean): GrGraph {
  const g = new GrGraph();
  const root = "pattern:root";
  if (syntax.shape === "list") {
    g.putNode(root, new GrMap(new Map<string, Value>([["pattern_type", "list"], ["element_count", syntax.items.length]])));
    syntax.items.forEach((e, i) => {
      g.putNode(`element:${i}`, new GrMap(new Map<string, Value>([["index", i], ...elementEntries(e, "type")])));
      g.putEdge(root, `element:${i}`, "has_element", null);
    });
  } else if (syntax.shape === "map") {
    const keys = syntax.keys ?? [];
    g.putNode(root, new GrMap(new Map<string, Value>([["pattern_type", "map"], ["field_count", syntax.items.length]])));
    syntax.items.forEach((e, i) => {
      const key = keys[i] ?? String(i);
      g.putNode(`field:${key}`, new GrMap(new Map<string, Value>([["key", key], ...elementEntries(e, "type")])));
      g.putEdge(root, `field:${key}`, "has_field", null);
    });
  } else if (syntax.shape === "single" && syntax.items.length === 1 && syntax.items[0]!.type !== "expression") {
    g.putNode(root, new GrMap(new Map<string, Value>(elementEntries(syntax.items[0]!, "pattern_type"))));
  } else {
    throw rtError("reflect.pattern() cannot interpret this expression as a pattern");
  }
  if (hasGuard) {
    g.putNode("guard:0", new GrMap(new Map<string, Value>([["type", "guard"]])));
    g.putEdge(root, "guard:0", "has_guard", null);
  }
  return g;
}
