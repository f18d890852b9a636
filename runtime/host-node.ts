// The runtime's host on Node: buffered stdout, files, environment, blocking sleep. The runtime core
// never imports this file (it must bundle for browsers); the CLI and Node bundles install it.
import * as fs from "node:fs";
import * as os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Host } from "./host.js";

/** Output is written in large chunks; `flush()` must run before the process exits. */
export class BufferedFd {
  private chunks: string[] = [];
  private size = 0;

  constructor(
    private readonly fd: number,
    private readonly limit = 1 << 16,
  ) {}

  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    const text = this.chunks.join("");
    this.chunks = [];
    this.size = 0;
    writeAll(this.fd, text);
  }
}

function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(fd, buffer, offset);
    } catch (e) {
      // A pipe that is full: wait a moment and retry; a closed one ends the output.
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      return;
    }
  }
}

const handles = new Map<number, { fd: number; path: string }>();
let nextHandle = 1;

export interface NodeHost {
  host: Partial<Host>;
  stdout: BufferedFd;
  stderr: BufferedFd;
}

export function createNodeHost(programArgs: string[]): NodeHost {
  const stdout = new BufferedFd(1);
  const stderr = new BufferedFd(2, 0);
  const host: Partial<Host> = {
    kind: "node",
    stdout: (text) => stdout.write(text),
    stderr: (text) => {
      stdout.flush();
      stderr.write(text);
    },
    now: () => Date.now(),
    sleepSync: (ms) => {
      if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    },
    env: (name) => process.env[name] ?? null,
    envAll: () => Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    cwd: () => process.cwd(),
    platform: () => ({ linux: "linux", darwin: "macos", win32: "windows" })[process.platform as string] ?? "unix",
    arch: () => ({ x64: "x86_64", arm64: "aarch64", arm: "arm", ia32: "x86" })[process.arch as string] ?? process.arch,
    args: () => programArgs,
    readLine: (prompt) => {
      stdout.write(prompt);
      stdout.flush();
      return readLineSync();
    },
    sourceMap: readSourceMap,
    onSignal: (signal, handler) => {
      process.on(signal, handler);
    },
    exit: (code) => {
      stdout.flush();
      stderr.flush();
      process.exit(code);
    },
    fs: {
      readFile: (path) => fs.readFileSync(path, "utf8"),
      writeFile: (path, text, append) => (append ? fs.appendFileSync(path, text) : fs.writeFileSync(path, text)),
      exists: (path) => fs.existsSync(path),
      isDir: (path) => fs.existsSync(path) && fs.statSync(path).isDirectory(),
      isFile: (path) => fs.existsSync(path) && fs.statSync(path).isFile(),
      listDir: (path) => fs.readdirSync(path).sort(),
      open: (path, mode) => {
        const fd = fs.openSync(path, mode);
        const h = nextHandle++;
        handles.set(h, { fd, path });
        return h;
      },
      read: (h, maxBytes) => {
        const entry = handles.get(h);
        if (!entry) throw new Error(`Invalid file handle: ${h}`);
        const buffer = Buffer.alloc(Math.max(0, maxBytes));
        const n = fs.readSync(entry.fd, buffer, 0, buffer.length, null);
        return buffer.subarray(0, n).toString("utf8");
      },
      write: (h, text) => {
        const entry = handles.get(h);
        if (!entry) throw new Error(`Invalid file handle: ${h}`);
        return fs.writeSync(entry.fd, text);
      },
      close: (h) => {
        const entry = handles.get(h);
        if (!entry) throw new Error(`Invalid file handle: ${h}`);
        fs.closeSync(entry.fd);
        handles.delete(h);
      },
    },
  };
  return { host, stdout, stderr };
}

/**
 * The source map a script names in its `//# sourceMappingURL=` comment (inline or a file beside
 * it); null for scripts that are not files or have none.
 */
function readSourceMap(script: string): { json: string; url: string } | null {
  let url: URL;
  if (script.startsWith("file:")) url = new URL(script);
  else if (/^(\/|[A-Za-z]:[\\/])/.test(script)) url = pathToFileURL(script);
  else return null;
  url.search = "";
  url.hash = "";
  let text: string;
  try {
    text = fs.readFileSync(fileURLToPath(url), "utf8");
  } catch {
    return null;
  }
  const comment = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(text.slice(text.lastIndexOf("sourceMappingURL=") - 4));
  if (!comment) return null;
  const reference = comment[1]!;
  const inline = /^data:application\/json[^,]*?(;base64)?,(.*)$/.exec(reference);
  if (inline) {
    const json = inline[1] ? Buffer.from(inline[2]!, "base64").toString("utf8") : decodeURIComponent(inline[2]!);
    return { json, url: url.href };
  }
  const mapUrl = new URL(reference, url);
  if (mapUrl.protocol !== "file:") return null;
  try {
    return { json: fs.readFileSync(fileURLToPath(mapUrl), "utf8"), url: mapUrl.href };
  } catch {
    return null;
  }
}

/** Reads one line from stdin synchronously (the language's `input()` blocks). */
function readLineSync(): string | null {
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let n = 0;
    try {
      n = fs.readSync(0, one, 0, 1, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      break;
    }
    if (n === 0) {
      if (bytes.length === 0) return null;
      break;
    }
    if (one[0] === 10) break;
    bytes.push(one[0]!);
  }
  if (bytes[bytes.length - 1] === 13) bytes.pop();
  return Buffer.from(bytes).toString("utf8");
}

export const platformName = os.platform();
