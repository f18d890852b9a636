// Running a main module and reporting what escapes it (core.md §7.7: one line on stderr, exit 1;
// the wording is ours and names the `.gr` position).
import { GraphoidError, GrErrorValue, framesOf, type StackFrame } from "./values/error.js";
import { caught } from "./errors.js";
import { mainModule, type CompiledModule, type GrModule } from "./modules.js";

export interface RunOutcome {
  status: 0 | 1;
  /** The uncaught error, with the `.gr` position it was raised at when known. */
  error: { value: GrErrorValue; frames: StackFrame[] } | null;
}

/** `m` may be given by a caller that reads the module's bindings afterwards (`graphoid spec`). */
export function runMain(compiled: CompiledModule, file: string, m: GrModule = mainModule(file)): RunOutcome {
  try {
    compiled.load(m);
    return { status: 0, error: null };
  } catch (e) {
    const value = caught(e);
    return { status: 1, error: { value, frames: grFrames(e) } };
  }
}

export function grFrames(e: unknown): StackFrame[] {
  return e instanceof Error ? framesOf(e) : [];
}

/** `file:line:col: Type: message` for an uncaught error, without a code frame. */
export function formatUncaught(outcome: RunOutcome, relativeTo: (file: string) => string = (f) => f): string {
  if (!outcome.error) return "";
  const { value, frames } = outcome.error;
  const where = frames[0] ? `${relativeTo(frames[0].file)}:${frames[0].line}:${frames[0].column}: ` : "";
  return `${where}error: ${value.display()}`;
}

/**
 * The Graphoid call chain under an uncaught error's first frame: `  at fn (file:line:col)` lines,
 * with a run of identical frames (deep recursion) shown once with its count.
 */
export function formatCallers(outcome: RunOutcome, relativeTo: (file: string) => string = (f) => f, limit = 10): string[] {
  const frames = outcome.error?.frames ?? [];
  const name = (f: StackFrame) => (f.function === "<main>" ? "top level" : f.function);
  const lines: string[] = [];
  let shown = 0;
  for (let i = 1; i < frames.length; ) {
    const f = frames[i]!;
    const text = `  at ${name(f)} (${relativeTo(f.file)}:${f.line}:${f.column})`;
    let j = i + 1;
    while (j < frames.length && frames[j]!.function === f.function && frames[j]!.file === f.file && frames[j]!.line === f.line && frames[j]!.column === f.column) j++;
    if (shown === limit) {
      lines.push(`  … ${frames.length - i} more`);
      break;
    }
    lines.push(j - i > 1 ? `${text} ×${j - i}` : text);
    shown++;
    i = j;
  }
  return lines;
}

export { GraphoidError };
