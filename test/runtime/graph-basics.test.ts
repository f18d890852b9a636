// Graph construction, nodes and edges, display, equality, rendering, layers, clone and freeze
// (collections.md §4, §5, §8.6, §8.7, §10), following the conformance cases named in each test.
import { describe, expect, it } from "vitest";
import { share } from "../../runtime/values/collection.js";
import { equals, truthy } from "../../runtime/values/truth.js";
import { GrFunction } from "../../runtime/values/function.js";
import { toStringForm, typeName } from "../../runtime/values/format.js";
import { GrList } from "../../runtime/values/list.js";
import {
  deepClone,
  freezeGraph,
  graphGetIndex,
  graphMutators,
  graphSetIndex,
  GrGraph,
} from "../../runtime/graph/index.js";
import {
  call,
  callNamed,
  errorMessage,
  graph,
  hash,
  list,
  newTree,
  show,
  sym,
  withNodes,
} from "./graph-support.js";

describe("construction (graph-construct-types, tree-literal-ruleset)", () => {
  it("picks direction and implied rulesets from type: and ruleset:", () => {
    const g = graph();
    const u = graph({ type: sym("undirected") });
    const d = graph({ type: sym("dag") });
    const t = graph({ type: sym("tree") });
    const b = graph({ type: sym("directed"), ruleset: sym("bst") });
    const x = graph({ type: sym("dag"), ruleset: sym("binary_tree") });
    const odd = graph({ type: sym("sideways") });
    expect(show(g, u, typeName(g))).toBe("<graph: 0 nodes, 0 edges> <graph: 0 nodes, 0 edges> graph");
    expect(show(call(g, "has_ruleset", sym("dag")), call(d, "has_ruleset", sym("dag")), call(t, "has_ruleset", sym("tree")), call(b, "has_ruleset", sym("bst")))).toBe(
      "false true true true",
    );
    expect(show(call(x, "has_ruleset", sym("dag")), call(x, "has_ruleset", sym("binary_tree")))).toBe("false true");
    expect(show(call(d, "has_rule", sym("no_cycles")), call(g, "has_rule", sym("no_cycles")), call(u, "has_rule", sym("no_cycles")))).toBe(
      "true false false",
    );
    withNodes(odd, ["a", "b"], [1, 2]);
    call(odd, "add_edge", "a", "b");
    expect(show(call(odd, "has_path", "a", "b"), call(odd, "has_path", "b", "a"))).toBe("true false");
    withNodes(u, ["a", "b"], [1, 2]);
    call(u, "add_edge", "a", "b");
    expect(show(call(u, "has_path", "a", "b"), call(u, "has_path", "b", "a"))).toBe("true true");
    expect(equals(u, odd)).toBe(false);
  });

  it("tree{} is a directed graph with the :tree ruleset", () => {
    const t = newTree();
    expect(show(t, typeName(t), call(t, "node_count"), truthy(t))).toBe("<graph: 0 nodes, 0 edges> graph 0 false");
    expect(show(call(t, "has_ruleset", sym("tree")), call(t, "has_ruleset", sym("dag")))).toBe("true false");
    expect(show(call(t, "rule", sym("no_cycles")), call(t, "rule", sym("max_degree")))).toBe("true none");
    call(t, "add_node", "root", "R");
    expect(show(t, graphGetIndex(t, "root"), truthy(t))).toBe("<graph: 1 nodes, 0 edges> R true");
    const v = call(graph(), "with_ruleset", sym("tree")) as GrGraph;
    expect(show(call(v, "has_ruleset", sym("tree")), equals(t, v))).toBe("true false");
    call(v, "add_node", "root", "R");
    expect(equals(t, v)).toBe(true);
  });
});

