// Child process of measure.mjs: compiles one file repeatedly through the compiler API and prints
// the times as JSON. Usage: node compile-bench.mjs FILE WARMUP TIMED
import { readFileSync } from "node:fs";
import { compile } from "../../../dist/compiler.js";

const [file, warmup, timed] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const source = readFileSync(file, "utf8");
function once() {
  const start = performance.now();
  const result = compile(source, { file, sourcemap: "none" });
  const ms = performance.now() - start;
  if (result.code === null || result.diagnostics.some((d) => d.severity === "error")) {
    const d = result.diagnostics[0];
    throw new Error(`compile failed: ${d ? `${d.loc.start.line}:${d.loc.start.column}: ${d.message}` : "no code"}`);
  }
  return { ms, bytes: result.code.length };
}
const cold = once();
for (let i = 0; i < warmup; i++) once();
const times = [];
for (let i = 0; i < timed; i++) times.push(once().ms);
process.stdout.write(JSON.stringify({ coldMs: cold.ms, times, outputBytes: cold.bytes, heapMb: process.memoryUsage().heapUsed / 2 ** 20 }) + "\n");
