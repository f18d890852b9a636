// A 100k-node graph as a Map of nodes with insertion-ordered out-edge Maps, then BFS-based
// shortest paths (optionally over one edge type) and a BFS order, as the Graphoid program does.
const nodes = new Map(); // id -> { id, value, out: Map<toId, type> }
function addNode(id, value) {
  const node = nodes.get(id);
  if (node) node.value = value;
  else nodes.set(id, { id, value, out: new Map() });
}
function addEdge(from, to, type) {
  nodes.get(from).out.set(to, type);
}
function edgeCount() {
  let count = 0;
  for (const node of nodes.values()) count += node.out.size;
  return count;
}
function shortestPath(fromId, toId, type = null) {
  const from = nodes.get(fromId);
  const to = nodes.get(toId);
  if (!from || !to) return null;
  if (from === to) return [fromId];
  const parent = new Map([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const [nextId, edgeType] of node.out) {
      if (type !== null && edgeType !== type) continue;
      const next = nodes.get(nextId);
      if (parent.has(next)) continue;
      parent.set(next, node);
      if (next === to) {
        const ids = [];
        for (let n = to; n !== from; n = parent.get(n)) ids.push(n.id);
        ids.push(from.id);
        return ids.reverse();
      }
      queue.push(next);
    }
  }
  return null;
}
function bfs(startId) {
  const start = nodes.get(startId);
  const order = [start];
  const seen = new Set(order);
  for (let head = 0; head < order.length; head++) {
    for (const nextId of order[head].out.keys()) {
      const next = nodes.get(nextId);
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order.map((node) => node.id);
}

const n = 100000;
for (let i = 0; i < n; i++) addNode("n" + i, i);
for (let i = 1; i < n; i++) addEdge("n" + (i - 1), "n" + i, "next");
for (let i = 10; i < n; i += 10) addEdge("n" + (i - 10), "n" + i, "skip");
for (let i = 100; i < n; i += 100) addEdge("n" + i, "n" + (i - 100), "back");
console.log("nodes", nodes.size, "edges", edgeCount());
const last = "n" + (n - 1);
for (let q = 0; q < 2; q++) {
  const path = shortestPath("n" + q, last);
  const chain = shortestPath("n" + q, last, "next");
  const back = shortestPath("n" + (n - 100), "n" + q);
  const order = bfs("n" + q);
  console.log("from n" + q, path.length, chain.length, back.length, order.length, order[1], order[order.length - 1]);
}
