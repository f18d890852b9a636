// `graphoid-js/vite`: a Vite (and Rollup) plugin. Vite is not a dependency: the plugin is a plain
// object with the standard hooks (`resolveId`, `load`), so it needs no types or code from Vite.
// `.gr` files load as compiled ES modules with their source maps; the runtime and
// `graphoid-js/run` resolve to this package's built files. Compile errors fail the module with
// `file:line:col` (Vite shows them in its overlay). The compiler owns hot-reload code: the plugin
// only switches `hmr` on while serving (compile() does not yet emit hot-reload hooks, so a changed
// `.gr` file reloads the page).
import { readFileSync } from "node:fs";
import { compileModule, packageFiles } from "./modules.js";
import { formatDiagnostic } from "../diagnostics/format.js";

export interface GraphoidViteOptions {
  /** Working directory for `src/`, `lib/` and `load` lookups (default: Vite's root or process.cwd()). */
  cwd?: string;
}

/** The subset of Vite's plugin interface this plugin uses. */
export interface GraphoidVitePlugin {
  name: string;
  enforce: "pre";
  configResolved(config: { root?: string; command?: "serve" | "build" }): void;
  resolveId(id: string, importer?: string): string | null;
  load(this: { addWatchFile?(file: string): void; warn?(message: string): void } | void, id: string): { code: string; map: string | null } | null;
}

export function graphoidVite(options: GraphoidViteOptions = {}): GraphoidVitePlugin {
  let cwd = options.cwd ?? process.cwd();
  let serving = false;
  return {
    name: "graphoid",
    enforce: "pre",
    configResolved(config) {
      if (options.cwd === undefined && config.root) cwd = config.root;
      serving = config.command === "serve";
    },
    resolveId(id) {
      if (id === "graphoid-js/runtime") return packageFiles.runtime;
      if (id === "graphoid-js/run") return packageFiles.run;
      return null;
    },
    load(id) {
      const file = id.replace(/[?#].*$/, "");
      if (!file.endsWith(".gr")) return null;
      const result = compileModule(file, readFileSync(file, "utf8"), {
        cwd,
        sourcemap: "external",
        hmr: serving,
        runtimeSpecifier: "graphoid-js/runtime",
      });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if (result.code === null || errors.length > 0) {
        const text = errors.map((d) => formatDiagnostic(d, result.sources.get(d.file) ?? null)).join("\n");
        const err = new Error(text) as Error & { id?: string; loc?: { file: string; line: number; column: number } };
        const first = errors[0];
        if (first) err.loc = { file: first.file, line: first.loc.start.line, column: first.loc.start.column - 1 };
        err.id = file;
        throw err;
      }
      if (this) {
        for (const f of result.watchFiles) if (f !== file) this.addWatchFile?.(f);
        for (const w of result.warnings) this.warn?.(`${w.file}:${w.loc.start.line}:${w.loc.start.column}: ${w.message}`);
      }
      // The map is returned to Vite, not referenced from the code.
      return { code: result.code.replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, "\n"), map: result.map };
    },
  };
}

export default graphoidVite;
