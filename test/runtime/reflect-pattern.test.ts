// reflect.pattern graphs (runtime.md §3.5) from the syntax descriptions the compiler produces.
import { describe, expect, it } from "vitest";
import { patternGraph, isPatternSyntax, type PatternSyntax } from "../../runtime/reflect/pattern.js";
import { GrMap } from "../../runtime/values/map.js";
import { display } from "../../runtime/values/format.js";
import { GraphoidError } from "../../runtime/values/error.js";
import type { GrGraph } from "../../runtime/graph/graph.js";

function node(g: GrGraph, id: string): string {
  const v = g.nodes.get(id)?.value;
  return v instanceof GrMap ? display(v) : String(v);
}

describe("reflect.pattern", () => {
  it("builds a list pattern with one element node per item", () => {
    const syntax: PatternSyntax = { shape: "list", items: [{ type: "binding", name: "first" }, { type: "literal", value: 0 }, { type: "wildcard" }] };
    const g = patternGraph(syntax, false);
    expect([g.nodes.size, g.dataEdgeCount()]).toEqual([4, 3]);
    expect(node(g, "pattern:root")).toBe(`{"pattern_type": list, "element_count": 3}`);
    expect(node(g, "element:0")).toBe(`{"index": 0, "type": binding, "name": first}`);
    expect(node(g, "element:1")).toBe(`{"index": 1, "type": literal, "value": 0}`);
    expect([...g.dataEdges()].map((e) => e.type)).toEqual(["has_element", "has_element", "has_element"]);
  });

  it("builds a map pattern keyed by field and adds a guard node", () => {
    const syntax: PatternSyntax = { shape: "map", keys: ["name", "extra"], items: [{ type: "binding", name: "who" }, { type: "expression" }] };
    const g = patternGraph(syntax, true);
    expect([...g.nodes.keys()]).toEqual(["pattern:root", "field:name", "field:extra", "guard:0"]);
    expect(node(g, "pattern:root")).toBe(`{"pattern_type": map, "field_count": 2}`);
    expect(node(g, "field:extra")).toBe(`{"key": extra, "type": expression}`);
    expect(node(g, "guard:0")).toBe(`{"type": guard}`);
    expect([...g.dataEdges()].map((e) => `${e.to} ${e.type}`)).toEqual(["field:name has_field", "field:extra has_field", "guard:0 has_guard"]);
  });

  it("describes a lone identifier or literal with pattern_type on the root", () => {
    expect(node(patternGraph({ shape: "single", items: [{ type: "binding", name: "x" }] }, false), "pattern:root")).toBe(`{"pattern_type": binding, "name": x}`);
    expect(node(patternGraph({ shape: "single", items: [{ type: "literal", value: null }] }, false), "pattern:root")).toBe(`{"pattern_type": literal, "value": none}`);
  });

  it("rejects other syntax", () => {
    expect(() => patternGraph({ shape: "other", items: [] }, false)).toThrow(GraphoidError);
    expect(() => patternGraph({ shape: "single", items: [{ type: "expression" }] }, false)).toThrow(/cannot interpret/);
    expect(isPatternSyntax(42)).toBe(false);
    expect(isPatternSyntax({ shape: "list", items: [] })).toBe(true);
  });
});
