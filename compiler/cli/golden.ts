// Golden-file cases: a folder holding `main.gr` (or `main_spec.gr`), its expected stdout
// (`expected.out`) and, when not 0, its exit status (`expected.rc`). `graphoid test` and the
// project's own fixture tests run cases through this module.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, unlinkSync } from "node:fs";
import { join, relative } from "node:path";

export interface GoldenCase {
  name: string;
  dir: string;
  /** `run main.gr` or `spec main_spec.gr`. */
  command: ["run" | "spec", string];
}

export interface GoldenResult {
  case: GoldenCase;
  stdout: string;
  stderr: string;
  status: number;
  expectedStdout: string | null;
  expectedStatus: number;
  passed: boolean;
}

/** Every case folder under `root`, sorted by path. */
export function discoverCases(root: string, filter: string | null = null): GoldenCase[] {
  const out: GoldenCase[] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir).sort();
    const main = entries.includes("main_spec.gr") ? "main_spec.gr" : entries.includes("main.gr") ? "main.gr" : null;
    if (main !== null) {
      const name = relative(root, dir) || ".";
      if (filter === null || name.includes(filter)) {
        out.push({ name, dir, command: [main === "main_spec.gr" ? "spec" : "run", main] });
      }
      return;
    }
    for (const e of entries) {
      if (e.startsWith(".") || e === "node_modules") continue;
      const p = join(dir, e);
      if (statSync(p).isDirectory()) visit(p);
    }
  };
  visit(root);
  return out;
}

export interface RunCaseOptions {
  /** The command that runs graphoid, e.g. [process.execPath, "<root>/bin/graphoid.js"]. */
  graphoid: string[];
  timeoutMs?: number;
  extraArgs?: string[];
}

export function runCase(c: GoldenCase, options: RunCaseOptions): Promise<GoldenResult> {
  return new Promise((resolvePromise) => {
    const [cmd, ...base] = options.graphoid;
    const child = spawn(cmd!, [...base, ...c.command, ...(options.extraArgs ?? [])], {
      cwd: c.dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => stdout.push(d));
    child.stderr.on("data", (d: Buffer) => stderr.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 10_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const expectedPath = join(c.dir, "expected.out");
      const expectedStdout = existsSync(expectedPath) ? readFileSync(expectedPath, "utf8") : null;
      const rcPath = join(c.dir, "expected.rc");
      const expectedStatus = existsSync(rcPath) ? Number(readFileSync(rcPath, "utf8").trim()) : 0;
      const out = Buffer.concat(stdout).toString("utf8");
      const status = code ?? (signal ? 124 : 1);
      resolvePromise({
        case: c,
        stdout: out,
        stderr: Buffer.concat(stderr).toString("utf8"),
        status,
        expectedStdout,
        expectedStatus,
        passed: expectedStdout !== null && out === expectedStdout && status === expectedStatus,
      });
    });
  });
}

/** Runs cases with at most `parallel` processes at once, reporting each result as it comes. */
export async function runCases(
  cases: GoldenCase[],
  options: RunCaseOptions & { parallel?: number },
  onResult: (r: GoldenResult) => void = () => {},
): Promise<GoldenResult[]> {
  const results: GoldenResult[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runCase(cases[i]!, options);
      onResult(results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 2) }, worker));
  return results;
}

/** Accepts the actual output as the new expectation. */
export function updateCase(r: GoldenResult): void {
  writeFileSync(join(r.case.dir, "expected.out"), r.stdout);
  const rcPath = join(r.case.dir, "expected.rc");
  if (r.status !== 0) writeFileSync(rcPath, `${r.status}\n`);
  else if (existsSync(rcPath)) unlinkSync(rcPath);
}

/** A unified diff of expected and actual lines (small inputs: a plain LCS table). */
export function diffLines(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return `expected ${n} lines, got ${m} lines (too large to diff)`;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push("  " + a[i]);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push("+ " + b[j]);
      j++;
    } else {
      out.push("- " + a[i]);
      i++;
    }
  }
  return out.join("\n");
}

export function describeFailure(r: GoldenResult): string {
  const lines = [`FAIL ${r.case.name}`];
  if (r.expectedStdout === null) lines.push("  no expected.out (run with --update to create it)");
  else if (r.stdout !== r.expectedStdout) lines.push(diffLines(r.expectedStdout, r.stdout).replace(/^/gm, "    "));
  if (r.status !== r.expectedStatus) lines.push(`  exit status ${r.status}, expected ${r.expectedStatus}`);
  if (r.stderr.trim() !== "" && (r.status !== r.expectedStatus || r.expectedStatus === 0)) {
    lines.push("  stderr:", r.stderr.trimEnd().split("\n").slice(0, 8).map((l) => "    " + l).join("\n"));
  }
  return lines.join("\n");
}
