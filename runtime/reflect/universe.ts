// The universe graph (runtime.md §3.3): the built-in types and error types joined by `subtype_of`
// edges, `scope:main`, then what the program adds while it runs: a `graph:Name` node per class
// declaration and a `module:NAME` node per import. Only the main program's own declarations and
// imports count: the reference runs each imported module in a separate interpreter, whose
// universe the program never sees (as with `reflect.loaded_modules()`).
import { GrGraph } from "../graph/graph.js";
import { listenForClasses } from "../reflect-hooks.js";
import { importLog, loadedModules, type GrModule } from "../modules.js";

/** Every `type:*` node, parent first, with the type it is a subtype of. */
const TYPES: [string, string | null][] = [
  ["any", null],
  ["num", "any"],
  ["bignum", "num"],
  ["string", "any"],
  ["bool", "any"],
  ["none", "any"],
  ["symbol", "any"],
  ["collection", "any"],
  ["list", "collection"],
  ["map", "collection"],
  ["graph", "collection"],
  ["function", "any"],
  ["module", "any"],
  ["error", "any"],
  ["time", "any"],
  ["foreign", "any"],
  ["ForeignLib", "foreign"],
  ["ForeignPtr", "foreign"],
  ["ForeignStruct", "foreign"],
  ["ForeignCallback", "foreign"],
];

/** Error types `catch` knows, with their parent error type (null: directly under `type:error`). */
const ERRORS: [string, string | null][] = [
  ["RuntimeError", null],
  ["ValueError", null],
  ["TypeError", null],
  ["IOError", null],
  ["NetworkError", null],
  ["ParseError", null],
  ["FileError", "IOError"],
  ["NetError", "IOError"],
];

const SUBTYPE = "subtype_of";

/** The graph of `reflect.type_hierarchy()`: the `type:*` nodes only. */
export function typeHierarchy(): GrGraph {
  const g = new GrGraph();
  for (const [name] of TYPES) g.putNode("type:" + name, "type:" + name);
  for (const [name, parent] of TYPES) if (parent !== null) g.putEdge("type:" + name, "type:" + parent, SUBTYPE, null);
  return g;
}

/** A class declared by the main program, and how many imports had happened before it. */
interface ClassEvent {
  name: string;
  parent: string | null;
  importsBefore: number;
}

const classEvents: ClassEvent[] = [];

/** The main program is the one module with no importer. */
function isMain(m: GrModule): boolean {
  return m.importer === null;
}

listenForClasses((cls) => {
  if (cls.className === null) return;
  // A class declared while an imported module's top level runs belongs to that module.
  if (loadedModules().some((m) => m.state === "loading")) return;
  classEvents.push({ name: cls.className, parent: cls.parent?.className ?? null, importsBefore: importLog.length });
});

/** A new graph holding the universe as it is now (`reflect.universe()` returns a copy). */
export function universe(): GrGraph {
  const g = typeHierarchy();
  g.putNode("scope:main", "main");
  for (const [name, parent] of ERRORS) {
    g.putNode("error:" + name, name);
    g.putEdge("error:" + name, parent === null ? "type:error" : "error:" + parent, SUBTYPE, null);
  }
  let imports = 0;
  const addImportsBefore = (end: number) => {
    for (; imports < end; imports++) {
      const entry = importLog[imports]!;
      if (!isMain(entry.importer)) continue;
      const id = "module:" + entry.module.bindingName;
      g.putNode(id, entry.module.bindingName);
      g.putEdge("scope:main", id, "imports", null);
    }
  };
  for (const c of classEvents) {
    addImportsBefore(c.importsBefore);
    const id = "graph:" + c.name;
    g.putNode(id, c.name);
    g.putEdge(id, "type:graph", SUBTYPE, null);
    if (c.parent !== null && g.nodes.has("graph:" + c.parent)) g.putEdge(id, "graph:" + c.parent, SUBTYPE, null);
  }
  addImportsBefore(importLog.length);
  return g;
}
