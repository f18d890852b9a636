// Text renderings of a graph, to the character (collections.md §5.8): visualize(), to_dot(),
// to_ascii(), each of the data layer or, with :all, of every layer.
import { display } from "../values/format.js";
import type { GrGraph } from "./graph.js";
import { viewEdges, viewNodes } from "./layers.js";

export function visualize(g: GrGraph, all: boolean): string {
  const nodes = viewNodes(g, all);
  const edges = viewEdges(g, all);
  let out = "Graph:\n  Nodes:\n";
  if (nodes.length === 0) out += "    (none)\n";
  for (const n of nodes) out += `    ${n.id} = ${display(n.value)}\n`;
  out += "  Edges:\n";
  if (edges.length === 0) out += "    (none)\n";
  for (const e of edges) out += `    ${e.from} -> ${e.to} [${e.type}]\n`;
  return out;
}

/** DOT quotes only `"`; undirected graphs are written as digraphs with both directions. */
function dotQuote(s: string): string {
  return `"${s.replace(/"/g, '\\"')}"`;
}

export function toDot(g: GrGraph, all: boolean): string {
  let out = "digraph G {\n";
  for (const n of viewNodes(g, all)) out += `  ${dotQuote(n.id)};\n`;
  for (const e of viewEdges(g, all)) out += `  ${dotQuote(e.from)} -> ${dotQuote(e.to)} [label=${dotQuote(e.type)}];\n`;
  return out + "}\n";
}

/**
 * Each root (a node without incoming edges) and its descendants, depth-first, one id per line,
 * flush left: the reference never draws the tree connectors. A node reachable by two routes is
 * listed under each. The reference loops forever on a cycle below a root; we stop at a node
 * already on the current route.
 */
export function toAscii(g: GrGraph, all: boolean): string {
  const nodes = viewNodes(g, all);
  if (nodes.length === 0) return "(empty graph)\n";
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of viewEdges(g, all)) {
    const list = children.get(e.from);
    if (list === undefined) children.set(e.from, [e.to]);
    else list.push(e.to);
    hasParent.add(e.to);
  }
  const rootIds = nodes.map((n) => n.id).filter((id) => !hasParent.has(id));
  if (rootIds.length === 0) {
    return "(no clear root - listing nodes)\n" + nodes.map((n) => `  ${n.id}\n`).join("");
  }
  const lines: string[] = [];
  for (const root of rootIds) listDescendants(root, children, lines);
  return lines.join("");
}

/** Iterative pre-order walk, so deep trees cannot overflow the JS stack. */
function listDescendants(root: string, children: Map<string, string[]>, lines: string[]): void {
  const route: string[] = [];
  const onRoute = new Set<string>();
  const pending: { id: string; depth: number }[] = [{ id: root, depth: 0 }];
  while (pending.length > 0) {
    const { id, depth } = pending.pop()!;
    while (route.length > depth) onRoute.delete(route.pop()!);
    if (onRoute.has(id)) continue;
    lines.push(id + "\n");
    route.push(id);
    onRoute.add(id);
    const kids = children.get(id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) pending.push({ id: kids[i]!, depth: depth + 1 });
  }
}
