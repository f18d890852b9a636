// Graph algorithms over the adjacency maps, each O(V + E) (Dijkstra O(E log V)). They follow
// out-edges; an undirected graph stores both directions, so the same code walks it both ways.
// Internal-layer nodes are never part of the data, so the walks skip them.
import { isInternalId, type GEdge, type GNode, type GrGraph } from "./graph.js";

/** Which edges a walk may follow: all of them, or those of one type. */
export type EdgeFilter = string | null;

function passes(e: GEdge, filter: EdgeFilter): boolean {
  return (filter === null || e.type === filter) && !isInternalId(e.to);
}

/** Nodes reachable from `start` in breadth-first order (start first), following out-edges. */
export function breadthFirst(g: GrGraph, start: GNode, filter: EdgeFilter = null): GNode[] {
  const order: GNode[] = [start];
  const seen = new Set<GNode>(order);
  for (let head = 0; head < order.length; head++) {
    for (const e of order[head]!.out.values()) {
      if (!passes(e, filter)) continue;
      const next = g.nodes.get(e.to)!;
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order;
}

/** Pre-order depth-first walk (children in insertion order), each node once. */
export function depthFirst(g: GrGraph, start: GNode): GNode[] {
  const order: GNode[] = [];
  const seen = new Set<GNode>();
  const stack: GNode[] = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    order.push(node);
    // Push children in reverse so the first out-edge is visited first, as recursion would.
    const children = [...node.out.values()];
    for (let i = children.length - 1; i >= 0; i--) {
      const e = children[i]!;
      if (!passes(e, null)) continue;
      const child = g.nodes.get(e.to)!;
      if (!seen.has(child)) stack.push(child);
    }
  }
  return order;
}

/** Nodes at distance 1..maxHops from start (BFS order), start excluded. */
export function withinHops(g: GrGraph, start: GNode, maxHops: number): GNode[] {
  const found: GNode[] = [];
  const seen = new Set<GNode>([start]);
  let frontier: GNode[] = [start];
  for (let depth = 1; depth <= maxHops && frontier.length > 0; depth++) {
    const next: GNode[] = [];
    for (const node of frontier) {
      for (const e of node.out.values()) {
        if (!passes(e, null)) continue;
        const m = g.nodes.get(e.to)!;
        if (seen.has(m)) continue;
        seen.add(m);
        next.push(m);
        found.push(m);
      }
    }
    frontier = next;
  }
  return found;
}

/** Fewest-edges path from `from` to `to` as node ids, or null. BFS with early exit. */
export function shortestPath(g: GrGraph, from: GNode, to: GNode, filter: EdgeFilter): string[] | null {
  if (from === to) return [from.id];
  const parent = new Map<GNode, GNode>();
  const queue: GNode[] = [from];
  parent.set(from, from);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const e of node.out.values()) {
      if (!passes(e, filter)) continue;
      const next = g.nodes.get(e.to)!;
      if (parent.has(next)) continue;
      parent.set(next, node);
      if (next === to) return unwind(parent, from, to);
      queue.push(next);
    }
  }
  return null;
}

function unwind(parent: Map<GNode, GNode>, from: GNode, to: GNode): string[] {
  const ids: string[] = [];
  for (let n = to; n !== from; n = parent.get(n)!) ids.push(n.id);
  ids.push(from.id);
  return ids.reverse();
}

export function reaches(g: GrGraph, from: GNode, to: GNode): boolean {
  return shortestPath(g, from, to, null) !== null;
}

/**
 * Dijkstra over weighted edges only (unweighted ones are not followed), as the reference's
 * `shortest_path(a, b, :weighted)` does.
 */
export function weightedShortestPath(g: GrGraph, from: GNode, to: GNode, filter: EdgeFilter): string[] | null {
  if (from === to) return [from.id];
  const dist = new Map<GNode, number>([[from, 0]]);
  const parent = new Map<GNode, GNode>();
  const done = new Set<GNode>();
  const heap = new MinHeap<GNode>();
  heap.push(0, from);
  while (heap.size > 0) {
    const [d, node] = heap.pop();
    if (done.has(node)) continue;
    done.add(node);
    if (node === to) return unwind(parent, from, to);
    for (const e of node.out.values()) {
      if (e.weight === null || !passes(e, filter)) continue;
      const next = g.nodes.get(e.to)!;
      const nd = d + e.weight;
      const old = dist.get(next);
      if (old === undefined || nd < old) {
        dist.set(next, nd);
        parent.set(next, node);
        heap.push(nd, next);
      }
    }
  }
  return null;
}

