// Graph querying (collections.md §8): pattern objects, match and its results, path queries and
// subgraph operations, from the query-* and graph-* conformance cases.
import { describe, expect, it } from "vitest";
import { equals, truthy } from "../../runtime/values/truth.js";
import { display, toStringForm, typeName } from "../../runtime/values/format.js";
import { GrList } from "../../runtime/values/list.js";
import { GrMap } from "../../runtime/values/map.js";
import {
  makeEdgePattern,
  makeNodePattern,
  makePathPattern,
  patternProperty,
  queryMethodTable,
  type GrGraph,
  type MatchResults,
  type PatternNode,
} from "../../runtime/graph/index.js";
import type { Value } from "../../runtime/values/value.js";
import { call, errorMessage, graph, hash, lambda, list, show, sym, withNodes } from "./graph-support.js";

type Named = [Value, string | null][];
const node = (...args: Named) => makeNodePattern(args.map(([v]) => v), args.map(([, n]) => n));
const edge = (...args: Named) => makeEdgePattern(args.map(([v]) => v), args.map(([, n]) => n));
const path = (...args: Named) => makePathPattern(args.map(([v]) => v), args.map(([, n]) => n));
const v = (name: string): [Value, null] => [name, null];
const named = (name: string, value: Value): [Value, string] => [value, name];

/** `x.m(args)` on a query object (pattern or results). */
function qcall(x: Value, m: string, ...args: Value[]): Value {
  const impl = queryMethodTable(x)?.[m];
  if (impl === undefined) throw new Error(`no method ${m}`);
  return impl(x, args, null);
}

function match(g: GrGraph, ...parts: Value[]): MatchResults {
  return call(g, "match", ...parts) as MatchResults;
}

const where = (r: MatchResults, f: (row: GrMap) => boolean) => qcall(r, "where", lambda(["row"], (row) => f(row as GrMap))) as MatchResults;
const field = (row: GrMap, name: string) => row.entries.get(name);
const ret = (r: MatchResults, ...specs: string[]) => qcall(r, "return", list(...specs)) as GrList;

