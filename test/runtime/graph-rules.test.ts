// Structural rules and rulesets on graphs (collections.md §6), from the rule-*, ruleset-* and
// tree-* conformance cases: exact messages, the stderr warnings, and the state left behind.
import { describe, expect, it } from "vitest";
import type { GrGraph } from "../../runtime/graph/index.js";
import { call, caught, errorMessage, graph, lambda, list, newTree, show, sym, withNodes, captureStderr } from "./graph-support.js";

const stderr = captureStderr();
const prefix = (rule: string, check: string = rule) => `Graph rule violated: ${rule} - Graph rule violated: ${check} - `;

describe("add_rule errors (rule-add-errors)", () => {
  it("reports each malformed call like the reference", () => {
    const g = graph();
    expect(errorMessage(() => call(g, "add_rule", sym("bogus")))).toBe("Unknown rule: :bogus");
    expect(errorMessage(() => call(g, "add_rule", sym("no_cycles"), 3))).toBe("Rule :no_cycles does not accept parameters");
    expect(errorMessage(() => call(g, "add_rule", sym("max_degree"), "two"))).toBe("add_rule() parameter must be a number, got string");
    expect(errorMessage(() => call(g, "add_rule", lambda(["n"], (n) => n)))).toBe("add_rule() expects a symbol, got function");
    expect(errorMessage(() => call(g, "add_rule", sym("validate_range"), 1, 5))).toBe(
      "add_rule() expects 1-2 arguments (rule_symbol, [param]), but got 3",
    );
    expect(errorMessage(() => call(g, "add_rule", sym("bst_ordering")))).toBe("Unknown rule: :bst_ordering");
    expect(show(call(g, "add_rule", sym("no_cycles")), call(g, "has_rule", sym("no_cycles")))).toBe("none true");
    call(g, "add_rule", sym("no_cycles"));
    expect(g.rules.length).toBe(1);
  });

  it("stores behaviors and constraint rules without enforcing them", () => {
    const g = graph();
    call(g, "add_rule", sym("none_to_zero"));
    call(g, "add_rule", sym("read_only"));
    call(g, "add_node", "a", null);
    expect(show(call(g, "has_rule", sym("none_to_zero")), call(g, "has_rule", sym("read_only")), call(g, "get_node", "a"))).toBe("true true none");
    call(g, "remove_rule", sym("none_to_zero"));
    expect(call(g, "has_rule", sym("none_to_zero"))).toBe(false);
  });
});

