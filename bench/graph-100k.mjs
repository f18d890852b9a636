// Graph runtime benchmark (not a test): builds a 100k-node graph through the method table, as
// compiled code calls it, then times shortest_path, bfs and the other whole-graph queries and
// prints the heap in use. Run: node bench/graph-100k.mjs [nodes]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nodes = Number(process.argv[2] ?? 100_000);

// Bundle the TypeScript runtime once into a temporary ES module.
const outDir = mkdtempSync(join(tmpdir(), "graph-bench-"));
const outfile = join(outDir, "runtime.mjs");
await esbuild.build({
  stdin: {
    contents: [
      'export { graphMethods } from "./runtime/methods/table.ts";',
      'export { newGraphFromConfig } from "./runtime/graph/index.ts";',
      'export { sym } from "./runtime/values/symbol.ts";',
    ].join("\n"),
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  outfile,
  logLevel: "error",
});
const { graphMethods, newGraphFromConfig, sym } = await import(pathToFileURL(outfile).href);
rmSync(outDir, { recursive: true, force: true });

const call = (g, name, ...args) => graphMethods[name](g, args, null);

function timed(label, fn) {
  const start = performance.now();
  const result = fn();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(1).padStart(8)} ms`);
  return result;
}

function heapMb() {
  globalThis.gc?.();
  return (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
}

console.log(`graph runtime, ${nodes} nodes (node ${process.version})`);
const heapBefore = heapMb();
const g = newGraphFromConfig([]);
timed("add_node × n", () => {
  for (let i = 0; i < nodes; i++) call(g, "add_node", `n${i}`, i);
});
// A chain plus a shortcut every 10 nodes and a back edge every 100: many paths, one shortest.
timed("add_edge × ~1.11n", () => {
  for (let i = 1; i < nodes; i++) call(g, "add_edge", `n${i - 1}`, `n${i}`, "next");
  for (let i = 10; i < nodes; i += 10) call(g, "add_edge", `n${i - 10}`, `n${i}`, "skip");
  for (let i = 100; i < nodes; i += 100) call(g, "add_edge", `n${i}`, `n${i - 100}`, "back");
});
console.log(`heap after build: ${heapMb()} MB (before: ${heapBefore} MB); ${call(g, "edge_count")} edges`);

const last = `n${nodes - 1}`;
const path = timed("shortest_path(n0, last)", () => call(g, "shortest_path", "n0", last));
timed('shortest_path(n0, last, "next")', () => call(g, "shortest_path", "n0", last, "next"));
timed("distance(last, n0)", () => call(g, "distance", last, "n0"));
const order = timed("bfs(n0)", () => call(g, "bfs", "n0"));
timed("dfs(n0)", () => call(g, "dfs", "n0"));
timed("has_path(n0, last)", () => call(g, "has_path", "n0", last));
timed("nodes_within(n0, 50)", () => call(g, "nodes_within", "n0", 50));
timed("nodes() + edges()", () => [call(g, "nodes"), call(g, "edges")]);
timed("clone() + == ", () => call(g, "equals", call(g, "clone")));

const dag = newGraphFromConfig([["type", sym("dag")]]);
for (let i = 0; i < nodes; i++) call(dag, "add_node", `n${i}`, i);
timed("add_edge × n on a :dag (cycle check each)", () => {
  for (let i = 1; i < nodes; i++) call(dag, "add_edge", `n${i - 1}`, `n${i}`);
});

console.log(`shortest path length ${path.items.length}, bfs visited ${order.items.length}`);
console.log(`heap at end: ${heapMb()} MB`);