describe("pattern objects (query-pattern-node, query-pattern-edge-path, query-pattern-errors)", () => {
  it("node(): display, properties, type(), bind, equality", () => {
    expect(show(node(), node(v("v")), node(named("type", "T")), node(v("v"), named("type", "T")))).toBe(
      '<pattern node()> <pattern node("v")> <pattern node(type: "T")> <pattern node(v, type: "T")>',
    );
    const n = node(v("person"), named("type", "User"));
    expect(show(patternProperty(n, "variable"), patternProperty(n, "type"), patternProperty(n, "pattern_type"), qcall(n, "type"), typeName(n))).toBe(
      "person User :node User pattern_node",
    );
    expect(show(qcall(n, "variable"), qcall(n, "pattern_type"))).toBe("person :node");
    const blank = node();
    expect(show(patternProperty(blank, "variable"), patternProperty(blank, "type"), typeName(blank))).toBe("none none pattern_node");
    const m = qcall(n, "bind", "other") as PatternNode;
    expect(show(m, n)).toBe('<pattern node(other, type: "User")> <pattern node(person, type: "User")>');
    expect(show(node(named("type", sym("Tag"))))).toBe('<pattern node(type: ":Tag")>');
    expect(show(equals(node(v("a")), node(v("a"))), equals(node(v("a")), node(v("b"))), equals(node(v("a"), named("type", "X")), node(v("a"))))).toBe(
      "true false false",
    );
    expect(errorMessage(() => patternProperty(n, "colour"))).toBe("Cannot access property 'colour' on type 'pattern_node'");
  });

  it("edge() and path(): display, properties, defaults, equality", () => {
    expect(show(edge(), edge(named("type", "FRIEND")), edge(named("direction", sym("both"))))).toBe(
      "<pattern edge(direction: :outgoing)> <pattern edge(type: \"FRIEND\", direction: :outgoing)> <pattern edge(direction: :both)>",
    );
    const e = edge(named("type", "F"), named("direction", sym("both")));
    expect(show(patternProperty(e, "edge_type"), patternProperty(e, "direction"), patternProperty(e, "pattern_type"), typeName(e))).toBe(
      "F :both :edge pattern_edge",
    );
    expect(show(patternProperty(edge(), "edge_type"), patternProperty(edge(), "direction"))).toBe("none :outgoing");
    expect(show(path(named("type", "LEADS"), named("min", 1), named("max", 3)))).toBe(
      '<pattern path(edge_type: "LEADS", min: 1, max: 3, direction: :outgoing)>',
    );
    expect(show(path(named("edge_type", "L"), named("min", 2)), path(named("type", "L")))).toBe(
      '<pattern path(edge_type: "L", min: 2, max: 2, direction: :outgoing)> <pattern path(edge_type: "L", min: 1, max: 1, direction: :outgoing)>',
    );
    const p = path(named("type", "P"), named("min", 2), named("max", 4));
    expect(show(...["edge_type", "min", "max", "direction", "pattern_type"].map((k) => patternProperty(p, k)), typeName(p))).toBe(
      "P 2 4 :outgoing :path pattern_path",
    );
    expect(show((patternProperty(path(), "edge_type") as string).length, patternProperty(path(), "min"), patternProperty(path(), "max"))).toBe("0 1 1");
    expect(show(equals(edge(), edge(named("direction", sym("outgoing")))), equals(path(named("type", "a")), path(named("type", "a"), named("min", 1), named("max", 1))))).toBe(
      "true true",
    );
    const parts = list(node(v("a")), edge(), node(v("b")));
    expect(show(parts)).toBe('[<pattern node("a")>, <pattern edge(direction: :outgoing)>, <pattern node("b")>]');
    expect(toStringForm(parts)).toBe("[pattern_node, pattern_edge, pattern_node]");
  });

  it("constructor errors", () => {
    expect(errorMessage(() => node(v("a"), v("b")))).toBe("node() accepts at most one positional argument (variable)");
    expect(errorMessage(() => node(named("kind", "x")))).toBe("node() does not accept parameter 'kind'");
    expect(errorMessage(() => edge(v("x")))).toBe("edge() does not accept positional arguments, use named parameters: type, direction");
    expect(errorMessage(() => edge(named("direction", "out")))).toBe(
      "edge() direction must be a symbol (:outgoing, :incoming, or :both), got string",
    );
    expect(errorMessage(() => path(named("min", 3), named("max", 2)))).toBe("path() min cannot be greater than max");
    expect(errorMessage(() => path(v("x")))).toBe(
      "path() does not accept positional arguments, use named parameters: edge_type, min, max, direction",
    );
  });
});

function crew(): GrGraph {
  const g = graph();
  call(g, "add_node", "ivy", hash({ name: "Ivy", level: 3 }));
  call(g, "add_node", "tom", hash({ name: "Tom", level: 2 }));
  call(g, "add_node", "zoe", hash({ name: "Zoe", level: 1 }));
  call(g, "add_edge", "ivy", "tom", "MANAGES");
  call(g, "add_edge", "tom", "zoe", "MANAGES");
  return g;
}