describe("no_cycles (rule-no-cycles, ruleset-dag, rule-violation-error-object)", () => {
  it("rejects an edge whose target already reaches its source", () => {
    const g = withNodes(graph(), ["a", "b", "c", "d"]);
    call(g, "add_rule", sym("no_cycles"));
    call(g, "add_edge", "a", "b");
    call(g, "add_edge", "b", "c");
    call(g, "add_edge", "a", "c");
    call(g, "add_edge", "d", "a");
    expect(show(call(g, "edge_count"), call(g, "has_rule", sym("no_cycles")), call(g, "rule", sym("no_cycles")))).toBe("4 true true");
    const outcomes = [
      ["c", "a"],
      ["c", "d"],
      ["b", "b"],
      ["c", "b"],
    ].map(([f, t]) => errorMessage(() => call(g, "add_edge", f!, t!)));
    expect(outcomes).toEqual([
      prefix("no_cycles") + "Adding edge from 'c' to 'a' would create a cycle",
      prefix("no_cycles") + "Adding edge from 'c' to 'd' would create a cycle",
      prefix("no_cycles") + "Adding edge from 'b' to 'b' would create a cycle",
      prefix("no_cycles") + "Adding edge from 'c' to 'b' would create a cycle",
    ]);
    expect(call(g, "edge_count")).toBe(4);
    call(g, "remove_edge", "b", "c");
    call(g, "add_edge", "c", "b");
    expect(show(call(g, "edge_count"), call(g, "has_path", "c", "b"), call(g, "has_path", "b", "c"))).toBe("4 true false");
  });

  it("raises a RuleViolation, warns on stderr and leaves the graph unchanged", () => {
    const plan = withNodes(graph({ type: sym("dag") }), ["design", "deploy"]);
    call(plan, "add_edge", "design", "deploy", "before");
    const err = caught(() => call(plan, "add_edge", "deploy", "design", "before"));
    expect(err.type).toBe("RuleViolation");
    expect(err.message).toBe(prefix("no_cycles") + "Adding edge from 'deploy' to 'design' would create a cycle");
    expect(stderr.text()).toBe("WARNING: Graph rule violated: no_cycles - Adding edge from 'deploy' to 'design' would create a cycle\n");
    expect(show(call(plan, "edge_count"), call(plan, "has_path", "deploy", "design"))).toBe("1 false");
  });

  it("the :dag ruleset (ruleset-dag)", () => {
    const d = graph({ type: sym("dag") });
    for (const step of ["fetch", "build", "test", "ship"]) call(d, "add_node", step, step.length);
    call(d, "add_edge", "fetch", "build", "then");
    call(d, "add_edge", "build", "test", "then");
    call(d, "add_edge", "test", "ship", "then");
    call(d, "add_edge", "fetch", "test", "then");
    expect(show(d, call(d, "has_ruleset", sym("dag")), call(d, "has_rule", sym("no_cycles")))).toBe("<graph: 4 nodes, 4 edges> true true");
    for (const [f, t] of [
      ["ship", "fetch"],
      ["test", "build"],
      ["ship", "ship"],
    ]) {
      expect(errorMessage(() => call(d, "add_edge", f!, t!, "then"))).toBe(
        prefix("no_cycles") + `Adding edge from '${f}' to '${t}' would create a cycle`,
      );
    }
    expect(show(call(d, "edge_count"), call(d, "shortest_path", "fetch", "ship"), call(d, "distance", "fetch", "ship"))).toBe(
      "4 [fetch, test, ship] 2",
    );
    call(d, "add_edge", "build", "ship", "then");
    expect(call(d, "edge_count")).toBe(5);
  });

  it("on an undirected graph an edge closes a cycle when its ends are already connected", () => {
    const u = withNodes(graph({ type: sym("undirected") }), ["a", "b", "c"]);
    call(u, "add_rule", sym("no_cycles"));
    call(u, "add_edge", "a", "b");
    call(u, "add_edge", "b", "c");
    expect(caught(() => call(u, "add_edge", "c", "a")).type).toBe("RuleViolation");
    call(u, "remove_edge", "a", "b");
    expect(call(u, "edge_count")).toBe(2);
  });
});

