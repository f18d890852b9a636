// `graphoid-js/esbuild`: an esbuild plugin. `.gr` imports load as compiled ES modules (each file
// compiled by `compile()` with an inline source map, which esbuild chains, so bundle maps point at
// `.gr` files); compile errors become esbuild errors with file, line and column; imports that
// resolve to nothing become warnings (they fail at run time, as in `graphoid run`). The runtime
// and `graphoid-js/run` resolve to this package's built files, so a bundle holds one runtime.
//
// A `.gr` entry point becomes a runnable program: the plugin gives esbuild a small entry that runs
// the compiled module through `run()` (browser, neutral) or `runEntry()` (node: the Node host,
// exit status). A `.gr` file imported from JavaScript is the compiled module itself: pass it to
// `run` or `load` from `graphoid-js/run`.
import type { Message, PartialMessage, Plugin } from "esbuild";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileModule, packageFiles, type ModuleResult } from "./modules.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface GraphoidPluginOptions {
  /** Working directory for `src/`, `lib/` and `load` lookups (default: esbuild's absWorkingDir or process.cwd()). */
  cwd?: string;
  /** Source maps of compiled modules (default "inline", which esbuild chains into the bundle's map). */
  sourcemap?: "inline" | "none";
  /** `.gr` entry points run on the virtual clock with seeded randomness. */
  deterministic?: boolean;
  /** Called with each compiled file's result (the CLI's `build` prints diagnostics its own way). */
  onCompile?: (result: ModuleResult) => void;
}

const ENTRY = "graphoid-entry";
const ENTRY_SUFFIX = "-entry.js";

export function graphoidPlugin(options: GraphoidPluginOptions = {}): Plugin {
  return {
    name: "graphoid",
    setup(build) {
      const cwd = options.cwd ?? build.initialOptions.absWorkingDir ?? process.cwd();
      const platform = build.initialOptions.platform ?? "browser";

      build.onResolve({ filter: /^graphoid-js\/(runtime|run)$/ }, (args) => ({
        path: args.path.endsWith("runtime") ? packageFiles.runtime : packageFiles.run,
      }));

      build.onResolve({ filter: /\.gr$/ }, async (args) => {
        let path: string;
        if (args.path.startsWith("file:")) path = fileURLToPath(args.path);
        else if (isAbsolute(args.path)) path = args.path;
        else if (args.path.startsWith("./") || args.path.startsWith("../")) path = resolve(args.resolveDir || cwd, args.path);
        else if (args.kind === "entry-point") path = resolve(cwd, args.path);
        else return undefined; // a package path: esbuild resolves it, onLoad compiles it
        // The entry's own path must not end in `.gr`: the runtime takes stack frames in files
        // named `*.gr` for Graphoid frames.
        if (args.kind === "entry-point") return { path: path + ENTRY_SUFFIX, namespace: ENTRY };
        return { path };
      });

      build.onLoad({ filter: /.*/, namespace: ENTRY }, (args) => ({
        contents: entrySource(args.path.slice(0, -ENTRY_SUFFIX.length), platform, build.initialOptions.format ?? (build.initialOptions.bundle ? "iife" : "esm"), options),
        loader: "js",
        resolveDir: dirname(args.path),
      }));

      build.onLoad({ filter: /\.gr$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const result = compileModule(args.path, source, {
          cwd,
          sourcemap: options.sourcemap ?? "inline",
          runtimeSpecifier: "graphoid-js/runtime",
        });
        options.onCompile?.(result);
        const toMessage = (d: Diagnostic): PartialMessage => message(d, result.sources.get(d.file) ?? null);
        return {
          contents: result.code ?? "",
          loader: "js",
          resolveDir: dirname(args.path),
          errors: result.diagnostics.filter((d) => d.severity === "error").map(toMessage),
          warnings: [...result.diagnostics.filter((d) => d.severity !== "error"), ...result.warnings].map(toMessage),
          watchFiles: result.watchFiles,
        };
      });
    },
  };
}

/**
 * The module esbuild gets for a `.gr` entry point. It exports `info`, `load()` (the main module's
 * public names, through the bundle's own runtime) and `run(options)`. In a browser bundle the
 * program runs when the bundle loads (`status` is its exit status). In a Node ES module bundle it
 * runs, with the Node host, when the bundle is the process's main module (`node out.mjs`), and
 * ends the process with the program's status; imported, it only exports. Runtime errors report
 * `.gr` positions through the bundle's source map, which the runtime reads when an error needs it.
 */
export function entrySource(file: string, platform: string, format: string, options: Pick<GraphoidPluginOptions, "deterministic"> = {}): string {
  const main = JSON.stringify(file);
  const runOptions = options.deterministic ? "{ deterministic: true }" : "{}";
  const common = [
    `import { run as runModule, load as loadModule } from ${JSON.stringify(packageFiles.run)};`,
    `import * as main from ${main};`,
    `export const info = main.info;`,
    `export function load() { return loadModule(main); }`,
    `export function run(options = ${runOptions}) { return runModule(main, options); }`,
  ];
  if (platform !== "node") return [...common, `export const status = runModule(main, ${runOptions}).status;`, ""].join("\n");
  const node = JSON.stringify(packageFiles.node);
  const deterministic = options.deterministic ? [`process.env.GRAPHOID_DETERMINISTIC = "1";`] : [];
  if (format !== "esm") return [`import { runEntry } from ${node};`, `import * as main from ${main};`, ...deterministic, `runEntry(main);`, ""].join("\n");
  return [
    ...common,
    `import { runEntry, installNodeHost } from ${node};`,
    `import { realpathSync } from "node:fs";`,
    `import { pathToFileURL } from "node:url";`,
    ...deterministic,
    `const self = import.meta.url.replace(/[?#].*$/, "");`,
    `let isMain = false;`,
    `try { isMain = !!process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === self; } catch {}`,
    `installNodeHost();`,
    `if (isMain) runEntry(main);`,
    "",
  ].join("\n");
}

/** A diagnostic as an esbuild message (esbuild's lines are 1-based, its columns 0-based). */
export function message(d: Diagnostic, source: string | null): PartialMessage & Pick<Message, "location"> {
  const { line, column } = d.loc.start;
  const lineText = source?.split("\n")[line - 1]?.replace(/\r$/, "") ?? "";
  const length = d.loc.end.line === line ? Math.max(0, d.loc.end.column - column) : 0;
  return {
    id: d.code,
    text: `${d.message} [${d.code}]`,
    location: { file: d.file, namespace: "file", line, column: column - 1, length, lineText, suggestion: "" },
  };
}

export default graphoidPlugin;
