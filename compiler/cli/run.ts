// `graphoid run FILE.gr [args]`: compile the program and its modules (unless the compile cache
// has them), then run it in this process. A cache hit never loads the compiler.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { displayPath, stdlibDir } from "./paths.js";
import { lookup, store, type CachedProgram } from "./cache.js";
import { cliRuntimeSpecifier, loadRuntime } from "./runtime-loader.js";
import { createNodeHost } from "../../runtime/host-node.js";
import { codeFrame } from "../diagnostics/format.js";
import type { CompiledModule } from "../../runtime/modules.js";

export interface RunOptions {
  file: string;
  args: string[];
  deterministic: boolean;
  spec?: boolean;
}

/** Compiles the program (loading the compiler); null after reporting its errors. */
async function compile(options: RunOptions, entry: string, mode: string): Promise<CachedProgram | null> {
  const { compileProgramFiles, reportDiagnostics } = await import("./common.js");
  const built = compileProgramFiles(options.file, { spec: options.spec, runtimeSpecifier: cliRuntimeSpecifier });
  if (reportDiagnostics(built.diagnostics, built.sources, (t) => process.stderr.write(t)) || !built.entry) return null;
  const program: CachedProgram = { source: built.entry.source, output: built.entry.output, needsCompiler: built.needsCompiler };
  // Programs with unresolved imports are not cached: the missing file may appear.
  if (built.missing.length === 0) {
    store(entry, mode, program, built.sources, [...built.files.values()].map((f) => f.output), built.absent);
  }
  return program;
}

export async function runProgram(options: RunOptions): Promise<number> {
  const entry = resolve(options.file);
  const mode = `${options.spec ? "spec" : "run"}\0${process.cwd()}`;
  const program = lookup(entry, mode) ?? (await compile(options, entry, mode));
  if (program === null) return 1;

  // Room for the Graphoid call chain of an uncaught error between the runtime's own frames.
  Error.stackTraceLimit = 40;
  const rt = loadRuntime();
  const node = createNodeHost(["graphoid", entry, ...options.args]);
  const compileLoad = program.needsCompiler ? (await import("../dynamic-load.js")).dynamicLoader(rt, stdlibDir) : undefined;
  rt.installHost({ ...node.host, compileLoad });
  if (options.deterministic) rt.configure([[":deterministic", null]]);
  const compiled = (await import(pathToFileURL(program.output).href)) as CompiledModule;
  const outcome = rt.runMain(compiled, program.source);
  node.stdout.flush();
  if (outcome.error) {
    const frame = outcome.error.frames[0];
    let text = rt.formatUncaught(outcome, displayPath);
    const source = frame ? readSource(frame.file) : null;
    if (frame && source !== null) text += "\n" + codeFrame(source, frame.line, frame.column);
    for (const caller of rt.formatCallers(outcome, displayPath)) text += "\n" + caller;
    node.stderr.write(text + "\n");
  }
  node.stderr.flush();
  return outcome.status;
}

function readSource(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
