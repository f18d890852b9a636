// Errors: `GrErrorValue` is the error object a program sees (`catch as e`, `ValueError("x")`);
// `GraphoidError` is the JS exception that carries one through compiled code.

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
  /** Graphoid call frames, innermost first, filled when the error is raised. */
  frames: StackFrame[] = [];
  /** The file the program was running, for `file()`. */
  file: string | null = null;

  constructor(
    public errorType: string,
    public message: string,
  ) {}

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