describe("single_root and connected are checked on removal (rule-single-root, rule-connected, tree-removal-checks)", () => {
  it("single_root looks at the graph before the removal", () => {
    const g = graph();
    call(g, "add_rule", sym("single_root"));
    withNodes(g, ["r", "k"]);
    call(g, "add_edge", "r", "k");
    call(g, "remove_edge", "r", "k");
    expect(call(g, "edge_count")).toBe(0);
    expect(errorMessage(() => call(g, "remove_node", "k"))).toBe(prefix("single_root") + 'Tree must have exactly one root, found 2 roots: ["r", "k"]');
    expect(call(g, "node_count")).toBe(2);
    const loop = graph();
    call(loop, "add_rule", sym("single_root"));
    withNodes(loop, ["x", "y"]);
    call(loop, "add_edge", "x", "y");
    call(loop, "add_edge", "y", "x");
    expect(call(loop, "edge_count")).toBe(2);
    expect(errorMessage(() => call(loop, "remove_edge", "y", "x"))).toBe(
      prefix("single_root") + "Tree must have at least one root node (no incoming edges)",
    );
    const empty = graph();
    call(empty, "add_rule", sym("single_root"));
    call(empty, "remove_node", "none");
    expect(call(empty, "node_count")).toBe(0);
  });

  it("connected", () => {
    const g = graph();
    call(g, "add_rule", sym("connected"));
    withNodes(g, ["a", "b"], [1, 2]);
    expect(show(call(g, "node_count"), call(g, "has_rule", sym("connected")))).toBe("2 true");
    const message = prefix("connected") + "Graph must be connected (all nodes reachable)";
    expect(errorMessage(() => call(g, "remove_node", "b"))).toBe(message);
    call(g, "add_edge", "a", "b");
    call(g, "add_node", "c", 3);
    call(g, "add_edge", "c", "b");
    call(g, "remove_edge", "c", "b");
    expect(show(call(g, "edge_count"), call(g, "has_node", "c"))).toBe("1 true");
    expect(errorMessage(() => call(g, "remove_node", "c"))).toBe(message);
    call(g, "add_edge", "b", "c");
    call(g, "remove_node", "c");
    expect(show(call(g, "node_count"), call(g, "edge_count"))).toBe("2 1");
  });

  it("a tree accepts disconnected nodes while adding, then refuses removals", () => {
    const t = newTree();
    withNodes(t, ["root", "a"], [0, 1]);
    call(t, "add_edge", "root", "a");
    call(t, "add_node", "island", 2);
    expect(show(call(t, "node_count"), call(t, "edge_count"))).toBe("3 1");
    const err = caught(() => call(t, "remove_node", "a"));
    expect(err.type).toBe("RuleViolation");
    expect(err.message.split(" roots: ")[0]).toBe(prefix("single_root") + "Tree must have exactly one root, found 2");
    expect(show(call(t, "node_count"), call(t, "has_node", "a"))).toBe("3 true");
    const ok = newTree();
    withNodes(ok, ["root", "a", "b"], [0, 1, 2]);
    call(ok, "add_edge", "root", "a");
    call(ok, "add_edge", "a", "b");
    call(ok, "remove_node", "b");
    expect(show(call(ok, "node_count"), call(ok, "edge_count"))).toBe("2 1");
    call(ok, "remove_edge", "root", "a");
    expect(call(ok, "edge_count")).toBe(0);
  });

  it("tree{} rejects cycles (tree-build-reject-cycle)", () => {
    const t = newTree();
    withNodes(t, ["root", "left", "right", "leaf"], [1, 2, 3, 4]);
    call(t, "add_edge", "root", "left", "child");
    call(t, "add_edge", "root", "right", "child");
    call(t, "add_edge", "left", "leaf", "child");
    expect(show(t, call(t, "shortest_path", "root", "leaf"), call(t, "distance", "root", "leaf"))).toBe(
      "<graph: 4 nodes, 3 edges> [root, left, leaf] 2",
    );
    expect(errorMessage(() => call(t, "add_edge", "right", "right", "child"))).toBe(
      prefix("no_cycles") + "Adding edge from 'right' to 'right' would create a cycle",
    );
    expect(show(call(t, "edge_count"), call(t, "has_path", "leaf", "root"))).toBe("3 false");
  });
});

