// graphoid-js extensions to the reference's graph API (collections.md §5.3 and §8.4 "spec only"):
// traversals, degrees, weighted edges; plus method constraints (§8.8), the universal freeze() hook,
// and linear-time behaviour on a large graph.
import { describe, expect, it } from "vitest";
import { universalMethods } from "../../runtime/methods/table.js";
import "../../runtime/methods/index.js";
import { GrList } from "../../runtime/values/list.js";
import {
  checkMethodConstraints,
  hasMethodConstraints,
  restoreGraph,
  type GrGraph,
} from "../../runtime/graph/index.js";
import { call, callNamed, caught, errorMessage, graph, lambda, show, sym, withNodes, captureStderr } from "./graph-support.js";

captureStderr();

function sample(): GrGraph {
  const g = withNodes(graph(), ["a", "b", "c", "d", "e", "x"]);
  for (const [f, t] of ["ab", "ac", "bd", "cd", "de"]) call(g, "add_edge", f!, t!, f === "a" ? "first" : "then");
  return g;
}

describe("traversals", () => {
  it("bfs and dfs list reachable ids in insertion order; a missing start gives []", () => {
    const g = sample();
    expect(show(call(g, "bfs", "a"), call(g, "dfs", "a"))).toBe("[a, b, c, d, e] [a, b, d, e, c]");
    expect(show(call(g, "bfs", "x"), call(g, "dfs", "ghost"))).toBe("[x] []");
    expect(errorMessage(() => call(g, "bfs", 1))).toBe("Type error: expected string, got num");
  });

  it("nodes_within(id, hops: n) lists ids 1..n edges away, nearest first", () => {
    const g = sample();
    expect(show(callNamed(g, "nodes_within", ["a", null], [1, "hops"]), callNamed(g, "nodes_within", ["a", null], [2, "hops"]))).toBe(
      "[b, c] [b, c, d]",
    );
    expect(show(call(g, "nodes_within", "a", 9), call(g, "nodes_within", "e", 3))).toBe("[b, c, d, e] []");
  });

  it("neighbors, degrees and has_edge", () => {
    const g = sample();
    expect(show(call(g, "neighbors", "a"), call(g, "neighbors", "d"), call(g, "neighbors", "a", "then"), call(g, "neighbors", "ghost"))).toBe(
      "[b, c] [e] [] []",
    );
    expect(show(call(g, "degree", "d"), call(g, "in_degree", "d"), call(g, "out_degree", "d"), call(g, "degree", "ghost"))).toBe("3 2 1 0");
    expect(show(call(g, "has_edge", "a", "b"), call(g, "has_edge", "b", "a"))).toBe("true false");
    const u = withNodes(graph({ type: sym("undirected") }), ["p", "q", "r"]);
    call(u, "add_edge", "p", "q");
    call(u, "add_edge", "q", "r");
    expect(show(call(u, "degree", "q"), call(u, "neighbors", "q"), call(u, "has_edge", "q", "p"))).toBe("2 [p, r] true");
  });
});

describe("weighted edges through the named weight: argument", () => {
  it("shortest_path(:weighted) runs Dijkstra over weighted edges only", () => {
    const g = withNodes(graph(), ["a", "b", "c", "d"]);
    const weighted = (f: string, t: string, w: number, type = "road") => callNamed(g, "add_edge", [f, null], [t, null], [type, null], [w, "weight"]);
    weighted("a", "b", 1);
    weighted("b", "c", 1);
    weighted("a", "c", 5);
    weighted("c", "d", 1, "ferry");
    call(g, "add_edge", "a", "d");
    expect(show(call(g, "shortest_path", "a", "d"), call(g, "shortest_path", "a", "d", sym("weighted")))).toBe("[a, d] [a, b, c, d]");
    expect(show(call(g, "shortest_path", "a", "d", "road", sym("weighted")), call(g, "shortest_path", "a", "c", "road", sym("weighted")))).toBe(
      "none [a, b, c]",
    );
    expect(show(callNamed(g, "shortest_path", ["a", null], ["c", null], [sym("road"), "edge_type"]))).toBe("[a, c]");
    // The positional weight stays an error, as in the reference.
    expect(errorMessage(() => call(g, "add_edge", "a", "b", "road", 3))).toBe("add_edge() expects 2-3 arguments (from, to, [edge_type]), but got 4");
  });

  it("weighted_edges accepts weighted edges; unweighted_edges strips weights when attached", () => {
    const g = withNodes(graph(), ["a", "b"]);
    call(g, "add_rule", sym("weighted_edges"));
    callNamed(g, "add_edge", ["a", null], ["b", null], [2, "weight"]);
    expect(call(g, "edge_count")).toBe(1);
    call(g, "add_rule", sym("unweighted_edges"));
    expect(show(call(g, "shortest_path", "a", "b", sym("weighted")))).toBe("none");
  });
});

