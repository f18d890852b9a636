// What the runtime needs from its host (Node or a browser). Compiled programs never touch
// process/console/fs directly: they go through this object, which the CLI, a bundle's entry or a
// test replaces. The default writes to the console, so the runtime works anywhere.

export interface FileSystemHost {
  readFile(path: string): string;
  writeFile(path: string, text: string, append: boolean): void;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  isFile(path: string): boolean;
  listDir(path: string): string[];
  /** Low-level handles for the `fs` module. */
  open(path: string, mode: "r" | "w" | "a"): number;
  read(fd: number, maxBytes: number): string;
  write(fd: number, text: string): number;
  close(fd: number): void;
}

export interface Host {
  /** Writes text to standard output (the contract: only `print` uses it). */
  stdout(text: string): void;
  /** Writes text to standard error (warnings, uncaught errors). */
  stderr(text: string): void;
  /** Wall-clock milliseconds since the epoch. */
  now(): number;
  /** Blocks the whole thread for `ms` milliseconds (used only when nothing else can run). */
  sleepSync(ms: number): void;
  /** File access, or null in a browser. */
  fs: FileSystemHost | null;
  /** Environment, process and platform facts for the `os` module. */
  env(name: string): string | null;
  envAll(): Record<string, string>;
  cwd(): string;
  platform(): string;
  arch(): string;
  args(): string[];
  readLine(prompt: string): string | null;
  /** Ends the program with this status (after flushing output). */
  exit(code: number): never;
  /**
   * Runs `handler` whenever the process receives `signal` ("SIGINT" …), replacing its default
   * action; absent where there are no signals (browsers).
   */
  onSignal?(signal: string, handler: () => void): void;
  /**
   * The source map of a loaded script, named as a stack trace names it (a URL or a path): the
   * map's JSON text and the URL its sources are relative to. Errors use it for `.gr` positions;
   * absent where scripts cannot be read back (browsers).
   */
  sourceMap?(script: string): { json: string; url: string } | null;
  /** Where the host is: "node" or "browser". */
  kind: "node" | "browser";
  /**
   * Compiles a file for `load <computed path>`; null when no such file exists. Only hosts that
   * carry the compiler (the `graphoid` CLI) provide it.
   */
  compileLoad?: (path: string, fromFile: string) => ((module: unknown, env: unknown) => void) | null;
}

function notAvailable(what: string): never {
  throw new Error(`${what} is not available in the browser`);
}

/** Buffers console output by line, since console.log always appends a newline. */
function lineWriter(write: (line: string) => void): (text: string) => void {
  let pending = "";
  return (text) => {
    pending += text;
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      write(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  };
}

export const host: Host = {
  stdout: lineWriter((l) => console.log(l)),
  stderr: lineWriter((l) => console.error(l)),
  now: () => Date.now(),
  sleepSync(ms) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      /* a browser main thread cannot block; spin */
    }
  },
  fs: null,
  env: () => null,
  envAll: () => ({}),
  cwd: () => "/",
  platform: () => "unknown",
  arch: () => "unknown",
  args: () => [],
  readLine: () => notAvailable("input"),
  exit(code) {
    throw new Error(`program exited with status ${code}`);
  },
  kind: "browser",
};

/** Replaces parts of the host (the Node entry installs its own). */
export function installHost(parts: Partial<Host>): void {
  Object.assign(host, parts);
}