/** Binary min-heap keyed by number; ties pop in insertion order is not guaranteed (nor needed). */
class MinHeap<T> {
  private keys: number[] = [];
  private items: T[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, item: T): void {
    const keys = this.keys;
    const items = this.items;
    let i = keys.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (keys[up]! <= key) break;
      keys[i] = keys[up]!;
      items[i] = items[up]!;
      i = up;
    }
    keys[i] = key;
    items[i] = item;
  }

  pop(): [number, T] {
    const keys = this.keys;
    const items = this.items;
    const topKey = keys[0]!;
    const topItem = items[0]!;
    const lastKey = keys.pop()!;
    const lastItem = items.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= lastKey) break;
        keys[i] = keys[child]!;
        items[i] = items[child]!;
        i = child;
      }
      keys[i] = lastKey;
      items[i] = lastItem;
    }
    return [topKey, topItem];
  }
}

/**
 * Every simple path (no repeated node) from `from` to `to` with at most `maxEdges` edges, in
 * depth-first order over out-edges. `from === to` yields none.
 */
export function allSimplePaths(g: GrGraph, from: GNode, to: GNode, maxEdges: number): string[][] {
  const found: string[][] = [];
  if (from === to || maxEdges < 1) return found;
  // Iterative DFS: path[i] is entered through iterators[i]; depth is bounded by the node count.
  const path: GNode[] = [from];
  const onPath = new Set<GNode>(path);
  const iterators: Iterator<GEdge>[] = [from.out.values()];
  while (iterators.length > 0) {
    const step = iterators[iterators.length - 1]!.next();
    if (step.done) {
      iterators.pop();
      onPath.delete(path.pop()!);
      continue;
    }
    const e = step.value;
    if (!passes(e, null)) continue;
    const next = g.nodes.get(e.to)!;
    if (onPath.has(next)) continue;
    if (next === to) {
      found.push([...path.map((n) => n.id), to.id]);
    } else if (path.length < maxEdges) {
      path.push(next);
      onPath.add(next);
      iterators.push(next.out.values());
    }
  }
  return found;
}

/**
 * Whether the data graph has a cycle. Directed: a back edge in a depth-first walk (self-loops
 * count). Undirected: an edge to an already visited node other than the one we came from,
 * since every undirected edge is stored as a two-way pair.
 */
export function hasCycle(g: GrGraph): boolean {
  return g.directed ? hasDirectedCycle(g) : hasUndirectedCycle(g);
}

function hasDirectedCycle(g: GrGraph): boolean {
  const ON_STACK = 1;
  const DONE = 2;
  const state = new Map<GNode, number>();
  for (const root of g.dataNodes()) {
    if (state.has(root)) continue;
    // Iterative DFS: each frame is a node and an iterator over its out-edges.
    const stack: [GNode, Iterator<GEdge>][] = [[root, root.out.values()]];
    state.set(root, ON_STACK);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const step = frame[1].next();
      if (step.done) {
        state.set(frame[0], DONE);
        stack.pop();
        continue;
      }
      const e = step.value;
      if (isInternalId(e.to)) continue;
      const next = g.nodes.get(e.to)!;
      const s = state.get(next);
      if (s === ON_STACK) return true;
      if (s === undefined) {
        state.set(next, ON_STACK);
        stack.push([next, next.out.values()]);
      }
    }
  }
  return false;
}

function hasUndirectedCycle(g: GrGraph): boolean {
  const seen = new Set<GNode>();
  for (const root of g.dataNodes()) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: [GNode, GNode | null][] = [[root, null]];
    while (stack.length > 0) {
      const [node, cameFrom] = stack.pop()!;
      for (const e of node.out.values()) {
        if (isInternalId(e.to)) continue;
        const next = g.nodes.get(e.to)!;
        if (next === node) return true;
        if (next === cameFrom) continue;
        if (seen.has(next)) return true;
        seen.add(next);
        stack.push([next, node]);
      }
    }
  }
  return false;
}

/** Data nodes without an incoming data edge, in insertion order. */
export function roots(g: GrGraph): GNode[] {
  const found: GNode[] = [];
  for (const node of g.dataNodes()) {
    let incoming = false;
    for (const from of node.in.keys()) {
      if (!isInternalId(from)) {
        incoming = true;
        break;
      }
    }
    if (!incoming) found.push(node);
  }
  return found;
}

/** Every data node reachable from the first one when edge direction is ignored. */
export function isWeaklyConnected(g: GrGraph): boolean {
  const total = g.dataNodeCount();
  if (total <= 1) return true;
  const first = g.dataNodes().next().value as GNode;
  const seen = new Set<GNode>([first]);
  const stack: GNode[] = [first];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const neighbours of [node.out.keys(), node.in.keys()]) {
      for (const id of neighbours) {
        if (isInternalId(id)) continue;
        const next = g.nodes.get(id)!;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen.size === total;
}