describe("match (query-match-*)", () => {
  it("counts, displays and projects results (query-match-basic)", () => {
    const g = crew();
    call(g, "add_edge", "zoe", "ivy", "COACHES");
    const direct = match(g, node(v("chief")), edge(named("type", "MANAGES")), node(v("member")));
    expect(show(direct, qcall(direct, "len"), qcall(direct, "size"), qcall(direct, "count"), typeName(direct), truthy(direct))).toBe(
      "<pattern match results: 2 matches> 2 2 2 pattern_match_results true",
    );
    expect(qcall(match(g, node(v("x")), edge(), node(v("y"))), "len")).toBe(3);
    const coach = match(g, node(v("m")), edge(named("type", "COACHES")), node(v("s")));
    expect(show(ret(coach, "m.name"), ret(coach, "s.name"))).toBe('[{"m.name": Zoe}] [{"s.name": Ivy}]');
    const nothing = match(g, node(v("a")), edge(named("type", "HATES")), node(v("b")));
    expect(show(nothing, qcall(nothing, "len"), truthy(nothing))).toBe("<pattern match results: 0 matches> 0 false");
    expect(qcall(match(g, node(v("n"))), "len")).toBe(3);
  });

  it("where filters rows mapping variables to node values (query-match-where)", () => {
    const g = crew();
    call(g, "add_node", "max", hash({ name: "Max", level: 1 }));
    call(g, "add_edge", "tom", "max", "MANAGES");
    const direct = match(g, node(v("chief")), edge(named("type", "MANAGES")), node(v("member")));
    const level = (row: GrMap, name: string) => (field(row, name) as GrMap).entries.get("level");
    const senior = where(direct, (row) => level(row, "chief") === 3);
    expect(show(senior, ret(senior, "member.name"))).toBe('<pattern match results: 1 matches> [{"member.name": Tom}]');
    const underTom = where(direct, (row) => (field(row, "chief") as GrMap).entries.get("name") === "Tom");
    expect(show(qcall(underTom, "len"), qcall(where(underTom, (row) => (field(row, "member") as GrMap).entries.get("name") === "Max"), "len"))).toBe("2 1");
    const noneLeft = where(direct, () => false);
    expect(show(qcall(noneLeft, "len"), truthy(noneLeft), qcall(direct, "len"))).toBe("0 false 3");
    expect(show(ret(where(direct, (row) => level(row, "member") === 1), "member.level"))).toBe('[{"member.level": 1}, {"member.level": 1}]');
  });

  it("return/select specifiers (query-match-return)", () => {
    const g = graph();
    call(g, "add_node", "c1", hash({ city: "Oslo", pop: 700 }));
    call(g, "add_node", "c2", hash({ city: "Rome", pop: 2800 }));
    call(g, "add_node", "n1", 42);
    call(g, "add_edge", "c1", "c2", "ROAD");
    call(g, "add_edge", "c2", "n1", "TAG");
    const r = match(g, node(v("a")), edge(named("type", "ROAD")), node(v("b")));
    expect(show(ret(r, "a.city"), qcall(r, "select", list("b.pop")))).toBe('[{"a.city": Oslo}] [{"b.pop": 2800}]');
    expect(show(ret(r, "a.missing"), ret(r, "nobody"))).toBe('[{"a.missing": none}] [{}]');
    expect(show(ret(r, "a.city", "b.city"))).toBe('[{"a.city": Oslo, "b.city": Rome}]');
    const t = match(g, node(v("x")), edge(named("type", "TAG")), node(v("v")));
    expect(show(ret(t, "v"), ret(t, "v.anything"))).toBe('[{"v": 42}] [{"v.anything": none}]');
    expect(show(ret(match(g, node(v("n"))), "n.pop"))).toBe('[{"n.pop": 700}, {"n.pop": 2800}, {"n.pop": none}]');
    expect(show(ret(r), ret(r).items.length)).toBe("[{}] 1");
  });

  it("typed nodes (query-match-typed-nodes, graph-node-type)", () => {
    const g = withNodes(graph(), ["u1", "u2", "p1"], ["alice", "bob", "post"]);
    call(g, "set_node_type", "u1", "User");
    call(g, "set_node_type", "u2", "User");
    call(g, "set_node_type", "p1", "Post");
    call(g, "add_edge", "u1", "u2", "FOLLOWS");
    call(g, "add_edge", "u1", "p1", "WROTE");
    call(g, "add_edge", "u2", "p1", "LIKES");
    const user = (name: string) => node(v(name), named("type", "User"));
    expect(qcall(match(g, user("u"), edge(), node(v("p"), named("type", "Post"))), "len")).toBe(2);
    const f = match(g, user("a"), edge(named("type", "FOLLOWS")), user("b"));
    expect(show(ret(f, "a"), ret(f, "b"))).toBe('[{"a": alice}] [{"b": bob}]');
    expect(show(ret(match(g, node(v("x"), named("type", "Post"))), "x"))).toBe('[{"x": post}]');
    expect(show(qcall(match(g, node(v("x"), named("type", "Nope"))), "len"), qcall(match(g, user("x")), "len"))).toBe("0 2");
    call(g, "add_node", "u1", "alice2");
    expect(show(ret(match(g, user("n")), "n"))).toBe('[{"n": alice2}, {"n": bob}]');
  });

  it(":both follows out-edges then in-edges; :incoming behaves like :outgoing (query-match-both-direction)", () => {
    const g = withNodes(graph(), ["p", "q", "r"], ["P", "Q", "R"]);
    call(g, "add_edge", "p", "q", "KNOWS");
    call(g, "add_edge", "r", "q", "KNOWS");
    const knows = (dir: string) => edge(named("type", "KNOWS"), named("direction", sym(dir)));
    const both = match(g, node(v("a")), knows("both"), node(v("b")));
    expect(show(qcall(match(g, node(v("a")), edge(named("type", "KNOWS")), node(v("b"))), "len"), qcall(both, "len"))).toBe("2 4");
    expect(show(ret(where(both, (row) => field(row, "a") === "Q"), "b"))).toBe('[{"b": P}, {"b": R}]');
    expect(show(ret(where(both, (row) => field(row, "a") === "P"), "b"))).toBe('[{"b": Q}]');
    expect(show(ret(match(g, node(v("a")), knows("incoming"), node(v("b"))), "a", "b"))).toBe('[{"a": P, "b": Q}, {"a": R, "b": Q}]');
  });

  it("bound variables must rebind the same node; anonymous nodes share one variable (query-match-bound-variables)", () => {
    const g = withNodes(graph(), ["a", "b", "c", "d"], ["a", "b", "c", "d"]);
    for (const [f, t] of ["ab", "bc", "ca", "cd"]) call(g, "add_edge", f!, t!, "e");
    const tri = match(g, node(v("x")), edge(), node(v("y")), edge(), node(v("z")), edge(), node(v("x")));
    expect(show(qcall(tri, "len"), ret(tri, "x"))).toBe('3 [{"x": a}, {"x": b}, {"x": c}]');
    expect(qcall(match(g, node(v("x")), edge(), node(v("y")), edge(), node(v("x"))), "len")).toBe(0);
    call(g, "add_edge", "d", "c", "e");
    const back2 = match(g, node(v("x")), edge(), node(v("y")), edge(), node(v("x")));
    expect(show(qcall(back2, "len"), ret(where(back2, (row) => field(row, "x") === "c"), "y"))).toBe('2 [{"y": d}]');
    expect(qcall(match(g, node(), edge(), node()), "len")).toBe(0);
    call(g, "add_edge", "a", "a", "loop");
    expect(show(qcall(match(g, node(), edge(), node()), "len"), ret(match(g, node(), edge(), node()), "x"))).toBe("1 [{}]");
  });

  it("variable-length paths (query-match-variable-length)", () => {
    const c = graph();
    for (const id of ["n0", "n1", "n2", "n3", "n4"]) call(c, "add_node", id, Number(id.slice(1)));
    for (let i = 0; i < 4; i++) call(c, "add_edge", `n${i}`, `n${i + 1}`, "next");
    call(c, "add_edge", "n0", "n4", "jump");
    const chain = (min: number, max: number, type = "next") =>
      match(c, node(v("s")), path(named("type", type), named("min", min), named("max", max)), node(v("e")));
    const counts = [
      [1, 1],
      [1, 2],
      [2, 3],
      [1, 4],
      [4, 4],
      [5, 6],
    ].map(([a, b]) => `${display(list(a!, b!))} ${qcall(chain(a!, b!), "len")}`);
    expect(counts).toEqual(["[1, 1] 4", "[1, 2] 7", "[2, 3] 5", "[1, 4] 10", "[4, 4] 1", "[5, 6] 0"]);
    expect(show(ret(where(chain(1, 3), (row) => field(row, "s") === 0), "e"))).toBe('[{"e": 1}, {"e": 2}, {"e": 3}]');
    expect(show(ret(where(chain(2, 2), (row) => field(row, "e") === 4), "s"))).toBe('[{"s": 2}]');
    expect(show(qcall(chain(1, 3, "jump"), "len"), qcall(chain(1, 3, "other"), "len"))).toBe("1 0");
    // A path without type: matches nothing (reference behavior); min 0 yields the start only when max is 0.
    expect(qcall(match(c, node(v("s")), path(named("min", 1), named("max", 3)), node(v("e"))), "len")).toBe(0);
    expect(qcall(chain(0, 0), "len")).toBe(5);
    expect(qcall(chain(0, 1), "len")).toBe(4);
  });

  it("yields a node reached by two equal-length routes twice", () => {
    const g = withNodes(graph(), ["a", "b", "c", "d"], ["a", "b", "c", "d"]);
    for (const [f, t] of ["ab", "ac", "bd", "cd"]) call(g, "add_edge", f!, t!, "t");
    const r = where(match(g, node(v("s")), path(named("type", "t"), named("min", 2), named("max", 2)), node(v("e"))), (row) => field(row, "s") === "a");
    expect(show(ret(r, "e"))).toBe('[{"e": d}, {"e": d}]');
  });

  it("argument validation (query-match-errors)", () => {
    const g = withNodes(graph(), ["a"], [1]);
    expect(errorMessage(() => match(g))).toBe("match() requires at least one pattern node");
    expect(errorMessage(() => match(g, edge()))).toBe("match() argument 0 should be a pattern node, got pattern_edge");
    expect(errorMessage(() => match(g, node(v("a")), node(v("b"))))).toBe("match() argument 1 should be a pattern edge or path, got pattern_node");
    expect(errorMessage(() => match(g, node(v("a")), edge(), 5))).toBe("match() argument 2 should be a pattern node, got num");
    expect(errorMessage(() => match(g, node(v("a")), "edge", node(v("b"))))).toBe("match() argument 1 should be a pattern edge or path, got string");
  });

  it("the §8.3 worked example", () => {
    const org = graph();
    call(org, "add_node", "ann", hash({ name: "Ann", level: 3 }));
    call(org, "add_node", "raj", hash({ name: "Raj", level: 2 }));
    call(org, "add_node", "kim", hash({ name: "Kim", level: 1 }));
    call(org, "add_edge", "ann", "raj", "LEADS");
    call(org, "add_edge", "raj", "kim", "LEADS");
    const direct = match(org, node(v("boss")), edge(named("type", "LEADS")), node(v("report")));
    expect(show(direct, qcall(direct, "len"))).toBe("<pattern match results: 2 matches> 2");
    const senior = where(direct, (row) => (field(row, "boss") as GrMap).entries.get("level") === 3);
    expect(show(ret(senior, "report.name"))).toBe('[{"report.name": Raj}]');
    const two = match(org, node(v("top")), path(named("type", "LEADS"), named("min", 2), named("max", 2)), node(v("end")));
    expect(show(ret(two, "end.name"))).toBe('[{"end.name": Kim}]');
  });
});

