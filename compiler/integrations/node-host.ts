// `graphoid-js/node`: the main-thread half of running compiled Graphoid in Node outside the CLI.
// It installs the Node host (files, environment, buffered stdout flushed at exit) into the one
// shared runtime, and runs a `.gr` entry the way `graphoid run` does: uncaught errors print as
// `main.gr:3:5: error: …` with a code frame and the Graphoid call chain, and the process exits with the program's status.
// The Node loader's entry wrapper (node-loader.ts), `graphoid-js/register` and the esbuild
// plugin's entry for platform "node" use it. The package build maps the runtime imports to
// dist/runtime.js and dist/host-node.js, so nothing is bundled twice.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as rt from "../../runtime/index.js";
import { createNodeHost, type NodeHost } from "../../runtime/host-node.js";
import type { CompiledModule } from "../../runtime/modules.js";
import type { Host } from "../../runtime/host.js";
import { codeFrame } from "../diagnostics/format.js";

let installed: NodeHost | null = null;

/**
 * Installs the Node host (idempotent). Graphoid's `os.args()` is `args` (default: the process's
 * arguments after `node`). Output is buffered and flushed when a run ends and at process exit.
 */
export function installNodeHost(args: string[] = process.argv.slice(1)): NodeHost {
  if (installed) return installed;
  const node = createNodeHost(args);
  const flush = () => {
    node.stdout.flush();
    node.stderr.flush();
  };
  rt.installHost({ ...node.host, flush } as Partial<Host>);
  // Deep enough for the Graphoid call chain of an uncaught error (as `graphoid run`).
  if (Error.stackTraceLimit < 40) Error.stackTraceLimit = 40;
  process.on("exit", flush);
  if (process.env.GRAPHOID_DETERMINISTIC) rt.configure([[":deterministic", null]]);
  installed = node;
  return node;
}

/** Runs a compiled entry module as `graphoid run` does, then ends the process with its status. */
export function runEntry(compiled: CompiledModule): never {
  const node = installNodeHost();
  const outcome = rt.runMain(compiled, compiled.info.file);
  node.stdout.flush();
  if (outcome.error) {
    const show = (file: string) => {
      const path = file.startsWith("file:") ? fileURLToPath(file) : file;
      const rel = relative(process.cwd(), path);
      return rel.startsWith("..") ? path : rel;
    };
    let text = rt.formatUncaught(outcome, show);
    const frame = outcome.error.frames[0];
    if (frame) {
      try {
        const file = frame.file.startsWith("file:") ? fileURLToPath(frame.file) : frame.file;
        text += "\n" + codeFrame(readFileSync(file, "utf8"), frame.line, frame.column);
      } catch {
        // source not readable: the position alone
      }
    }
    for (const caller of rt.formatCallers(outcome, show)) text += "\n" + caller;
    node.stderr.write(text + "\n");
  }
  node.stderr.flush();
  // Tasks and timers a program leaves behind are abandoned when it ends (runtime.md §2.1).
  process.exit(outcome.status);
}
