// `load <computed path>` outside the CLI (core.md §8.4): the file is compiled when the statement
// runs, so the host needs the compiler. The Node loader imports this module only from compiled
// modules that have such a `load`, so other programs never load the compiler in the main thread.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as rt from "../../runtime/index.js";
import { compileDynamicLoad } from "../index.js";

/** Installs the host hook that compiles `load`ed files (relative to the working directory first). */
export function installDynamicLoad(): void {
  rt.installHost({
    compileLoad: (path: string, fromFile: string) => {
      const candidates = [resolve(path), resolve(dirname(fromFile), path), resolve(dirname(fromFile), path + ".gr")];
      const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
      if (file === undefined) return null;
      const result = compileDynamicLoad(readFileSync(file, "utf8"), file);
      if (result.code === null) {
        const d = result.diagnostics[0];
        throw new Error(d ? `${relative(process.cwd(), d.file)}:${d.loc.start.line}:${d.loc.start.column}: ${d.message}` : `cannot compile ${file}`);
      }
      const body = new Function("$rt", "$m", "$env", `${result.code}\n//# sourceURL=${pathToFileURL(file).href}`);
      return (module: unknown, env: unknown) => body(rt, module, env);
    },
  });
}

installDynamicLoad();
