// Errors: `GrErrorValue` is the error object a program sees (`catch as e`, `ValueError("x")`);
// `GraphoidError` is the JS exception that carries one through compiled code.
import { originalPosition } from "./source-map.js";

/** Error type names that a message prefix can name (core.md §7.3). */
const PREFIX_TYPES = new Set([
  "ValueError",
  "TypeError",
  "IOError",
  "NetworkError",
  "ParseError",
  "RuntimeError",
  "FileError",
  "NetError",
]);

/** Parent of each error type that has one besides the root `error`. */
const PARENT: Record<string, string> = { FileError: "IOError", NetError: "IOError" };

export interface StackFrame {
  function: string;
  file: string;
  line: number;
  column: number;
}

export class GrErrorValue {
  /** The error this one was raised while handling (`caused_by`). */
  cause: GrErrorValue | null = null;
  /** The JS exception that first carried this error; its stack gives the Graphoid frames. */
  origin: Error | null = null;
  private framesCache: StackFrame[] | null = null;
  /** The file the program was running, for `file()`. */
  file: string | null = null;

  constructor(
    public errorType: string,
    public message: string,
  ) {}

  /** Graphoid call frames, innermost first, read from the JS stack when first asked for. */
  get frames(): StackFrame[] {
    if (this.framesCache === null) this.framesCache = this.origin ? framesOf(this.origin) : [];
    return this.framesCache;
  }

  set frames(frames: StackFrame[]) {
    this.framesCache = frames;
  }

  /** `catch Name` matches this error: the same type or an ancestor. */
  isA(name: string): boolean {
    for (let t: string | undefined = this.errorType; t !== undefined; t = PARENT[t]) {
      if (t === name) return true;
    }
    return false;
  }

  display(): string {
    return `${this.errorType}: ${this.message}`;
  }
}

/**
 * Classifies the text of a raised value: `"ValueError: bad"` is a ValueError with message `bad`,
 * anything else a RuntimeError with the whole text (core.md §7.3).
 */
export function errorFromText(text: string): GrErrorValue {
  const body = text.startsWith("Runtime error: ") ? text.slice("Runtime error: ".length) : text;
  const colon = body.indexOf(":");
  if (colon > 0) {
    const type = body.slice(0, colon);
    if (PREFIX_TYPES.has(type)) return new GrErrorValue(type, body.slice(colon + 1).trim());
  }
  return new GrErrorValue("RuntimeError", body);
}

/** The exception that carries a Graphoid error through JS frames. */
export class GraphoidError extends Error {
  constructor(public readonly value: GrErrorValue) {
    super(value.message);
    this.name = "GraphoidError";
  }
}

/** A runtime failure of a builtin: always a RuntimeError (core.md §7.3). */
export function rtError(message: string): GraphoidError {
  return new GraphoidError(new GrErrorValue("RuntimeError", message));
}

export function typedError(type: string, message: string): GraphoidError {
  return new GraphoidError(new GrErrorValue(type, message));
}

/**
 * Graphoid frames of a JS error, innermost first. Stack lines name compiled modules; their source
 * maps give the `.gr` positions (lines that already name a `.gr` file, because Node's own
 * source-map support is on, are taken as they are).
 */
export function framesOf(e: Error): StackFrame[] {
  const out: StackFrame[] = [];
  for (const line of (e.stack ?? "").split("\n")) {
    const m = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue;
    let file = m[2]!;
    let lineNo = Number(m[3]);
    let column = Number(m[4]);
    if (!file.endsWith(".gr")) {
      const original = originalPosition(file, lineNo, column);
      if (original === null || !original.source.endsWith(".gr")) continue;
      ({ source: file, line: lineNo, column } = original);
    }
    // V8 names a frame `Receiver.name [as property]`; a nameless one is a lambda.
    const fn = (m[1] ?? "<anonymous>").replace(/ \[as [^\]]*\]$/, "").replace(/^[\w$]+\./, "").replace(/\$g$/, "").replace(/\$$/, "");
    // A module's top level is its `$load` function (bundlers may number it: `$load4`).
    out.push({ function: /^\$load\d*$/.test(fn) ? "<main>" : fn, file, line: lineNo, column });
  }
  return out;
}
