// Raising and catching (core.md §7).
import { GrErrorValue, GraphoidError, errorFromText, rtError, typedError } from "./values/error.js";
import { display } from "./values/format.js";
import { settings, collectedErrors } from "./config.js";
import { GrList } from "./values/list.js";
import type { Value } from "./values/value.js";

/** `raise v`: an error object keeps its type; other values are classified by their text. */
export function raise(v: Value): null {
  const text = v instanceof GrErrorValue ? v.display() : typeof v === "string" ? v : display(v);
  if (settings.errorMode === "collect") {
    collectedErrors.push(new GrErrorValue("RuntimeError", "Runtime error: " + text));
    return null;
  }
  throw new GraphoidError(v instanceof GrErrorValue ? v : errorFromText(text));
}

/**
 * The error object for whatever a JS `catch` received. Failures of the JS engine itself (stack
 * overflow, …) become RuntimeErrors so that Graphoid code can handle them.
 */
export function caught(e: unknown): GrErrorValue {
  if (e instanceof GraphoidError) {
    e.value.origin ??= e;
    return e.value;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new GrErrorValue("RuntimeError", "Stack overflow: too much recursion");
  if (e instanceof Error) return new GrErrorValue("RuntimeError", e.message);
  return new GrErrorValue("RuntimeError", String(e));
}

export function errorIs(err: GrErrorValue, type: string): boolean {
  return err.isA(type);
}

/** `break`/`continue` outside a loop (core.md §1). */
export function loopControl(kind: string): GraphoidError {
  return rtError(`Loop control: ${kind}`);
}

/** `ValueError("msg")` and the other constructors (core.md §7.2). */
export function makeError(type: string, args: Value[]): GrErrorValue {
  if (args.length !== 1) throw rtError(`${type} constructor expects 1 argument (message), got ${args.length}`);
  const v = args[0]!;
  return new GrErrorValue(type, typeof v === "string" ? v : display(v));
}

export function getErrors(): GrList {
  return new GrList(collectedErrors.slice());
}

export function clearErrors(): null {
  collectedErrors.length = 0;
  return null;
}

export { typedError };
