// `load <computed path>` (core.md §8.4): the file is known only when the statement runs, so the
// host compiles it then (compileDynamicLoad), with the loading scope's variables. The CLI and the
// Node loader install this as the runtime host's `compileLoad`.
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { compileDynamicLoad } from "./index.js";
import { loadCandidates } from "./project.js";

/** Runs a compiled file's body against a module record and the loading scope's variables. */
export type LoadedBody = (module: unknown, env: unknown) => void;

export function dynamicLoader(rt: unknown, stdlibDir: string): (path: string, fromFile: string) => LoadedBody | null {
  return (path, fromFile) => {
    const file = loadCandidates(path, fromFile, process.cwd(), stdlibDir).find((f) => existsSync(f) && statSync(f).isFile());
    if (file === undefined) return null;
    const result = compileDynamicLoad(readFileSync(file, "utf8"), file);
    if (result.code === null) {
      const d = result.diagnostics[0];
      const where = d ? `${relative(process.cwd(), d.file) || d.file}:${d.loc.start.line}:${d.loc.start.column}: ${d.message}` : `cannot compile ${file}`;
      throw new Error(where);
    }
    const body = new Function("$rt", "$m", "$env", `${result.code}\n//# sourceURL=${pathToFileURL(file).href}`);
    return (module, env) => body(rt, module, env);
  };
}
