// `import "fs"` (runtime.md §4.12): numeric file handles and directory queries. Handles come from
// the host's one process-wide counter (starting at 1); every failure is a RuntimeError with the
// reference's wording, and a browser build raises an IOError (no file system).
import { GrList } from "../values/list.js";
import { rtError } from "../values/error.js";
import { formatNumber } from "../values/format.js";
import { fileSystem, functions, numberParam, osErrorText, registerNativeModule, stringParam } from "./native.js";
import type { Value } from "../values/value.js";

const MODE_WORDS: Record<string, string> = { r: "reading", w: "writing", a: "appending" };

/** The host reports a bad handle with a plain Error; anything with an errno code is an OS error. */
function handleError(h: number, e: unknown, doing: string): Error {
  const err = e as { code?: string; message?: string };
  if (err.code === undefined && String(err.message).startsWith("Invalid file handle")) {
    return rtError(`Invalid file handle: ${formatNumber(h)}`);
  }
  return rtError(`Failed to ${doing} file handle ${formatNumber(h)}: ${osErrorText(e)}`);
}

function handleParam(fnName: string, v: Value | undefined): number {
  return numberParam(fnName, v, "file handle (number)");
}

registerNativeModule("fs", "fs", () =>
  functions({
    open: (args) => {
      const path = stringParam("open", args[0], "path (string)");
      const mode = stringParam("open", args[1], "mode (string)");
      const fs = fileSystem("fs.open");
      if (!(mode in MODE_WORDS)) throw rtError(`Invalid mode '${mode}'. Use 'r', 'w', or 'a'`);
      try {
        return fs.open(path, mode as "r" | "w" | "a");
      } catch (e) {
        throw rtError(`Failed to open file '${path}' for ${MODE_WORDS[mode]}: ${osErrorText(e)}`);
      }
    },
    read: (args) => {
      const h = handleParam("read", args[0]);
      const max = Math.max(0, Math.trunc(numberParam("read", args[1], "byte count (number)")));
      const fs = fileSystem("fs.read");
      try {
        return fs.read(h, max);
      } catch (e) {
        throw handleError(h, e, "read from");
      }
    },
    write: (args) => {
      const h = handleParam("write", args[0]);
      const text = stringParam("write", args[1], "string");
      const fs = fileSystem("fs.write");
      try {
        return fs.write(h, text);
      } catch (e) {
        throw handleError(h, e, "write to");
      }
    },
    close: (args) => {
      const h = handleParam("close", args[0]);
      const fs = fileSystem("fs.close");
      try {
        fs.close(h);
      } catch (e) {
        throw handleError(h, e, "close");
      }
      return true;
    },
    list_dir: (args) => {
      const path = stringParam("list_dir", args[0], "path (string)");
      const fs = fileSystem("fs.list_dir");
      try {
        // Sorted by UTF-8 bytes as the reference sorts; for ASCII names this is plain order.
        return new GrList(fs.listDir(path).sort(compareUtf8));
      } catch (e) {
        throw rtError(`Failed to read directory '${path}': ${osErrorText(e)}`);
      }
    },
    is_dir: (args) => fileSystem("fs.is_dir").isDir(stringParam("is_dir", args[0], "path (string)")),
    is_file: (args) => fileSystem("fs.is_file").isFile(stringParam("is_file", args[0], "path (string)")),
    exists: (args) => fileSystem("fs.exists").exists(stringParam("exists", args[0], "path (string)")),
  }),
);

/** Code-point order equals UTF-8 byte order; JS's default sort compares UTF-16 units. */
function compareUtf8(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