function roads(): GrGraph {
  const g = withNodes(graph(), ["a", "b", "c", "d", "e", "lonely"]);
  call(g, "add_edge", "a", "b", "road");
  call(g, "add_edge", "b", "c", "road");
  call(g, "add_edge", "c", "d", "road");
  call(g, "add_edge", "a", "d", "rail");
  call(g, "add_edge", "d", "e", "road");
  return g;
}

describe("path queries (query-has-path, query-shortest-path*, query-distance, query-all-paths)", () => {
  it("has_path", () => {
    const g = withNodes(graph(), ["a", "b", "c", "x"]);
    call(g, "add_edge", "a", "b");
    call(g, "add_edge", "b", "c");
    const hp = (a: string, b: string) => call(g, "has_path", a, b);
    expect(show(hp("a", "c"), hp("c", "a"), hp("a", "x"))).toBe("true false false");
    expect(show(hp("x", "x"), hp("a", "a"), hp("ghost", "ghost"), hp("a", "ghost"))).toBe("true true false false");
    call(g, "add_edge", "c", "a");
    expect(hp("c", "b")).toBe(true);
    call(g, "remove_node", "b");
    expect(show(hp("a", "c"), hp("c", "a"))).toBe("false true");
    expect(errorMessage(() => call(g, "has_path", 1, "a"))).toBe("Type error: expected string, got num");
  });

  it("shortest_path, untyped, typed and :weighted", () => {
    const g = roads();
    const sp = (...args: Value[]) => call(g, "shortest_path", ...args);
    expect(show(sp("a", "e"), sp("b", "e"))).toBe("[a, d, e] [b, c, d, e]");
    expect(show(sp("a", "a"), sp("lonely", "lonely"))).toBe("[a] [lonely]");
    expect(show(sp("a", "lonely"), sp("e", "a"), sp("a", "ghost"))).toBe("none none none");
    call(g, "add_edge", "a", "e", "air");
    expect(show(sp("a", "e"))).toBe("[a, e]");
    expect(show(sp("a", "e", sym("weighted")), sp("a", "a", sym("weighted")))).toBe("none [a]");
    expect(errorMessage(() => sp("a", "e", 5))).toBe(
      "shortest_path() optional arguments must be edge_type (string) or :weighted symbol, got num",
    );
    const t = roads();
    const tp = (...args: Value[]) => call(t, "shortest_path", ...args);
    expect(show(tp("a", "e", "road"))).toBe("[a, b, c, d, e]");
    expect(show(tp("a", "d", "rail"), tp("a", "e", "rail"))).toBe("[a, d] none");
    expect(show(tp("a", "e", "ferry"), tp("c", "c", "ferry"))).toBe("none [c]");
    expect(show(tp("a", "e"))).toBe("[a, d, e]");
  });

  it("distance", () => {
    const g = withNodes(graph(), ["a", "b", "c", "d", "x"]);
    call(g, "add_edge", "a", "b");
    call(g, "add_edge", "b", "c");
    call(g, "add_edge", "c", "d");
    call(g, "add_edge", "a", "c");
    const d = (a: string, b: string) => call(g, "distance", a, b);
    expect(show(d("a", "d"), d("a", "b"), d("b", "d"))).toBe("2 1 2");
    expect(show(d("a", "a"), d("d", "a"), d("a", "x"), d("zz", "a"))).toBe("0 -1 -1 -1");
    expect(errorMessage(() => call(g, "distance", "a", 2))).toBe("Type error: expected string, got num");
  });

  it("all_paths", () => {
    const g = withNodes(graph(), ["a", "b", "c", "d", "e", "x"]);
    for (const [f, t] of ["ab", "bc", "cd", "ad", "de", "ea"]) call(g, "add_edge", f!, t!);
    const ap = (a: string, b: string, n: number) => call(g, "all_paths", a, b, n) as GrList;
    expect(ap("a", "e", 10).items.length).toBe(2);
    expect(show(ap("a", "e", 10))).toBe("[[a, b, c, d, e], [a, d, e]]");
    expect(show(ap("a", "e", 2))).toBe("[[a, d, e]]");
    expect(show(ap("a", "e", 1), ap("a", "a", 5), ap("a", "x", 5))).toBe("[] [] []");
    expect(show(ap("b", "e", 3))).toBe("[[b, c, d, e]]");
  });
});

