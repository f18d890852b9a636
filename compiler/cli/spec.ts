// `graphoid spec [PATH]`: finds the gspec files and runs them in one shared namespace
// (runtime.md §1.1, §1.4).
//
// The files are joined into one generated driver program: a prelude that makes a runner from the
// gspec stdlib module (stdlib/gspec.gr) and defines describe/it/... on it, the header lines, each
// spec file's text in order, and the final summary. One program means one namespace, as in the
// reference: top-level variables, functions and hooks of a file stay in force for later files.
// The texts are joined rather than `load`ed: a file that fails to parse must still let the files
// before it run (the reference parses each file when it gets to it), and joined text keeps every
// position distinct, so errors map back to the spec file and line they came from.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Project } from "../project.js";
import { parse } from "../parse/parse.js";
import { formatDiagnostic, codeFrame } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { cacheDir, displayPath, stdlibDir } from "./common.js";
import { cliRuntimeSpecifier, loadRuntime } from "./runtime-loader.js";
import { createNodeHost } from "../../runtime/host-node.js";
import type { CompiledModule } from "../../runtime/modules.js";

/** Names of the driver's own bindings; `__` keeps them out of the way of spec files' names. */
const RUNNER = "__gspec_runner";
const FAILED = "__gspec_failed";

/** What spec files find predefined (runtime.md §1.2): the default runner's methods, expect, assert. */
const PRELUDE = [
  `import "gspec" as __gspec`,
  `${RUNNER} = __gspec.TestRunner.clone()`,
  `fn describe(name, block) { return ${RUNNER}.describe(name, block) }`,
  `fn context(name, block) { return ${RUNNER}.context(name, block) }`,
  `fn it(description, block) { return ${RUNNER}.it(description, block) }`,
  `fn xit(description, block) { return ${RUNNER}.xit(description, block) }`,
  `fn pending(description) { return ${RUNNER}.pending(description) }`,
  `fn before_each(block) { return ${RUNNER}.before_each(block) }`,
  `fn after_each(block) { return ${RUNNER}.after_each(block) }`,
  `fn expect(value) { return __gspec.expect(value) }`,
  `fn assert(result) { return __gspec.assert(result) }`,
];

/**
 * The spec files under `path` (runtime.md §1.1): a file counts only if it ends in `_spec.gr`;
 * a directory is searched recursively, skipping dot entries, `target` and `node_modules`.
 * Paths are built as `dir + "/" + name` and sorted by plain (byte) comparison.
 */
export function discoverSpecFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return path.endsWith("_spec.gr") ? [path] : [];
  const found: string[] = [];
  const visit = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith(".") || name === "target" || name === "node_modules") continue;
      const p = dir + "/" + name;
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        continue;
      }
      if (isDir) visit(p);
      else if (name.endsWith("_spec.gr")) found.push(p);
    }
  };
  visit(path);
  return found.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** Where a spec file's text sits in the driver. */
interface Segment {
  file: string;
  source: string;
  /** Driver line of the file's first line. */
  firstLine: number;
  lineCount: number;
}

export interface Driver {
  text: string;
  segments: Segment[];
  /** Whether the driver ends with the summary (false when a file fails to parse). */
  complete: boolean;
  /** The parse errors of the first spec file that does not parse: reported after the run. */
  parseErrors: Diagnostic[];
}

/** Builds the driver for `files` (absolute paths with their source text). */
export function buildDriver(files: { file: string; source: string }[], total: number): Driver {
  const lines = [...PRELUDE, `print("Running ${total} spec file(s)...")`, `print("")`];
  const segments: Segment[] = [];
  for (const { file, source } of files) {
    const parsed = parse(source, file);
    const errors = parsed.diagnostics.filter((d) => d.severity === "error");
    if (!parsed.program || errors.length > 0) {
      // Files before this one still run; then the run stops without a summary.
      return { text: lines.join("\n") + "\n", segments, complete: false, parseErrors: errors };
    }
    const body = source.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
    segments.push({ file, source, firstLine: lines.length + 1, lineCount: body.length });
    lines.push(...body);
  }
  lines.push(`${FAILED} = ${RUNNER}.final_summary()`);
  return { text: lines.join("\n") + "\n", segments, complete: true, parseErrors: [] };
}