describe("nodes, edges and counts", () => {
  it("counts, display and truthiness (graph-counts-display)", () => {
    const g = graph();
    expect(show(g, call(g, "node_count"), call(g, "edge_count"), truthy(g))).toBe("<graph: 0 nodes, 0 edges> 0 0 false");
    call(g, "add_node", "a", 0);
    expect(show(g, truthy(g))).toBe("<graph: 1 nodes, 0 edges> true");
    call(g, "add_node", "b", 0);
    call(g, "add_edge", "a", "b");
    call(g, "add_edge", "b", "a");
    call(g, "add_edge", "a", "a");
    expect(show(g, call(g, "node_count"), call(g, "edge_count"))).toBe("<graph: 2 nodes, 3 edges> 2 3");
    expect(show(list(g), toStringForm(g))).toBe("[<graph: 2 nodes, 3 edges>] <graph: 2 nodes, 3 edges>");
    expect(toStringForm(list(g))).toBe("[graph]");
  });

  it("returned shapes (§5.5)", () => {
    const g = graph({ type: sym("directed") });
    call(g, "add_node", "a", 1);
    call(g, "add_node", "b", hash({ n: 2 }));
    call(g, "add_edge", "a", "b", "knows");
    expect(show(g)).toBe("<graph: 2 nodes, 1 edges>");
    expect(show(call(g, "nodes"), call(g, "edges"))).toBe("[a, b] [[a, b, knows]]");
    expect(show(graphGetIndex(g, "a"), call(g, "get_node", "z"))).toBe("1 none");
  });

  it("node values of any kind; re-adding replaces the value (graph-node-values)", () => {
    const g = graph();
    call(g, "add_node", "num", 42);
    call(g, "add_node", "str", "text");
    call(g, "add_node", "list", list(1, list(2)));
    call(g, "add_node", "map", hash({ k: "v" }));
    call(g, "add_node", "nothing", null);
    call(g, "add_node", "sym", sym("tag"));
    const at = (id: string) => graphGetIndex(g, id);
    expect(show(call(g, "node_count"), at("num"), at("str"), at("list"), at("map"), at("nothing"), at("sym"))).toBe(
      '6 42 text [1, [2]] {"k": v} none :tag',
    );
    expect(show(((call(g, "get_node", "list") as GrList).items[1] as GrList).items[0]!, call(g, "get_node", "absent"))).toBe("2 none");
    call(g, "add_edge", "num", "str", "link");
    call(g, "add_node", "num", 43);
    expect(show(at("num"), call(g, "edge_count"))).toBe("43 1");
    expect(errorMessage(() => at("absent"))).toBe("Node 'absent' not found in graph");
    expect(errorMessage(() => call(g, "add_node", 7, "seven"))).toBe("Type error: expected string, got num");
    // A value read out is shared: the list engineer's copy-on-write protects the graph's copy.
    expect((at("list") as GrList).shared).toBe(true);
    expect(show(call(g, "has_node", "nothing"), call(g, "has_node", "absent"), call(g, "has_node", "NUM"))).toBe("true false false");
  });

  it("edge types: default, one per ordered pair, errors (graph-edge-types)", () => {
    const g = withNodes(graph(), ["a", "b"], [1, 2]);
    call(g, "add_edge", "a", "b");
    expect(show(call(g, "edges"))).toBe("[[a, b, edge]]");
    call(g, "add_edge", "a", "b", "knows");
    expect(show(call(g, "edges"), call(g, "edge_count"))).toBe("[[a, b, knows]] 1");
    call(g, "add_edge", "b", "a", "back");
    expect(show(call(g, "edge_count"), call(g, "edges"))).toBe("2 [[a, b, knows], [b, a, back]]");
    expect(errorMessage(() => call(g, "add_edge", "a", "b", sym("likes")))).toBe("Type error: expected string, got symbol");
    expect(errorMessage(() => call(g, "add_edge", "a", "b", "w", 5))).toBe(
      "add_edge() expects 2-3 arguments (from, to, [edge_type]), but got 4",
    );
    expect(show(call(g, "edges"))).toBe("[[a, b, knows], [b, a, back]]");
  });

  it("remove_node drops incident edges; missing things are no-ops (graph-remove-node-edge)", () => {
    const g = withNodes(graph(), ["a", "b", "c"], ["a", "b", "c"]);
    call(g, "add_edge", "a", "b", "x");
    call(g, "add_edge", "b", "c", "y");
    call(g, "add_edge", "c", "a", "z");
    expect(show(g)).toBe("<graph: 3 nodes, 3 edges>");
    call(g, "remove_node", "b");
    expect(show(g, call(g, "has_node", "b"), call(g, "edges"))).toBe("<graph: 2 nodes, 1 edges> false [[c, a, z]]");
    call(g, "remove_node", "b");
    call(g, "remove_node", "nope");
    expect(show(g)).toBe("<graph: 2 nodes, 1 edges>");
    call(g, "remove_edge", "a", "c");
    expect(show(call(g, "edge_count"))).toBe("1");
    call(g, "remove_edge", "c", "a");
    expect(show(g, call(g, "edges"))).toBe("<graph: 2 nodes, 0 edges> []");
    expect(show(call(g, "remove_node", "a"), call(g, "node_count"))).toBe("none 1");
  });

  it("has_node and type errors (graph-has-node-edge)", () => {
    const g = withNodes(graph(), ["x", "y"], [1, 2]);
    call(g, "add_edge", "x", "y", "to");
    expect(show(call(g, "has_node", "x"), call(g, "has_node", "z"), call(g, "has_node", ""))).toBe("true false false");
    expect(errorMessage(() => call(g, "has_node", 1))).toBe("Type error: expected string, got num");
  });

  it("undirected graphs store both directions and count 2 (§5.6, graph-undirected)", () => {
    const u = withNodes(graph({ type: sym("undirected") }), ["p", "q", "r", "s"], ["p", "q", "r", "s"]);
    call(u, "add_edge", "p", "q", "w");
    call(u, "add_edge", "q", "r", "w");
    expect(show(call(u, "edge_count"), call(u, "edges"))).toBe("4 [[p, q, w], [q, p, w], [q, r, w], [r, q, w]]");
    expect(show(call(u, "has_path", "r", "p"), call(u, "has_path", "p", "r"), call(u, "has_path", "p", "s"))).toBe("true true false");
    expect(show(call(u, "shortest_path", "r", "p"), call(u, "distance", "p", "r"), call(u, "distance", "s", "p"))).toBe("[r, q, p] 2 -1");
    call(u, "remove_edge", "q", "p");
    expect(show(call(u, "has_path", "p", "q"), call(u, "has_path", "q", "p"), call(u, "has_path", "q", "r"))).toBe("false false true");
    const e = call(u, "extract", null, null) as GrGraph;
    expect(show(call(e, "has_path", "r", "q"), equals(e, u))).toBe("true true");
  });

  it("set_node_type (graph-node-type)", () => {
    const g = withNodes(graph(), ["u1", "u2"], ["alice", "bob"]);
    call(g, "set_node_type", "u1", "User");
    expect(errorMessage(() => call(g, "set_node_type", "ghost", "User"))).toBe("Node 'ghost' not found");
    const h = deepClone(g);
    expect(equals(h, g)).toBe(true);
    call(h, "set_node_type", "u1", "Other");
    expect(equals(h, g)).toBe(false);
  });

  it("an edge to a node added later appears once the node exists", () => {
    const g = withNodes(graph(), ["a"]);
    call(g, "add_edge", "a", "later", "t");
    expect(show(g, call(g, "edges"))).toBe("<graph: 1 nodes, 0 edges> []");
    call(g, "add_node", "later", 1);
    expect(show(g, call(g, "edges"))).toBe("<graph: 2 nodes, 1 edges> [[a, later, t]]");
    call(g, "add_edge", "ghost", "a");
    expect(call(g, "edge_count")).toBe(1);
  });
});

