// Running a main module and reporting what escapes it (core.md §7.7: one line on stderr, exit 1;
// the wording is ours and names the `.gr` position).
import { GraphoidError, GrErrorValue, type StackFrame } from "./values/error.js";
import { caught } from "./errors.js";
import { mainModule, type CompiledModule } from "./modules.js";

export interface RunOutcome {
  status: 0 | 1;
  /** The uncaught error, with the `.gr` position it was raised at when known. */
  error: { value: GrErrorValue; frames: StackFrame[] } | null;
}

export function runMain(compiled: CompiledModule, file: string): RunOutcome {
  const m = mainModule(file);
  try {
    compiled.load(m);
    return { status: 0, error: null };
  } catch (e) {
    const value = caught(e);
    return { status: 1, error: { value, frames: grFrames(e) } };
  }
}

/**
 * Graphoid frames of a JS error, innermost first. Compiled modules carry source maps, so with
 * source-map support on (the CLI and bundles turn it on) stack lines name `.gr` files.
 */
export function grFrames(e: unknown): StackFrame[] {
  const stack = e instanceof Error ? e.stack ?? "" : "";
  const out: StackFrame[] = [];
  for (const line of stack.split("\n")) {
    const m = /^\s*at (?:(.*?) \()?(.*\.gr):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue;
    const fn = (m[1] ?? "<main>").replace(/^Object\./, "").replace(/\$g$/, "");
    out.push({ function: fn === "$load" ? "<main>" : fn, file: m[2]!, line: Number(m[3]), column: Number(m[4]) });
  }
  return out;
}

/** `file:line:col: Type: message` for an uncaught error, without a code frame. */
export function formatUncaught(outcome: RunOutcome, relativeTo: (file: string) => string = (f) => f): string {
  if (!outcome.error) return "";
  const { value, frames } = outcome.error;
  const where = frames[0] ? `${relativeTo(frames[0].file)}:${frames[0].line}:${frames[0].column}: ` : "";
  return `${where}error: ${value.display()}`;
}

export { GraphoidError };