describe("max_degree and binary_tree (rule-max-degree, rule-binary-tree, tree-binary-max-children)", () => {
  it("limits out-edges per node", () => {
    const g = graph();
    call(g, "add_rule", sym("max_degree"), 2);
    expect(show(call(g, "rule", sym("max_degree")), call(g, "has_rule", sym("max_degree")))).toBe("2 true");
    withNodes(g, ["s", "a", "b", "c"]);
    call(g, "add_edge", "s", "a");
    call(g, "add_edge", "s", "b");
    expect(errorMessage(() => call(g, "add_edge", "s", "c"))).toBe(prefix("max_degree") + "Node 's' already has 2 edges, maximum is 2");
    // Re-typing an existing edge of a full node is refused too.
    expect(caught(() => call(g, "add_edge", "s", "a", "retyped")).type).toBe("RuleViolation");
    expect(show(call(g, "edge_count"), call(g, "has_path", "s", "c"))).toBe("2 false");
    call(g, "add_edge", "c", "s");
    call(g, "add_edge", "a", "s");
    expect(call(g, "edge_count")).toBe(4);
    const z = graph();
    call(z, "add_rule", sym("max_degree"), 0);
    call(z, "add_node", "only", 1);
    expect(errorMessage(() => call(z, "add_edge", "only", "only"))).toBe(prefix("max_degree") + "Node 'only' already has 0 edges, maximum is 0");
  });

  it("an ad-hoc :binary_tree reports its own name before the max_degree check", () => {
    const g = graph();
    call(g, "add_rule", sym("binary_tree"));
    expect(show(call(g, "has_rule", sym("binary_tree")), call(g, "rule", sym("binary_tree")), call(g, "has_ruleset", sym("binary_tree")))).toBe(
      "true true false",
    );
    withNodes(g, ["p", "l", "r", "extra"]);
    call(g, "add_edge", "p", "l");
    call(g, "add_edge", "p", "r");
    const err = caught(() => call(g, "add_edge", "p", "extra"));
    expect(err.type).toBe("RuleViolation");
    expect(err.message).toBe(prefix("binary_tree", "max_degree") + "Node 'p' already has 2 edges, maximum is 2");
    expect(stderr.text()).toBe("WARNING: Graph rule violated: max_degree - Node 'p' already has 2 edges, maximum is 2\n");
    call(g, "add_edge", "l", "p");
    expect(show(call(g, "edge_count"), call(g, "has_path", "l", "r"))).toBe("3 true");
    call(g, "remove_rule", sym("binary_tree"));
    call(g, "add_edge", "p", "extra");
    expect(show(call(g, "edge_count"), call(g, "has_rule", sym("binary_tree")))).toBe("4 false");
  });

  it("the :binary_tree ruleset uses the check's name", () => {
    const bt = call(graph(), "with_ruleset", sym("binary_tree")) as GrGraph;
    expect(show(call(bt, "has_ruleset", sym("binary_tree")), call(bt, "has_rule", sym("binary_tree")), call(bt, "has_rule", sym("no_cycles")))).toBe(
      "true true true",
    );
    withNodes(bt, ["p", "c1", "c2", "c3"]);
    call(bt, "add_edge", "p", "c1");
    call(bt, "add_edge", "p", "c2");
    expect(errorMessage(() => call(bt, "add_edge", "p", "c3"))).toBe(prefix("max_degree") + "Node 'p' already has 2 edges, maximum is 2");
    call(bt, "add_edge", "c1", "c3");
    expect(call(bt, "edge_count")).toBe(3);
    expect(errorMessage(() => call(bt, "add_edge", "c3", "p"))).toBe(prefix("no_cycles") + "Adding edge from 'c3' to 'p' would create a cycle");
  });
});

describe("no_duplicates and weighted edges (rule-no-duplicates-graph, rule-weighted-edges)", () => {
  it("rejects equal node values and cleans existing duplicates when attached", () => {
    const g = graph();
    call(g, "add_rule", sym("no_dups"));
    expect(call(g, "has_rule", sym("no_duplicates"))).toBe(true);
    call(g, "add_node", "a", 5);
    call(g, "add_node", "b", 6);
    const err = caught(() => call(g, "add_node", "c", 5));
    expect(show(err.type, err.message.startsWith("Graph rule violated: no_duplicates"))).toBe("RuleViolation true");
    expect(show(call(g, "node_count"), call(g, "has_node", "c"))).toBe("2 false");
    call(g, "add_node", "c", "5");
    expect(call(g, "node_count")).toBe(3);
    const h = graph();
    call(h, "add_node", "x", list(1));
    call(h, "add_node", "y", list(1));
    call(h, "add_node", "z", list(2));
    call(h, "add_rule", sym("no_duplicates"));
    expect(show(call(h, "node_count"), call(h, "has_node", "z"), call(h, "has_node", "x"), call(h, "has_node", "y"))).toBe("2 true true false");
  });

  it("weighted_edges removes unweighted edges and rejects new ones; unweighted_edges accepts them", () => {
    const g = withNodes(graph(), ["a", "b"], [1, 2]);
    call(g, "add_edge", "a", "b");
    call(g, "add_rule", sym("weighted_edges"));
    expect(show(call(g, "has_rule", sym("weighted_edges")), call(g, "edge_count"), call(g, "node_count"))).toBe("true 0 2");
    expect(errorMessage(() => call(g, "add_edge", "b", "a", "road"))).toBe(
      prefix("weighted_edges") + "Edge from 'b' to 'a' must have a weight (weighted_edges rule active)",
    );
    expect(call(g, "edge_count")).toBe(0);
    const h = graph();
    call(h, "add_rule", sym("unweighted_edges"));
    withNodes(h, ["x", "y"]);
    call(h, "add_edge", "x", "y");
    expect(show(call(h, "has_rule", sym("unweighted_edges")), call(h, "edge_count"))).toBe("true 1");
  });
});