describe("index access (graph-index-property, graph-alias-rebind)", () => {
  it("reads and writes nodes; errors for missing and non-string ids", () => {
    const g = graph();
    graphSetIndex(g, "title", "Report");
    graphSetIndex(g, "pages", 12);
    expect(show(call(g, "node_count"), graphGetIndex(g, "title"))).toBe("2 Report");
    graphSetIndex(g, "pages", 13);
    expect(show(graphGetIndex(g, "pages"), call(g, "node_count"))).toBe("13 2");
    expect(errorMessage(() => graphGetIndex(g, "owner"))).toBe("Node 'owner' not found in graph");
    expect(errorMessage(() => graphGetIndex(g, 3))).toBe("Type error: expected indexable type (list, map, string, or graph), got graph");
  });

  it("names the mutating methods so the compiler can clone-and-rebind", () => {
    for (const m of ["add_node", "set_node_type", "add_edge", "remove_node", "remove_edge", "add_rule", "remove_rule", "add_method_constraint"]) {
      expect(graphMutators.has(m)).toBe(true);
    }
    for (const m of ["with_ruleset", "clone", "extract", "nodes", "match"]) expect(graphMutators.has(m)).toBe(false);
  });

  it("with_ruleset returns a new graph and leaves the receiver alone", () => {
    const p = graph();
    const q = call(p, "with_ruleset", sym("dag")) as GrGraph;
    expect(show(call(p, "has_ruleset", sym("dag")), call(q, "has_ruleset", sym("dag")))).toBe("false true");
  });
});

