#!/usr/bin/env node
// The benchmark suite: `npm run bench [-- options]`. Speed is measured here, never asserted in
// unit tests. Each folder under bench/cases/ is one case (see bench/README.md):
//   case.json  {category, title, notes, [heap], [targets]}
//   main.gr + twin.mjs      → built once, then both run as whole node processes, interleaved
//   measure.mjs (optional)  → a custom measurement instead (compiler throughput, start-up, ...)
//
// Options:
//   --filter NAME   only cases whose folder name contains NAME (repeatable, or comma-separated)
//   --runs N        timed runs per side (default 5; --quick: 3)
//   --quick         fewer runs and smaller custom measurements, for a fast look
//   --write-md      also regenerate bench/RESULTS.md from this run
//   --md-only       regenerate bench/RESULTS.md from bench/results.json without running anything
//   --note TEXT     a remark printed in RESULTS.md (e.g. how busy the machine was)
//   --list          list the cases and exit
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  benchDir,
  buildGraphoid,
  cleanup,
  describeFailure,
  emptyScript,
  firstDifference,
  makeTempDir,
  root,
  runNode,
  summarise,
} from "./lib/measure.mjs";
import { currentLoad, describeMachine } from "./lib/machine.mjs";
import { CATEGORY_TARGETS, consoleTable, evaluateTargets, markdown } from "./lib/report.mjs";

const CATEGORY_ORDER = ["compute", "collections", "compiler"];
const resultsFile = join(benchDir, "results.json");
const resultsMd = join(benchDir, "RESULTS.md");

function parseArgs(argv) {
  const options = { filters: [], runs: null, quick: false, writeMd: false, mdOnly: false, note: null, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--filter") options.filters.push(...value().split(",").filter(Boolean));
    else if (a.startsWith("--filter=")) options.filters.push(...a.slice(9).split(",").filter(Boolean));
    else if (a === "--runs") options.runs = Number(value());
    else if (a.startsWith("--runs=")) options.runs = Number(a.slice(7));
    else if (a === "--quick") options.quick = true;
    else if (a === "--write-md") options.writeMd = true;
    else if (a === "--md-only") options.mdOnly = true;
    else if (a === "--note") options.note = value();
    else if (a === "--list") options.list = true;
    else if (a === "--help" || a === "-h") usage(null);
    else usage(`unknown option ${a}`);
  }
  if (options.runs === null) options.runs = options.quick ? 3 : 5;
  if (!Number.isInteger(options.runs) || options.runs < 1) usage("--runs needs a positive integer");
  return options;
}

function usage(problem) {
  const lines = readFileSync(new URL(import.meta.url), "utf8").split("\n").slice(1); // after the #! line
  const end = lines.findIndex((l) => !l.startsWith("//"));
  const text = lines.slice(0, end).map((l) => l.slice(3)).join("\n");
  if (problem) process.stderr.write(`bench: ${problem}\n\n`);
  process.stdout.write(text + "\n");
  process.exit(problem ? 2 : 0);
}

/** Every case folder, in category order, then by name. */
function discoverCases() {
  const dir = join(benchDir, "cases");
  const cases = [];
  for (const name of readdirSync(dir).sort()) {
    const caseDir = join(dir, name);
    const configFile = join(caseDir, "case.json");
    if (!existsSync(configFile)) continue;
    const config = JSON.parse(readFileSync(configFile, "utf8"));
    cases.push({
      name,
      dir: caseDir,
      config,
      custom: existsSync(join(caseDir, "measure.mjs")) ? join(caseDir, "measure.mjs") : null,
    });
  }
  const rank = (c) => (CATEGORY_ORDER.indexOf(c.config.category) + 1 || 99);
  return cases.sort((a, b) => rank(a) - rank(b));
}

const log = (text) => process.stderr.write(text + "\n");

/**
 * The standard measurement: build main.gr once, run the bundle and the twin once untimed (output
 * check; live heap when case.json says "heap": true), then `runs` timed runs of each, interleaved
 * and alternating which side goes first. Each round also runs an empty node script: its median is
 * the start-up cost that both sides pay, and `netRatio` is the ratio with it subtracted.
 */
function measurePair(c, options) {
  const tmp = makeTempDir();
  const bundle = join(tmp, "main.mjs");
  const twin = join(c.dir, "twin.mjs");
  const buildMs = buildGraphoid(join(c.dir, "main.gr"), bundle);
  const sides = { graphoid: bundle, js: twin };
  const heap = c.config.heap === true;

  const first = {};
  for (const [side, script] of Object.entries(sides)) {
    const run = runNode(script, [], { cwd: c.dir, heap, tmp });
    if (run.status !== 0) throw new Error(describeFailure(`${side} (${script})`, run));
    first[side] = run;
  }
  const expected = first.graphoid.stdout;
  if (expected !== first.js.stdout) {
    const d = firstDifference(expected, first.js.stdout);
    throw new Error(`outputs differ at line ${d.line}:\n    graphoid: ${JSON.stringify(d.graphoid)}\n    JS:       ${JSON.stringify(d.js)}`);
  }

  const samples = { graphoid: [], js: [] };
  const nodeMs = [];
  for (let r = 0; r < options.runs; r++) {
    const order = r % 2 === 0 ? ["graphoid", "js"] : ["js", "graphoid"];
    nodeMs.push(runNode(emptyScript, [], { cwd: c.dir, tmp }).wallMs);
    for (const side of order) {
      const run = runNode(sides[side], [], { cwd: c.dir, tmp });
      if (run.status !== 0) throw new Error(describeFailure(`${side} run ${r + 1}`, run));
      if (run.stdout !== expected) throw new Error(`${side} run ${r + 1} printed different output than the first run`);
      samples[side].push(run);
    }
  }
  const side = (name) => ({
    ms: summarise(samples[name].map((s) => s.wallMs)),
    rssMb: summarise(samples[name].map((s) => s.rssMb)).median,
    heapMb: heap ? first[name].heapMb : null,
  });
  const graphoid = side("graphoid");
  const js = side("js");
  const node = summarise(nodeMs).median;
  const net = (ms) => Math.max(ms - node, 1);
  return {
    buildMs,
    graphoid,
    js,
    nodeMs: node,
    ratio: graphoid.ms.median / js.ms.median,
    netRatio: net(graphoid.ms.median) / net(js.ms.median),
    outputLines: expected.split("\n").length - 1,
  };
}