/** What the lead's method-call code does around an attached method (collections.md §8.8). */
function callAttached(self: GrGraph, name: string, body: (self: GrGraph) => void): void {
  const before = hasMethodConstraints(self) ? self.clone() : null;
  body(self);
  if (before === null) return;
  try {
    checkMethodConstraints(before, self, name);
  } catch (e) {
    restoreGraph(self, before);
    throw e;
  }
}

describe("method constraints (§8.8)", () => {
  it("no_node_removals discards the method's changes and names the removed ids", () => {
    const ledger = graph();
    call(ledger, "add_rule", sym("no_node_removals"));
    callAttached(ledger, "record", (self) => call(self, "add_node", "t1", 5));
    const err = caught(() => callAttached(ledger, "purge", (self) => call(self, "remove_node", "t1")));
    expect(err).toEqual({ type: "RuntimeError", message: `Method 'purge' violates :no_node_removals constraint: removed node(s) ["t1"]` });
    expect(show(call(ledger, "node_count"), call(ledger, "has_rule", sym("no_node_removals")))).toBe("1 true");
  });

  it("read_only, no_edge_removals and custom constraints", () => {
    const g = withNodes(graph(), ["a", "b"]);
    call(g, "add_edge", "a", "b");
    call(g, "add_rule", sym("read_only"));
    // Value changes are not detected, as in the reference.
    callAttached(g, "touch", (self) => call(self, "add_node", "a", 99));
    expect(errorMessage(() => callAttached(g, "grow", (self) => call(self, "add_node", "c", 1)))).toBe(
      "Method 'grow' violates :read_only constraint: graph was modified",
    );
    call(g, "remove_rule", sym("read_only"));
    call(g, "add_rule", sym("no_edge_removals"));
    expect(errorMessage(() => callAttached(g, "cut", (self) => call(self, "remove_edge", "a", "b")))).toBe(
      "Method 'cut' violates :no_edge_removals constraint: edges removed",
    );
    expect(call(g, "edge_count")).toBe(1);
    const small = lambda(["before", "after"], (_before, after) => (call(after as GrGraph, "node_count") as number) < 4);
    call(g, "add_method_constraint", small, "small");
    call(g, "add_method_constraint", lambda(["b", "a"], () => 1));
    callAttached(g, "ok", (self) => call(self, "add_node", "c", 1));
    expect(errorMessage(() => callAttached(g, "big", (self) => call(self, "add_node", "d", 1)))).toBe(
      "Method 'big' violates custom constraint 'small': constraint returned false",
    );
    expect(show(call(g, "nodes"), g.constraints.map((c) => c.name).join(","))).toBe("[a, b, c] no_edge_removals,small,custom_constraint");
    expect(errorMessage(() => call(g, "add_method_constraint", 5))).toBe("add_method_constraint() expects a function, got num");
  });
});

describe("the universal freeze() reaches the graph freezer", () => {
  it("freezes node values and leaves the receiver mutable", () => {
    const g = graph();
    call(g, "add_node", "a", new GrList([1]));
    const frozen = universalMethods.freeze!(g, [], null) as GrGraph;
    expect(show(frozen.frozen, (call(frozen, "get_node", "a") as GrList).frozen, g.frozen)).toBe("true true false");
  });
});

describe("scale", () => {
  // Speed is measured in bench/; this checks the answers at a size where a quadratic step would
  // not finish within the test timeout.
  it("builds a 100k-node chain and answers path queries", () => {
    const n = 100_000;
    const g = graph();
    for (let i = 0; i < n; i++) call(g, "add_node", `n${i}`, i);
    for (let i = 1; i < n; i++) call(g, "add_edge", `n${i - 1}`, `n${i}`);
    const path = call(g, "shortest_path", "n0", `n${n - 1}`) as GrList;
    const order = call(g, "bfs", "n0") as GrList;
    const within = call(g, "all_paths", "n0", `n${n - 1}`, n) as GrList;
    expect(show(path.items.length, order.items.length, within.items.length, call(g, "distance", "n0", `n${n - 1}`))).toBe(
      `${n} ${n} 1 ${n - 1}`,
    );
    expect((call(g, "to_ascii") as string).length).toBeGreaterThan(n);
  });
});