describe("equality (graph-equality, graph-equals-options)", () => {
  it("== compares direction and the data layer only", () => {
    const x = graph();
    call(x, "add_node", "a", 1);
    const y = graph();
    call(y, "add_node", "a", 1.0);
    expect(show(equals(x, y), call(x, "equals", y))).toBe("true true");
    call(y, "add_node", "b", 2);
    expect(equals(x, y)).toBe(false);
    call(x, "add_node", "b", 2);
    call(x, "add_edge", "a", "b", "t1");
    call(y, "add_edge", "a", "b", "t2");
    expect(equals(x, y)).toBe(false);
    call(y, "add_edge", "a", "b", "t1");
    expect(equals(x, y)).toBe(true);
    call(y, "set_node_type", "a", "T");
    expect(equals(x, y)).toBe(false);
    call(x, "set_node_type", "a", "T");
    expect(equals(x, y)).toBe(true);
    call(x, "add_rule", sym("no_cycles"));
    x.props["prop"] = "only on x";
    expect(equals(x, y)).toBe(true);
    expect(show(equals(graph({ type: sym("undirected") }), graph()), equals(graph(), graph()), equals(newTree(), graph()))).toBe(
      "false true true",
    );
    expect(show(equals(x, list()), equals(x, null), equals(graph(), hash({})))).toBe("false false false");
  });

  it("equals(other, options) selects layers", () => {
    const x = graph();
    call(x, "add_node", "a", 1);
    const y = graph();
    call(y, "add_node", "a", 1);
    call(x, "add_rule", sym("no_cycles"));
    const eq = (options: ReturnType<typeof hash>) => call(x, "equals", y, options);
    expect(show(call(x, "equals", y), eq(hash({ include: sym("rules") })), eq(hash({ only: sym("data") })))).toBe("true false true");
    expect(show(eq(hash({ only: sym("rules") })), eq(hash({ only: list(sym("data"), sym("rules")) })))).toBe("false false");
    call(y, "add_rule", sym("no_cycles"));
    expect(show(eq(hash({ include: sym("rules") })))).toBe("true");
    call(y, "add_node", "a", 2);
    expect(show(eq(hash({ only: sym("rules") })), eq(hash({ include: sym("rules") })))).toBe("true false");
    const r1 = call(graph(), "with_ruleset", sym("dag")) as GrGraph;
    const r2 = graph();
    expect(show(equals(r1, r2), call(r1, "equals", r2, hash({ only: sym("rulesets") })), call(r1, "equals", r2, hash({ include: sym("rulesets") })))).toBe(
      "true false false",
    );
    expect(errorMessage(() => eq(hash({ only: sym("colors") })))).toBe(
      "Unknown comparison layer 'colors'. Valid layers: :data, :rules, :rulesets, :methods, :properties, :all",
    );
    // `equals(y, include: :rules)`: the name is dropped, so the option is ignored.
    expect(callNamed(x, "equals", [y, null], [sym("rules"), "include"])).toBe(false);
  });
});