function mesh(): GrGraph {
  const g = withNodes(graph(), ["a", "b", "c", "d"], [1, 50, 2, 3]);
  call(g, "add_edge", "a", "b", "cable");
  call(g, "add_edge", "a", "c", "wifi");
  call(g, "add_edge", "c", "d", "cable");
  return g;
}

const nodeFilter = (f: (value: Value) => boolean) => lambda(["v"], (value) => f(value));
const edgeFilter = (f: (from: string, to: string, kind: string) => boolean) =>
  lambda(["f", "t", "kind"], (from, to, kind) => f(from as string, to as string, kind as string));

describe("subgraph operations (query-extract*, query-delete, query-add-subgraph, §8.5)", () => {
  it("extract, positional form", () => {
    const m = mesh();
    const small = call(m, "extract", nodeFilter((x) => (x as number) < 10), null, true) as GrGraph;
    expect(show(call(small, "node_count"), call(small, "edge_count"), call(small, "has_node", "b"), call(small, "has_node", "d"))).toBe("3 2 false true");
    const cables = edgeFilter((_f, _t, kind) => kind === "cable");
    const onlyCables = call(m, "extract", null, cables, false) as GrGraph;
    expect(show(call(onlyCables, "node_count"), call(onlyCables, "edge_count"), call(onlyCables, "has_node", "a"))).toBe("4 2 true");
    const both = call(m, "extract", nodeFilter((x) => (x as number) < 10), cables, false) as GrGraph;
    expect(show(call(both, "node_count"), call(both, "edges"))).toBe("2 [[c, d, cable]]");
    const copy = call(m, "extract", null, null) as GrGraph;
    expect(show(equals(copy, m), call(copy, "node_count"), call(copy, "edge_count"))).toBe("true 4 3");
    const fromA = call(m, "extract", null, edgeFilter((f) => f === "a")) as GrGraph;
    expect(show(call(fromA, "edge_count"), call(fromA, "node_count"))).toBe("2 4");
    expect(show(call(m, "node_count"), call(m, "edge_count"))).toBe("4 3");
  });

  it("extract, hash form; node types and rules are not copied", () => {
    const m = withNodes(graph(), ["a", "b", "c"], [1, 50, 2]);
    call(m, "add_edge", "a", "b", "cable");
    call(m, "add_edge", "a", "c", "wifi");
    call(m, "set_node_type", "a", "Hub");
    call(m, "add_rule", sym("no_cycles"));
    const wifi = call(m, "extract", hash({ edges: edgeFilter((_f, _t, k) => k === "wifi"), include_orphans: false })) as GrGraph;
    expect(show(call(wifi, "node_count"), call(wifi, "edges"))).toBe("2 [[a, c, wifi]]");
    const big = call(m, "extract", hash({ nodes: nodeFilter((x) => (x as number) > 1) })) as GrGraph;
    expect(show(call(big, "node_count"), call(big, "edge_count"))).toBe("2 0");
    const all = call(m, "extract", hash({})) as GrGraph;
    expect(show(call(all, "node_count"), call(all, "edge_count"), equals(all, m), call(all, "has_rule", sym("no_cycles")))).toBe("3 2 false false");
    const hub = node(v("h"), named("type", "Hub"));
    expect(show(qcall(match(all, hub), "len"), qcall(match(m, hub), "len"))).toBe("0 1");
    call(all, "add_edge", "c", "a");
    expect(show(call(all, "edge_count"), call(all, "has_path", "c", "b"))).toBe("3 true");
  });

  it("the §8.5 worked example", () => {
    const net = withNodes(graph(), ["a", "b", "c"], [1, 50, 2]);
    call(net, "add_edge", "a", "b", "wire");
    call(net, "add_edge", "a", "c", "radio");
    const small = call(net, "extract", nodeFilter((x) => (x as number) < 10), null, true) as GrGraph;
    expect(show(call(small, "node_count"), call(small, "edges"))).toBe("2 [[a, c, radio]]");
    const radio = call(net, "extract", hash({ edges: edgeFilter((_f, _t, k) => k === "radio"), include_orphans: false })) as GrGraph;
    expect(call(radio, "node_count")).toBe(2);
    const pruned = call(net, "delete", nodeFilter((x) => (x as number) > 10), edgeFilter((_f, _t, k) => k === "wire")) as GrGraph;
    expect(show(call(pruned, "node_count"), call(pruned, "edges"))).toBe("2 [[a, c, radio]]");
    expect(call(call(net, "delete", nodeFilter((x) => (x as number) > 10), null) as GrGraph, "edge_count")).toBe(0);
  });

  it("delete with both filters; one missing filter empties that part (reference behavior)", () => {
    const m = mesh();
    const pruned = call(m, "delete", nodeFilter((x) => (x as number) > 10), edgeFilter((_f, _t, k) => k === "cable")) as GrGraph;
    expect(show(call(pruned, "node_count"), call(pruned, "edges"), call(pruned, "has_node", "b"))).toBe("3 [[a, c, wifi]] false");
    const kept = call(m, "delete", hash({ nodes: nodeFilter((x) => x === 3), edges: edgeFilter(() => false) })) as GrGraph;
    expect(show(call(kept, "node_count"), call(kept, "edge_count"), call(kept, "has_node", "d"))).toBe("3 2 false");
    expect(equals(call(m, "delete", nodeFilter(() => false), edgeFilter(() => false)), m)).toBe(true);
    const gone = call(m, "delete", nodeFilter(() => true), edgeFilter(() => false)) as GrGraph;
    expect(show(call(gone, "node_count"), call(gone, "edge_count"), gone)).toBe("0 0 <graph: 0 nodes, 0 edges>");
    expect(call(call(m, "delete", null, edgeFilter(() => false)) as GrGraph, "node_count")).toBe(0);
    expect(show(call(m, "node_count"), call(m, "edge_count"))).toBe("4 3");
  });

  it("add_subgraph and its conflict strategies", () => {
    const base = withNodes(graph(), ["a", "b"], [1, 2]);
    call(base, "add_edge", "a", "b", "ab");
    const other = withNodes(graph(), ["a", "z"], [100, 26]);
    call(other, "add_edge", "z", "a", "za");
    call(other, "set_node_type", "a", "Other");
    const typed = node(v("n"), named("type", "Other"));
    const m1 = call(base, "add_subgraph", other) as GrGraph;
    const at = (g: GrGraph, id: string) => call(g, "get_node", id);
    expect(show(call(m1, "node_count"), call(m1, "edge_count"), at(m1, "a"), at(m1, "z"), call(m1, "has_path", "z", "b"))).toBe("3 2 1 26 true");
    for (const [strategy, expected] of [
      ["overwrite", "100 1"],
      ["merge", "100 1"],
      ["keep_original", "1 0"],
    ] as const) {
      const merged = call(base, "add_subgraph", other, strategy) as GrGraph;
      expect(`${strategy}: ${show(at(merged, "a"), qcall(match(merged, typed), "len"))}`).toBe(`${strategy}: ${expected}`);
    }
    expect(show(call(base, "node_count"), call(base, "edge_count"), call(other, "node_count"))).toBe("2 1 2");
    expect(errorMessage(() => call(base, "add_subgraph", other, sym("overwrite")))).toBe(
      "Unknown conflict resolution strategy: ':overwrite'. Use 'keep_original', 'overwrite', or 'merge'",
    );
    const fresh = withNodes(graph(), ["new"]);
    expect(call(call(base, "add_subgraph", fresh, "anything") as GrGraph, "node_count")).toBe(3);
  });
});