describe("retroactive refusal and remove_rule (rule-retroactive-refusal, rule-remove-rule)", () => {
  it("does not add a rule the existing data violates, with a warning", () => {
    const g = withNodes(graph(), ["a", "b"], [1, 2]);
    call(g, "add_edge", "a", "b");
    call(g, "add_edge", "b", "a");
    call(g, "add_rule", sym("no_cycles"));
    expect(show(call(g, "has_rule", sym("no_cycles")), call(g, "edge_count"))).toBe("false 2");
    expect(stderr.text()).toBe("WARNING: Cannot add rule 'no_cycles' - existing data violates rule and cannot be automatically cleaned\n");
    call(g, "add_rule", sym("max_degree"), 0);
    expect(show(call(g, "has_rule", sym("max_degree")), call(g, "rule", sym("max_degree")))).toBe("false none");
    call(g, "add_rule", sym("max_degree"), 1);
    expect(show(call(g, "has_rule", sym("max_degree")), call(g, "rule", sym("max_degree")))).toBe("true 1");
    call(g, "remove_edge", "b", "a");
    call(g, "add_rule", sym("no_cycles"));
    expect(call(g, "has_rule", sym("no_cycles"))).toBe(true);
  });

  it("removes ad-hoc rules; max_degree needs its parameter; ruleset rules stay", () => {
    const g = graph();
    call(g, "add_rule", sym("no_cycles"));
    call(g, "add_rule", sym("max_degree"), 1);
    call(g, "remove_rule", sym("max_degree"), 5);
    expect(show(call(g, "has_rule", sym("max_degree")), call(g, "rule", sym("max_degree")))).toBe("true 1");
    expect(errorMessage(() => call(g, "remove_rule", sym("max_degree")))).toBe("Unknown rule: :max_degree");
    call(g, "remove_rule", sym("max_degree"), 1);
    expect(show(call(g, "has_rule", sym("max_degree")), call(g, "rule", sym("max_degree")))).toBe("false none");
    call(g, "remove_rule", sym("connected"));
    call(g, "remove_rule", sym("no_cycles"));
    expect(call(g, "has_rule", sym("no_cycles"))).toBe(false);
    call(g, "add_node", "a", 1);
    call(g, "add_edge", "a", "a");
    expect(call(g, "edge_count")).toBe(1);
    const d = graph({ type: sym("dag") });
    call(d, "remove_rule", sym("no_cycles"));
    call(d, "add_node", "x", 1);
    expect(caught(() => call(d, "add_edge", "x", "x")).type).toBe("RuleViolation");
  });
});

