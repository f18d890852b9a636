// `graphoid run FILE.gr [args]`: compile the program and its modules, then run it in this process.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
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
  rt.installHost(node.host);
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
