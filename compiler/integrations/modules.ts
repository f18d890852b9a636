// Compiling one `.gr` file as an ES module of its own, for the integrations (esbuild, Vite, the
// Node loader). Unlike compiler/project.ts, which compiles a whole program into an output folder,
// each file here is compiled when its host (a bundler or Node) asks for it; imports of other `.gr`
// files stay imports of those `.gr` files, which the host then asks for in turn. Resolution is
// core.md §8.2 through project.ts's candidate lists, so the CLI and the integrations agree.
import { readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { compileProgram, type CompileResult, type SourceMapMode } from "../index.js";
import { parse } from "../parse/parse.js";
import type * as A from "../parse/ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { ResolvedImport } from "../lower/context.js";
import { packageFiles } from "./paths.js";
import { NATIVE_MODULES, UNAVAILABLE_MODULES, defaultBinding, loadCandidates, moduleCandidates, moduleDeclaration } from "../project.js";

export { packageFiles, packageRoot } from "./paths.js";

export interface ModuleOptions {
  /** Working directory for `src/`, `lib/` and `load` lookups (default: process.cwd()). */
  cwd?: string;
  /** The standard library's `.gr` folder (default: the package's). */
  stdlibDir?: string;
  /** How compiled code imports the runtime (default "graphoid-js/runtime"). */
  runtimeSpecifier?: string;
  /** How compiled code imports another `.gr` file (default: its absolute path). */
  specifier?: (file: string) => string;
  sourcemap?: SourceMapMode;
  dts?: boolean;
  hmr?: boolean;
}

export interface ModuleResult extends CompileResult {
  file: string;
  /** Source text of every file read (for code frames). */
  sources: Map<string, string>;
  /** Every file this result depends on, read or probed: when one changes, compile again. */
  watchFiles: string[];
  /** Imports that resolve to nothing or to a module that does not parse: run-time errors. */
  warnings: Diagnostic[];
}

/** Parsed dependencies, checked against their current text. */
const parsedCache = new Map<string, { text: string; program: A.Program | null; diagnostics: Diagnostic[] }>();

function parseCached(file: string, text: string): { program: A.Program | null; diagnostics: Diagnostic[] } {
  const hit = parsedCache.get(file);
  if (hit && hit.text === text) return hit;
  const parsed = parse(text, file);
  const entry = { text, program: parsed.program, diagnostics: parsed.diagnostics };
  parsedCache.set(file, entry);
  return entry;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Compiles `file` (whose text is `source`) as one ES module. */
export function compileModule(file: string, source: string, options: ModuleOptions = {}): ModuleResult {
  file = resolve(file);
  const cwd = options.cwd ?? process.cwd();
  const stdlibDir = options.stdlibDir ?? packageFiles.stdlib;
  const specifier = options.specifier ?? ((f: string) => f);
  const sources = new Map<string, string>([[file, source]]);
  const watch = new Set<string>([file]);
  const warnings: Diagnostic[] = [];
  const brokenMessage = (d: Diagnostic) => `${relative(cwd, d.file) || d.file}:${d.loc.start.line}:${d.loc.start.column}: ${d.message}`;

  const firstFile = (paths: string[]): string | null => {
    for (const p of paths) {
      watch.add(p);
      if (isFile(p)) return p;
    }
    return null;
  };

  // The file's own AST is parsed afresh: analysis annotates it and `load` expands into it.
  const parsed = parse(source, file);
  if (!parsed.program) {
    return { file, code: null, map: null, dts: null, diagnostics: parsed.diagnostics, sources, watchFiles: [...watch], warnings };
  }
  const own = moduleDeclaration(parsed.program);

  const resolveImport = (path: string, loc: A.Loc): ResolvedImport => {
    if (NATIVE_MODULES[path] !== undefined) return { kind: "native", name: path, binding: NATIVE_MODULES[path]! };
    const found = firstFile(moduleCandidates(path, file, cwd, stdlibDir));
    if (found === null) {
      if (UNAVAILABLE_MODULES.has(path)) {
        warnings.push(diagnostic("ModuleUnavailable", `module '${path}' is not available in graphoid-js`, file, loc));
        return { kind: "unavailable", name: path, binding: path };
      }
      warnings.push(diagnostic("ModuleNotFound", `module '${path}' not found`, file, loc));
      return { kind: "missing", name: path, binding: defaultBinding(path) };
    }
    const text = readFileSync(found, "utf8");
    sources.set(found, text);
    const dep = parseCached(found, text);
    if (!dep.program) {
      warnings.push(...dep.diagnostics);
      return { kind: "broken", name: path, binding: defaultBinding(path), message: brokenMessage(dep.diagnostics[0]!) };
    }
    const declared = moduleDeclaration(dep.program);
    const binding = declared?.alias ?? declared?.name ?? own?.alias ?? own?.name ?? defaultBinding(path);
    return { kind: "compiled", specifier: specifier(found), key: found, binding };
  };

  const loadFile = (path: string, loc: A.Loc): A.Program | { error: string } | null => {
    const found = firstFile(loadCandidates(path, file, cwd, stdlibDir));
    if (found === null) return null;
    const text = readFileSync(found, "utf8");
    sources.set(found, text);
    // `load` expands the statements in place, and the expansion may change them: parse afresh.
    const loaded = parse(text, found);
    if (!loaded.program) {
      warnings.push(...loaded.diagnostics);
      return { error: brokenMessage(loaded.diagnostics[0]!) };
    }
    return loaded.program;
  };

  const result = compileProgram(parsed.program, {
    file,
    sourcemap: options.sourcemap ?? "inline",
    dts: options.dts ?? false,
    hmr: options.hmr ?? false,
    runtimeSpecifier: options.runtimeSpecifier ?? "graphoid-js/runtime",
    resolveImport,
    loadFile,
  });
  return { ...result, file, sources, watchFiles: [...watch], warnings };
}