function flatValues(result) {
  const values = { ...(result.values ?? {}) };
  if (result.graphoid && result.js) {
    values.ratio = result.ratio;
    values.netRatio = result.netRatio;
    for (const side of ["graphoid", "js"]) {
      values[`${side}.ms`] = result[side].ms.median;
      values[`${side}.rssMb`] = result[side].rssMb;
      values[`${side}.heapMb`] = result[side].heapMb;
    }
  }
  for (const m of result.metrics ?? []) values[m.name] = m.value;
  return values;
}

async function runCase(c, options) {
  const { category, title = c.name, notes = "" } = c.config;
  const result = { name: c.name, category, title, notes };
  const started = Date.now();
  try {
    if (c.custom) {
      const { default: measure } = await import(pathToFileURL(c.custom).href);
      Object.assign(result, await measure({ dir: c.dir, name: c.name, config: c.config, runs: options.runs, quick: options.quick, log }));
    } else {
      Object.assign(result, measurePair(c, options));
    }
    const specs = [...(CATEGORY_TARGETS[category] ?? []).filter(() => result.graphoid && result.js), ...(c.config.targets ?? []), ...(result.targetSpecs ?? [])];
    delete result.targetSpecs;
    result.targets = evaluateTargets(specs, flatValues(result));
  } catch (err) {
    result.failure = err instanceof Error ? err.message : String(err);
  } finally {
    cleanup();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

function summaryLine(r) {
  if (r.failure) return `FAILED: ${r.failure}`;
  if (r.graphoid && r.js) return `graphoid ${r.graphoid.ms.median.toFixed(0)} ms, JS ${r.js.ms.median.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}×, net of node start-up ${r.netRatio.toFixed(2)}× (${r.seconds.toFixed(0)} s)`;
  const metrics = r.metrics ?? [];
  const key = metrics.filter((m) => m.key);
  return `${(key.length ? key : metrics.slice(0, 2)).map((m) => `${m.label} ${typeof m.value === "number" ? m.value.toFixed(m.digits ?? 1) : m.value}${m.unit ? " " + m.unit : ""}`).join("; ")} (${r.seconds.toFixed(0)} s)`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.mdOnly) {
    if (!existsSync(resultsFile)) usage("no bench/results.json yet: run the suite first");
    const report = JSON.parse(readFileSync(resultsFile, "utf8"));
    if (options.note) report.options.note = options.note;
    writeFileSync(resultsMd, markdown(report));
    log(`wrote ${resultsMd}`);
    return 0;
  }
  let cases = discoverCases();
  if (options.filters.length) cases = cases.filter((c) => options.filters.some((f) => c.name.includes(f)));
  if (options.list || cases.length === 0) {
    for (const c of discoverCases()) process.stdout.write(`${c.name.padEnd(22)} ${c.config.category.padEnd(12)} ${c.config.title}\n`);
    if (!options.list) log("bench: no case matches the filter");
    return options.list ? 0 : 2;
  }
  if (!existsSync(join(root, "dist", "cli.js"))) {
    log("bench: dist/ is not built; run `npm run build` first");
    return 2;
  }

  const machine = describeMachine();
  log(`graphoid-js benchmarks: ${cases.length} cases, ${options.runs} runs per side${options.quick ? " (quick)" : ""}`);
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, load ${machine.loadAverageAtStart.join(" ")}`);
  const started = Date.now();
  const results = [];
  for (const c of cases) {
    process.stderr.write(`  ${c.name.padEnd(20)} `);
    const r = await runCase(c, options);
    results.push(r);
    log(summaryLine(r));
  }
  const report = {
    machine,
    loadAverageAtEnd: currentLoad(),
    elapsedSeconds: (Date.now() - started) / 1000,
    options: { runs: options.runs, quick: options.quick, filters: options.filters, note: options.note },
    results,
  };
  process.stdout.write("\n" + consoleTable(results) + "\n");
  log(`\n${report.elapsedSeconds.toFixed(0)} s in all; load average now ${report.loadAverageAtEnd.join(" ")}`);

  // A filtered run merges into the previous report instead of dropping the other cases.
  if (options.filters.length && existsSync(resultsFile)) {
    try {
      const previous = JSON.parse(readFileSync(resultsFile, "utf8"));
      const fresh = new Set(results.map((r) => r.name));
      const merged = [...previous.results.filter((r) => !fresh.has(r.name)), ...results];
      const order = discoverCases().map((c) => c.name);
      report.results = merged.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    } catch {
      // an unreadable old report is simply replaced
    }
  }
  writeFileSync(resultsFile, JSON.stringify(report, null, 2) + "\n");
  log(`wrote ${resultsFile}`);
  if (options.writeMd) {
    writeFileSync(resultsMd, markdown(report));
    log(`wrote ${resultsMd}`);
  }
  return results.some((r) => r.failure) ? 1 : 0;
}

process.exitCode = await main();