describe("rendering (graph-visualize-forms, §5.8)", () => {
  it("renders the empty graph", () => {
    const g = graph();
    expect(call(g, "visualize")).toBe("Graph:\n  Nodes:\n    (none)\n  Edges:\n    (none)\n");
    expect(call(g, "to_dot")).toBe("digraph G {\n}\n");
    expect(call(g, "to_ascii")).toBe("(empty graph)\n");
  });

  it("renders nodes, edges and escaped quotes", () => {
    const g = graph();
    call(g, "add_node", "solo", list(1, "x"));
    call(g, "add_edge", "solo", "solo", "self");
    expect(call(g, "visualize")).toBe("Graph:\n  Nodes:\n    solo = [1, x]\n  Edges:\n    solo -> solo [self]\n");
    expect(call(g, "to_dot")).toBe('digraph G {\n  "solo";\n  "solo" -> "solo" [label="self"];\n}\n');
    expect(call(g, "to_ascii")).toBe("(no clear root - listing nodes)\n  solo\n");
    const q = graph();
    graphSetIndex(q, 'say "hi"', 1);
    expect(call(q, "to_dot")).toBe('digraph G {\n  "say \\"hi\\"";\n}\n');
    expect((call(g, "visualize") as string).split("\n").length).toBe(6);
  });

  it("to_ascii lists each root's descendants flush left, repeats shared ones and survives cycles", () => {
    const g = withNodes(graph(), ["r", "a", "b", "c", "other"]);
    call(g, "add_edge", "r", "a");
    call(g, "add_edge", "r", "b");
    call(g, "add_edge", "a", "c");
    call(g, "add_edge", "b", "c");
    call(g, "add_edge", "c", "a");
    expect(call(g, "to_ascii")).toBe("r\na\nc\nb\nc\na\nother\n");
  });

  it("rejects arguments other than :all", () => {
    const g = graph();
    expect(errorMessage(() => call(g, "nodes", sym("every")))).toBe("nodes() optional argument must be :all");
    expect(errorMessage(() => call(g, "visualize", 1))).toBe("visualize() optional argument must be :all");
  });
});

/** Attaches a method the way the lead's `fn g.m() {}` does, for the layer views. */
function attachMethod(g: GrGraph, name: string): void {
  const fn = new GrFunction(name, ["n"], (n: number) => n + 1, "method");
  g.methods.set(name, [{ name, fn, guard: null, owner: g, isStatic: false }]);
}

describe("layers (graph-internal-layers, §8.7) and graph-valued nodes (§8.6)", () => {
  it("hides the method layer except in :all views", () => {
    const g = graph();
    call(g, "add_node", "data", 1);
    attachMethod(g, "inc");
    expect(show(call(g, "node_count"), call(g, "edge_count"), call(g, "nodes"), call(g, "edges"))).toBe("1 0 [data] []");
    expect(show(call(g, "nodes", sym("all")))).toBe("[data, __methods__, __methods__/inc]");
    expect(show(call(g, "edges", sym("all")))).toBe("[[__methods__, __methods__/inc, has_method]]");
    expect(call(g, "visualize", sym("all"))).toBe(
      "Graph:\n  Nodes:\n    data = 1\n    __methods__ = none\n    __methods__/inc = <function inc>\n" +
        "  Edges:\n    __methods__ -> __methods__/inc [has_method]\n",
    );
    expect(call(g, "to_ascii", sym("all"))).toBe("data\n__methods__\n__methods__/inc\n");
    const h = graph();
    call(h, "add_node", "data", 1);
    expect(equals(g, h)).toBe(true);
  });

  it("a node value may be a graph, shown by its display form", () => {
    const badge = graph();
    call(badge, "add_node", "name", "Lin");
    const staff = graph();
    call(staff, "add_node", "p1", badge);
    expect(call(staff, "visualize")).toBe("Graph:\n  Nodes:\n    p1 = <graph: 1 nodes, 0 edges>\n  Edges:\n    (none)\n");
    // graph-object-shared-handle: index writes through the node value reach the original.
    graphSetIndex(graphGetIndex(staff, "p1") as GrGraph, "name", "Mae");
    expect(show(graphGetIndex(badge, "name"), graphGetIndex(graphGetIndex(staff, "p1") as GrGraph, "name"))).toBe("Mae Mae");
  });
});