describe("navigation and chaining (query-navigation-chaining, graph-degree-neighbors)", () => {
  it("nodes() and edges() are plain lists in insertion order", () => {
    const g = withNodes(graph(), ["a", "b", "c"], [5, 15, 25]);
    call(g, "add_edge", "a", "b", "knows");
    call(g, "add_edge", "a", "c", "likes");
    call(g, "add_edge", "b", "c", "knows");
    expect(show(call(g, "nodes"), call(g, "edges"))).toBe("[a, b, c] [[a, b, knows], [a, c, likes], [b, c, knows]]");
    const heavy = (call(g, "nodes") as GrList).items.filter((id) => (call(g, "get_node", id) as number) > 10);
    expect(show(list(...heavy))).toBe("[b, c]");
  });

  it("edges() gives the degrees the conformance computes by hand", () => {
    const g = withNodes(graph(), ["hub", "a", "b", "c"]);
    call(g, "add_edge", "hub", "a", "out");
    call(g, "add_edge", "hub", "b", "out");
    call(g, "add_edge", "c", "hub", "in");
    call(g, "add_edge", "a", "b", "side");
    const degrees = (["hub", "a", "b", "c"] as const).map((id) => `${id} ${call(g, "out_degree", id)} ${call(g, "in_degree", id)}`);
    expect(degrees).toEqual(["hub 2 1", "a 1 1", "b 0 2", "c 1 0"]);
    call(g, "remove_node", "hub");
    expect(show(call(g, "out_degree", "a"), call(g, "in_degree", "b"))).toBe("1 1");
  });
});