describe("rulesets (ruleset-implied-rules, ruleset-with-ruleset, tree-bst-ordering)", () => {
  it("has_rule and rule report what :tree, :binary_tree and :dag imply", () => {
    const t = newTree();
    const has = (g: GrGraph, name: string) => call(g, "has_rule", sym(name));
    expect(show(has(t, "no_cycles"), has(t, "single_root"), has(t, "connected"), has(t, "binary_tree"))).toBe("true true true false");
    const b = call(graph(), "with_ruleset", sym("binary_tree")) as GrGraph;
    expect(show(has(b, "binary_tree"), has(b, "no_cycles"), has(b, "connected"))).toBe("true true true");
    const d = graph({ type: sym("dag") });
    expect(show(has(d, "no_cycles"), has(d, "single_root"), call(d, "rule", sym("no_cycles")), call(d, "rule", sym("connected")))).toBe(
      "true false true none",
    );
    const g = graph();
    call(g, "add_rule", sym("max_degree"), 3);
    expect(show(call(g, "rule", sym("max_degree")), call(g, "rule", sym("no_cycles")), call(g, "has_ruleset", sym("dag")))).toBe("3 none false");
    call(g, "add_rule", sym("connected"));
    expect(show(call(g, "rule", sym("connected")), has(g, "connected"))).toBe("true true");
    const bst = call(graph(), "with_ruleset", sym("bst")) as GrGraph;
    expect(show(has(bst, "no_cycles"), has(bst, "binary_tree"), has(bst, "bst_ordering"))).toBe("false false false");
  });

  it("with_ruleset chains; unknown rulesets enforce nothing; ruleset: replaces the implied one", () => {
    const g = graph();
    const g2 = call(g, "with_ruleset", sym("dag")) as GrGraph;
    expect(show(call(g, "has_ruleset", sym("dag")), call(g2, "has_ruleset", sym("dag")))).toBe("false true");
    const m = call(call(graph(), "with_ruleset", sym("dag")) as GrGraph, "with_ruleset", sym("binary_tree")) as GrGraph;
    expect(show(call(m, "has_ruleset", sym("dag")), call(m, "has_ruleset", sym("binary_tree")), call(m, "has_ruleset", sym("tree")))).toBe(
      "true true false",
    );
    const n = call(graph(), "with_ruleset", sym("made_up")) as GrGraph;
    call(n, "add_node", "a", 1);
    call(n, "add_edge", "a", "a");
    expect(show(call(n, "has_ruleset", sym("made_up")), call(n, "edge_count"))).toBe("true 1");
    const c = graph({ type: sym("dag"), ruleset: sym("custom") });
    expect(show(call(c, "has_ruleset", sym("dag")), call(c, "has_ruleset", sym("custom")), call(c, "has_rule", sym("no_cycles")))).toBe(
      "false true false",
    );
    withNodes(c, ["p", "q"], [1, 2]);
    call(c, "add_edge", "p", "q");
    call(c, "add_edge", "q", "p");
    expect(show(call(c, "edge_count"), call(c, "has_path", "q", "p"))).toBe("2 true");
  });

  it(":bst checks numeric values and left/right ordering", () => {
    const st = call(graph(), "with_ruleset", sym("bst")) as GrGraph;
    withNodes(st, ["root", "lo", "hi"], [40, 20, 60]);
    call(st, "add_edge", "root", "lo", "left");
    call(st, "add_edge", "root", "hi", "right");
    call(st, "add_node", "big", 70);
    expect(errorMessage(() => call(st, "add_edge", "lo", "big", "left"))).toBe(
      prefix("bst_ordering") + "BST ordering violation: left child (70) must be less than parent (20)",
    );
    expect(errorMessage(() => call(st, "add_edge", "hi", "lo", "right"))).toBe(
      prefix("bst_ordering") + "BST ordering violation: right child (20) must be greater than parent (60)",
    );
    expect(errorMessage(() => call(st, "add_node", "name", "text"))).toBe(
      prefix("bst_ordering") + "BST ordering rule requires all node values to be numeric",
    );
    call(st, "add_edge", "hi", "big", "right");
    expect(show(call(st, "edge_count"), call(st, "has_node", "name"))).toBe("3 false");
    const b2 = withNodes(graph({ type: sym("directed"), ruleset: sym("bst") }), ["p", "c"], [1, 1]);
    expect(errorMessage(() => call(b2, "add_edge", "p", "c", "left"))).toBe(
      prefix("bst_ordering") + "BST ordering violation: left child (1) must be less than parent (1)",
    );
  });
});