describe("clone (graph-clone)", () => {
  it("is a deep, independent copy including rules and methods", () => {
    const g = graph();
    call(g, "add_node", "a", list(1, 2));
    call(g, "add_node", "b", 2);
    call(g, "add_edge", "a", "b", "e");
    call(g, "add_rule", sym("no_cycles"));
    attachMethod(g, "total");
    const c = call(g, "clone") as GrGraph;
    expect(show(equals(c, g), call(c, "node_count"), call(c, "edge_count"), call(c, "has_rule", sym("no_cycles")), c.methods.has("total"))).toBe(
      "true 2 1 true true",
    );
    call(c, "add_node", "x", 0);
    call(c, "remove_edge", "a", "b");
    expect(show(call(g, "node_count"), call(g, "edge_count"), call(c, "node_count"), call(c, "edge_count"), equals(g, c))).toBe("2 1 3 0 false");
    attachMethod(c, "only_on_clone");
    expect(g.methods.has("only_on_clone")).toBe(false);
    graphSetIndex(c, "a", "changed");
    expect(show(graphGetIndex(g, "a"), graphGetIndex(c, "a"))).toBe("[1, 2] changed");
  });
});

describe("freeze (freeze-graph)", () => {
  it("returns a frozen deep copy that rejects every mutation", () => {
    const g = graph();
    call(g, "add_node", "a", list(1));
    call(g, "add_node", "b", 2);
    call(g, "add_edge", "a", "b");
    const gf = freezeGraph(g);
    expect(show(gf.frozen, (graphGetIndex(gf, "a") as GrList).frozen, call(gf, "node_count"), equals(gf, g))).toBe("true true 2 true");
    const attempts: [string, () => unknown][] = [
      ["add_node", () => call(gf, "add_node", "c", 3)],
      ["index", () => graphSetIndex(gf, "c", 3)],
      ["add_edge", () => call(gf, "add_edge", "b", "a")],
      ["remove_node", () => call(gf, "remove_node", "a")],
      ["remove_edge", () => call(gf, "remove_edge", "a", "b")],
    ];
    for (const [label, attempt] of attempts) expect(`${label}: ${errorMessage(attempt)}`).toBe(`${label}: Cannot modify frozen graph`);
    expect(show(call(gf, "node_count"), call(gf, "edge_count"), call(gf, "has_path", "a", "b"))).toBe("2 1 true");
    // The original stays mutable (graphoid-js fixes the reference freezing the shared original).
    expect(g.frozen).toBe(false);
    call(g, "add_node", "c", 3);
    expect(call(g, "node_count")).toBe(3);
  });

  it("freezes hash values and nested graphs too, and copes with a graph holding itself", () => {
    const g = graph();
    call(g, "add_node", "h", hash({ k: list(1) }));
    const inner = graph();
    call(g, "add_node", "inner", inner);
    call(g, "add_node", "me", share(g));
    const gf = freezeGraph(g);
    const h = graphGetIndex(gf, "h") as ReturnType<typeof hash>;
    expect(show(h.frozen, (h.entries.get("k") as GrList).frozen, (graphGetIndex(gf, "inner") as GrGraph).frozen)).toBe("true true true");
    expect(graphGetIndex(gf, "me")).toBe(gf);
    expect(inner.frozen).toBe(false);
  });
});
