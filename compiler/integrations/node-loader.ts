// Node module-customization hooks (`graphoid-js/loader`, registered by `graphoid-js/register`):
// `.gr` files load as compiled ES modules, each compiled by `compile()` when Node asks for it,
// with an inline source map so stack traces (and so runtime errors) name `.gr` lines and columns.
//
// The program's entry (`node --import graphoid-js/register app.gr`) is a `.gr` file Node resolves
// with no parent: it resolves to `app.gr?graphoid-main`, a small module that imports the compiled
// `app.gr` and runs it through `runEntry` (node-host.ts). Any other import of a `.gr` file (from
// JavaScript or from another `.gr` file) gives the compiled module itself (`load` and `info`;
// see `graphoid-js/run`).
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileModule, packageFiles, type ModuleResult } from "./modules.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

const MAIN = "graphoid-main";
const isGr = (url: string) => /\.gr(?:$|[?#])/.test(url);

interface ResolveContext {
  parentURL?: string;
  conditions: string[];
  importAttributes?: Record<string, string>;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface LoadContext {
  format?: string | null;
  conditions: string[];
  importAttributes?: Record<string, string>;
}
interface LoadResult {
  format: string;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (specifier: string, context?: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  if (specifier === "graphoid-js/runtime") return { url: pathToFileURL(packageFiles.runtime).href, format: "module", shortCircuit: true };
  if (specifier === "graphoid-js/run") return { url: pathToFileURL(packageFiles.run).href, format: "module", shortCircuit: true };
  if (!isGr(specifier)) return nextResolve(specifier, context);
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith("file:")) return resolved;
  const url = new URL(resolved.url);
  if (context.parentURL === undefined) url.searchParams.set(MAIN, "");
  return { url: url.href, format: "module", shortCircuit: true };
}

export async function load(
  url: string,
  context: LoadContext,
  nextLoad: (url: string, context?: LoadContext) => Promise<LoadResult>,
): Promise<LoadResult> {
  if (!url.startsWith("file:") || !isGr(url)) return nextLoad(url, context);
  const parsed = new URL(url);
  const main = parsed.searchParams.has(MAIN);
  parsed.search = "";
  parsed.hash = "";
  const file = fileURLToPath(parsed);
  const source = readFileSync(file, "utf8");
  const compiled = compiledFor(file, source);
  if (main) {
    // Compile errors in the entry are reported like the CLI's, without a JavaScript stack.
    const errors = compiled.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) return { format: "module", source: reportAndExit(errors, compiled.sources), shortCircuit: true };
    ready.set(file, compiled);
    return {
      format: "module",
      source: [
        `import { runEntry } from ${JSON.stringify(pathToFileURL(packageFiles.node).href)};`,
        `import * as main from ${JSON.stringify(parsed.href)};`,
        `runEntry(main);`,
        "",
      ].join("\n"),
      shortCircuit: true,
    };
  }
  if (compiled.code === null) {
    throw new SyntaxError(formatAll(compiled.diagnostics.filter((d) => d.severity === "error"), compiled.sources));
  }
  let code = compiled.code;
  // `load <computed path>` compiles when it runs: bring the compiler in for this module only.
  if (compiled.needsCompiler) code += `import ${JSON.stringify(pathToFileURL(packageFiles.dynamicLoad).href)};\n`;
  return { format: "module", source: code, shortCircuit: true };
}

/** The entry's compiled module, kept from its wrapper's load until Node asks for it. */
const ready = new Map<string, ModuleResult & { source: string }>();

function compiledFor(file: string, source: string): ModuleResult & { source: string } {
  const kept = ready.get(file);
  ready.delete(file);
  if (kept && kept.source === source) return kept;
  const result = compileModule(file, source, {
    sourcemap: "inline",
    runtimeSpecifier: pathToFileURL(packageFiles.runtime).href,
    specifier: (f) => pathToFileURL(f).href,
  });
  return { ...result, source };
}

function formatAll(diagnostics: Diagnostic[], sources: Map<string, string>): string {
  return diagnostics
    .map((d) => {
      const rel = relative(process.cwd(), d.file);
      return formatDiagnostic({ ...d, file: rel.startsWith("..") ? d.file : rel }, sources.get(d.file) ?? null);
    })
    .join("\n");
}

function reportAndExit(diagnostics: Diagnostic[], sources: Map<string, string>): string {
  return `process.stderr.write(${JSON.stringify(formatAll(diagnostics, sources) + "\n")});\nprocess.exit(1);\n`;
}
