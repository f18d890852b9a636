// `graphoid run FILE.gr [args]`: compile the program and its modules, then run it in this process.
import { pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";
import { existsSync, readFileSync, statSync } from "node:fs";
import { compileDynamicLoad } from "../index.js";
import { compileProgramFiles, displayPath, reportDiagnostics, runtimeFile } from "./common.js";
import { createNodeHost } from "../../runtime/host-node.js";
import { codeFrame } from "../diagnostics/format.js";
import type * as Runtime from "../../runtime/index.js";
import type { CompiledModule } from "../../runtime/modules.js";

export interface RunOptions {
  file: string;
  args: string[];
  deterministic: boolean;
  spec?: boolean;
}

export async function runProgram(options: RunOptions): Promise<number> {
  const built = compileProgramFiles(options.file, { spec: options.spec });
  const write = (text: string) => process.stderr.write(text);
  if (reportDiagnostics(built.diagnostics, built.sources, write) || !built.entry) return 1;

  process.setSourceMapsEnabled(true);
  const rt = (await import(pathToFileURL(runtimeFile).href)) as typeof Runtime;
  const node = createNodeHost(["graphoid", resolve(options.file), ...options.args]);
  rt.installHost({ ...node.host, compileLoad: dynamicLoader(rt) });
  if (options.deterministic) rt.configure([[":deterministic", null]]);
  const compiled = (await import(pathToFileURL(built.entry.output).href)) as CompiledModule;
  const outcome = rt.runMain(compiled, built.entry.source);
  node.stdout.flush();
  if (outcome.error) {
    const frame = outcome.error.frames[0];
    let text = rt.formatUncaught(outcome, displayPath);
    const source = frame ? built.sources.get(frame.file) : undefined;
    if (frame && source !== undefined) text += "\n" + codeFrame(source, frame.line, frame.column);
    node.stderr.write(text + "\n");
  }
  node.stderr.flush();
  return outcome.status;
}

/** `load <computed path>`: compile the file when the statement runs, relative to the cwd first. */
function dynamicLoader(rt: typeof Runtime) {
  return (path: string, fromFile: string) => {
    const candidates = [resolve(path), resolve(dirname(fromFile), path), resolve(dirname(fromFile), path + ".gr")];
    const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (file === undefined) return null;
    const result = compileDynamicLoad(readFileSync(file, "utf8"), file);
    if (result.code === null) {
      const d = result.diagnostics[0];
      throw new Error(d ? `${displayPath(d.file)}:${d.loc.start.line}:${d.loc.start.column}: ${d.message}` : `cannot compile ${file}`);
    }
    const body = new Function("$rt", "$m", "$env", `${result.code}\n//# sourceURL=${pathToFileURL(file).href}`);
    return (module: unknown, env: unknown) => body(rt, module, env);
  };
}
