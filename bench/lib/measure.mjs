// Running whole processes and summarising their times. Everything the runner and the custom
// measurement scripts (bench/cases/*/measure.mjs) share lives here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const root = join(benchDir, "..");
export const probe = join(benchDir, "lib", "probe.mjs");
export const graphoidBin = join(root, "bin", "graphoid.js");
export const emptyScript = join(benchDir, "lib", "empty.mjs");

/** A fresh temporary directory; removed by `cleanup()`. */
const tempDirs = [];
export function makeTempDir(prefix = "graphoid-bench-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
export function cleanup() {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs `node [nodeFlags] --import probe.mjs script [args]` as a whole process and returns its
 * wall time (ms, measured around the spawn), exit status, output and peak RSS (MB).
 * `heap: true` adds --expose-gc and records the live heap after a full GC at exit (heapMb);
 * use it only for untimed runs, since the GC itself takes time.
 */
export function runNode(script, args = [], options = {}) {
  const { cwd = root, env = {}, heap = false, nodeFlags = [], timeoutMs = 120_000 } = options;
  const probeFile = join(options.tmp ?? makeTempDir(), `probe-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const flags = [...nodeFlags, ...(heap ? ["--expose-gc"] : []), "--import", probe];
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...flags, script, ...args], {
    cwd,
    env: { ...process.env, ...env, BENCH_PROBE_FILE: probeFile, BENCH_PROBE_GC: heap ? "1" : "0" },
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
    timeout: timeoutMs,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  let report = {};
  if (existsSync(probeFile)) {
    try {
      report = JSON.parse(readFileSync(probeFile, "utf8"));
    } catch {
      // a process killed mid-write leaves no usable report
    }
    rmSync(probeFile, { force: true });
  }
  return {
    wallMs,
    status: child.status,
    signal: child.signal,
    error: child.error ? String(child.error.message ?? child.error) : null,
    stdout: child.stdout ?? "",
    stderr: child.stderr ?? "",
    rssMb: report.maxRssKb !== undefined ? report.maxRssKb / 1024 : null,
    heapMb: report.heapUsedMb ?? null,
  };
}

/** Runs a command (not through the probe); throws with its output when it fails. */
export function runChecked(command, args, options = {}) {
  const child = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 2 ** 20, ...options });
  if (child.status !== 0) {
    throw new Error(`${[command, ...args].join(" ")} failed (status ${child.status}):\n${child.stderr}${child.stdout}`);
  }
  return child;
}

/** `graphoid build SOURCE -o OUT --sourcemap none`, as a whole process; returns its wall time. */
export function buildGraphoid(source, out) {
  const start = process.hrtime.bigint();
  runChecked(process.execPath, [graphoidBin, "build", source, "-o", out, "--sourcemap", "none"]);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeTemp(dir, name, text) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export function median(values) {
  const xs = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Median, min, max and the raw samples. */
export function summarise(values) {
  const xs = values.filter((v) => v !== null && v !== undefined);
  return {
    median: median(xs),
    min: xs.length ? Math.min(...xs) : null,
    max: xs.length ? Math.max(...xs) : null,
    samples: xs.map((v) => Math.round(v * 10) / 10),
  };
}

/** The first differing line of two outputs, for a loud mismatch message. */
export function firstDifference(a, b) {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return { line: i + 1, graphoid: la[i] ?? "<end of output>", js: lb[i] ?? "<end of output>" };
  }
  return null;
}

/** Describes a failed process run in one paragraph. */
export function describeFailure(label, run) {
  const why = run.error ?? (run.signal ? `signal ${run.signal}` : `exit status ${run.status}`);
  const stderr = run.stderr.trim().split("\n").slice(0, 8).join("\n    ");
  return `${label} failed (${why})${stderr ? `:\n    ${stderr}` : ""}`;
}
