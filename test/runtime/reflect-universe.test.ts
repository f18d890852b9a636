// The universe graph and type hierarchy (runtime.md §3.3): the built-in part, class declarations
// of the main program, and main-program imports in the order they happened.
import { describe, expect, it } from "vitest";
import { universe, typeHierarchy } from "../../runtime/reflect/universe.js";
import { onClassDeclared } from "../../runtime/reflect-hooks.js";
import { GrGraph } from "../../runtime/graph/graph.js";
import { reaches } from "../../runtime/graph/traverse.js";
import { GrModule, importLog } from "../../runtime/modules.js";

function edgesFrom(g: GrGraph, id: string): string[] {
  return [...g.dataEdges()].filter((e) => e.from === id).map((e) => `${e.to} ${e.type}`);
}

function declare(name: string, parent: GrGraph | null): GrGraph {
  const cls = new GrGraph();
  cls.className = name;
  cls.parent = parent;
  onClassDeclared(cls);
  return cls;
}

describe("universe", () => {
  it("starts with 29 nodes and 27 edges", () => {
    const u = universe();
    expect([u.dataNodeCount(), u.dataEdgeCount()]).toEqual([29, 27]);
    expect([u.nodes.get("type:num")!.value, u.nodes.get("error:FileError")!.value, u.nodes.get("scope:main")!.value]).toEqual(["type:num", "FileError", "main"]);
    expect(edgesFrom(u, "type:bignum")).toEqual(["type:num subtype_of"]);
    expect(edgesFrom(u, "error:NetError")).toEqual(["error:IOError subtype_of"]);
    expect(edgesFrom(u, "error:ValueError")).toEqual(["type:error subtype_of"]);
  });

  it("keeps only the type nodes in the type hierarchy", () => {
    const th = typeHierarchy();
    expect([th.dataNodeCount(), th.dataEdgeCount()]).toEqual([20, 19]);
    expect([...th.nodes.keys()].every((id) => id.startsWith("type:"))).toBe(true);
    expect(edgesFrom(th, "type:ForeignCallback")).toEqual(["type:foreign subtype_of"]);
  });

  it("adds classes and main-program imports in the order they happen", () => {
    const main = new GrModule("/p/main.gr", "main", "__main__", null, "/p/main.gr");
    const lib = new GrModule("/p/lib.gr", "lib", "lib", main, "/p/lib.gr");
    const nested = new GrModule("/p/deep.gr", "deep", "deep", lib, "/p/deep.gr");
    const animal = declare("Animal", null);
    importLog.push({ importer: main, module: lib, items: null });
    importLog.push({ importer: lib, module: nested, items: null });
    declare("Dog", animal);
    declare("Stray", new GrGraph());
    const u = universe();
    expect([...u.nodes.keys()].slice(29)).toEqual(["graph:Animal", "module:lib", "graph:Dog", "graph:Stray"]);
    expect(edgesFrom(u, "scope:main")).toEqual(["module:lib imports"]);
    expect(edgesFrom(u, "graph:Dog")).toEqual(["type:graph subtype_of", "graph:Animal subtype_of"]);
    expect(edgesFrom(u, "graph:Stray")).toEqual(["type:graph subtype_of"]);
    expect(reaches(u, u.nodes.get("graph:Dog")!, u.nodes.get("type:any")!)).toBe(true);
    importLog.length = 0;
  });
});