/** A driver position → the spec file and line it came from (or null for the driver's own lines). */
function mapLine(driver: Driver, line: number): { file: string; source: string; line: number } | null {
  for (const s of driver.segments) {
    if (line >= s.firstLine && line < s.firstLine + s.lineCount) return { file: s.file, source: s.source, line: line - s.firstLine + 1 };
  }
  return null;
}

function noSpecs(path: string): number {
  process.stdout.write(`No spec files found in: ${path}\nSpec files must end with _spec.gr\n`);
  return 1;
}

export async function specCommand(pathArg: string): Promise<number> {
  const path = pathArg.length > 1 && pathArg.endsWith("/") ? pathArg.slice(0, -1) : pathArg;
  const files = discoverSpecFiles(path);
  if (files.length === 0) return noSpecs(path);

  const sources = files.map((f) => {
    const file = resolve(f);
    return { file, source: readFileSync(file, "utf8") };
  });
  const driver = buildDriver(sources, files.length);
  // The driver sits (in memory) beside the spec files, so their relative imports resolve there.
  const dirs = new Set(sources.map((s) => dirname(s.file)));
  const home = dirs.size === 1 ? [...dirs][0]! : existsSync(path) && statSync(path).isDirectory() ? resolve(path) : dirname(resolve(path));
  const driverFile = join(home, "__gspec_driver__.gr");

  const project = new Project({
    outDir: cacheDir(),
    runtimeSpecifier: cliRuntimeSpecifier,
    stdlibDir,
    cwd: process.cwd(),
    sourcemap: "inline",
  });
  const built = project.build(driverFile, driver.text);
  const writeErr = (text: string) => process.stderr.write(text);
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  const report = (ds: Diagnostic[]) => {
    for (const d of ds) {
      const at = d.file === driverFile ? mapLine(driver, d.loc.start.line) : null;
      if (at) {
        const shift = at.line - d.loc.start.line;
        const moved = { ...d, file: displayPath(at.file), loc: { start: { ...d.loc.start, line: at.line }, end: { ...d.loc.end, line: d.loc.end.line + shift } } };
        writeErr(formatDiagnostic(moved, at.source, { color }) + "\n");
      } else {
        const source = built.sources.get(d.file) ?? sources.find((f) => f.file === d.file)?.source ?? null;
        writeErr(formatDiagnostic({ ...d, file: displayPath(d.file) }, source, { color }) + "\n");
      }
    }
  };
  const compileErrors = built.diagnostics.filter((d) => d.severity === "error");
  if (compileErrors.length > 0 || !built.entry) {
    report(built.diagnostics);
    return 1;
  }

  const rt = loadRuntime();
  const node = createNodeHost(["graphoid", driverFile]);
  rt.installHost(node.host);
  const compiled = (await import(pathToFileURL(built.entry.output).href)) as CompiledModule;
  // The module is made here so that the summary's outcome can be read from its bindings.
  const main = rt.mainModule(driverFile);
  const outcome = rt.runMain(compiled, driverFile, main);
  if (outcome.error) {
    // An error that escapes a test aborts the run: no summary, the error on stderr (§1.1).
    node.stdout.flush();
    const frame = outcome.error.frames[0];
    const at = frame && frame.file === driverFile ? mapLine(driver, frame.line) : null;
    let text = `Error: ${outcome.error.value.display()}`;
    if (at) text = `${displayPath(at.file)}:${at.line}:${frame!.column}: ${text}\n${codeFrame(at.source, at.line, frame!.column)}`;
    else if (frame) text = `${displayPath(frame.file)}:${frame.line}:${frame.column}: ${text}`;
    node.stderr.write(text + "\n");
    node.stderr.flush();
    return 1;
  }
  const status = !driver.complete || main.bindings.get(FAILED) === true ? 1 : 0;
  node.stdout.flush();
  if (!driver.complete) report(driver.parseErrors);
  node.stderr.flush();
  return status;
}
