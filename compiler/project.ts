// Compiling a program: the entry file and every module it imports, resolved on the file system as
// core.md §8.2 says, each compiled to its own ES module in an output directory. Used by the CLI
// (`run`, `build`, `check`, `test`, `spec`).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from "node:fs";
import { dirname, join, resolve, basename, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type * as A from "./parse/ast.js";
import { parse } from "./parse/parse.js";
import { compileProgram, type SourceMapMode } from "./index.js";
import { diagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { ResolvedImport } from "./lower/context.js";

/** Modules the runtime provides itself (runtime/stdlib), by import name → default binding. */
export const NATIVE_MODULES: Record<string, string> = {
  constants: "const",
  random: "rand",
  os: "os",
  fs: "fs",
  health: "health",
  // Native helpers behind the Graphoid-written stdlib modules (runtime/stdlib/support.ts).
  stdlib_native: "stdlib_native",
};

/** Modules of the reference's library that graphoid-js does not provide (a clear error at import). */
export const UNAVAILABLE_MODULES = new Set(["crypto", "net", "http", "html", "html_parser", "sql", "tls", "asn1", "x509", "ffi"]);

export interface ProjectOptions {
  /** Where compiled modules are written. */
  outDir: string;
  /** Specifier compiled modules import the runtime from. */
  runtimeSpecifier: string;
  /** The standard library's `.gr` directory. */
  stdlibDir: string;
  /** Working directory for `src/`, `lib/` and `load` lookups. */
  cwd: string;
  sourcemap: SourceMapMode;
  /** Spec mode for the entry (gspec globals). */
  spec?: boolean;
}

export interface CompiledFile {
  source: string;
  output: string;
  program: A.Program;
  /** `module Name alias Short` of the file, if any. */
  declared: { name: string; alias: string | null } | null;
}

export interface ProjectResult {
  entry: CompiledFile | null;
  files: Map<string, CompiledFile>;
  diagnostics: Diagnostic[];
  /** Source text of every file read, for code frames. */
  sources: Map<string, string>;
  /** Imports that resolve to nothing: a run fails there, `graphoid check` reports them. */
  missing: Diagnostic[];
  /** Paths looked for and not found: if one appears, the program must be compiled again. */
  absent: string[];
  /** A module loads a computed path: running needs the compiler. */
  needsCompiler: boolean;
}

export class Project {
  private readonly files = new Map<string, CompiledFile>();
  private readonly inProgress = new Set<string>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly missing: Diagnostic[] = [];
  /** Paths looked for and not found while resolving. */
  private readonly absent = new Set<string>();
  /** Some module has a `load` with a computed path, so running it needs the compiler. */
  private needsCompiler = false;
  readonly sources = new Map<string, string>();
  /** Source text of files that exist only in memory (a generated entry). */
  private readonly inMemory = new Map<string, string>();

  constructor(private readonly options: ProjectOptions) {}

  /** `text`, when given, is the entry's source: the file need not exist (`graphoid spec`'s driver). */
  build(entry: string, text?: string): ProjectResult {
    const file = resolve(this.options.cwd, entry);
    if (text !== undefined) this.inMemory.set(file, text);
    const compiled = this.compileFile(file, null, true);
    return {
      entry: compiled,
      files: this.files,
      diagnostics: this.diagnostics,
      sources: this.sources,
      missing: this.missing,
      absent: [...this.absent],
      needsCompiler: this.needsCompiler,
    };
  }

  private read(file: string, loc: A.Loc | null, from: string | null): string | null {
    try {
      const text = this.inMemory.get(file) ?? readFileSync(file, "utf8");
      this.sources.set(file, text);
      return text;
    } catch (e) {
      const at = loc ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
      this.diagnostics.push(diagnostic("IoError", `cannot read ${file}: ${(e as Error).message}`, from ?? file, at));
      return null;
    }
  }

  /**
   * Errors in the entry file stop compilation. A module or loaded file that does not parse is a
   * run-time error where it is imported or loaded (core.md §7.7), after the output before it:
   * `deferred` keeps its message for that, and `graphoid check` still reports it.
   */
  private readonly deferred = new Map<string, string>();

  private parseFile(file: string, loc: A.Loc | null, from: string | null, defer = false): A.Program | null {
    const text = this.read(file, loc, from);
    if (text === null) return null;
    const parsed = parse(text, file);
    if (defer && parsed.diagnostics.length > 0) {
      const d = parsed.diagnostics[0]!;
      this.deferred.set(file, `${relative(this.options.cwd, d.file) || d.file}:${d.loc.start.line}:${d.loc.start.column}: ${d.message}`);
      this.missing.push(...parsed.diagnostics);
      return null;
    }
    this.diagnostics.push(...parsed.diagnostics);
    return parsed.program;
  }

  private compileFile(file: string, importer: CompiledFile | null, isEntry: boolean): CompiledFile | null {
    const done = this.files.get(file);
    if (done) return done;
    const program = this.parseFile(file, null, importer?.source ?? null, !isEntry);
    if (!program) return null;
    const declared = moduleDeclaration(program);
    const output = join(this.options.outDir, `${basename(file).replace(/\.gr$/, "")}-${hash(file).slice(0, 12)}.mjs`);
    const record: CompiledFile = { source: file, output, program, declared };
    this.files.set(file, record);
    this.inProgress.add(file);

    const result = compileProgram(program, {
      file,
      sourcemap: this.options.sourcemap,
      runtimeSpecifier: this.options.runtimeSpecifier,
      spec: isEntry && this.options.spec,
      outFile: output,
      resolveImport: (path, loc) => this.resolveImport(path, loc, record),
      loadFile: (path, loc) => this.loadFile(path, loc, file),
    });
    this.inProgress.delete(file);
    this.diagnostics.push(...result.diagnostics);
    if (result.code === null) return null;
    if (result.needsCompiler) this.needsCompiler = true;
    writeAtomically(output, result.code);
    if (result.map !== null && this.options.sourcemap === "external") writeAtomically(output + ".map", result.map);
    return record;
  }

  /**
   * The first existing file of `paths`. The ones looked at before it are remembered: if one of
   * them appears later, the program resolves differently (the compile cache checks them).
   */
  private firstFile(paths: string[]): string | null {
    for (const p of paths) {
      try {
        if (existsSync(p) && statSync(p).isFile()) return p;
      } catch {
        // unreadable: keep looking
      }
      this.absent.add(p);
    }
    return null;
  }

  /** Where `import "path"` leads from `importer` (core.md §8.2). */
  private resolveImport(path: string, loc: A.Loc, importer: CompiledFile): ResolvedImport {
    if (NATIVE_MODULES[path] !== undefined) return { kind: "native", name: path, binding: NATIVE_MODULES[path]! };
    const file = this.findModuleFile(path, importer.source);
    if (file === null) {
      if (UNAVAILABLE_MODULES.has(path)) {
        this.missing.push(diagnostic("ModuleUnavailable", `module '${path}' is not available in graphoid-js`, importer.source, loc));
        return { kind: "unavailable", name: path, binding: path };
      }
      this.missing.push(diagnostic("ModuleNotFound", `module '${path}' not found`, importer.source, loc));
      return { kind: "missing", name: path, binding: defaultBinding(path) };
    }
    const dep = this.compileFile(file, importer, false);
    const broken = this.deferred.get(file);
    if (broken !== undefined) return { kind: "broken", name: path, binding: defaultBinding(path), message: broken };
    const declared = dep?.declared ?? null;
    const inherited = importer.declared;
    const binding = declared?.alias ?? declared?.name ?? inherited?.alias ?? inherited?.name ?? defaultBinding(path);
    return { kind: "compiled", specifier: pathToFileURL(dep?.output ?? file).href, key: file, binding };
  }

  private findModuleFile(path: string, fromFile: string): string | null {
    return this.firstFile(moduleCandidates(path, fromFile, this.options.cwd, this.options.stdlibDir));
  }

  /** `load "file.gr"`: relative to the working directory first, then like an import (core.md §8.4). */
  private loadFile(path: string, loc: A.Loc, fromFile: string): A.Program | { error: string } | null {
    const file = this.firstFile(loadCandidates(path, fromFile, this.options.cwd, this.options.stdlibDir));
    if (file === null) return null;
    const program = this.parseFile(file, loc, fromFile, true);
    const broken = this.deferred.get(file);
    return program ?? (broken !== undefined ? { error: broken } : null);
  }
}

/** The files `import "path"` in `fromFile` may mean, in the order they are tried (core.md §8.2). */
export function moduleCandidates(path: string, fromFile: string, cwd: string, stdlibDir: string): string[] {
  const dir = dirname(fromFile);
  const candidates = (base: string) => [base, base + ".gr"];
  if (path.startsWith("./") || path.startsWith("../")) return candidates(resolve(dir, path));
  return [
    ...candidates(resolve(dir, path)),
    ...candidates(resolve(cwd, "src", path)),
    ...candidates(resolve(cwd, "lib", path)),
    ...candidates(resolve(stdlibDir, path)),
  ];
}

/** The files `load "path"` in `fromFile` may mean, in order (core.md §8.4). */
export function loadCandidates(path: string, fromFile: string, cwd: string, stdlibDir: string): string[] {
  // The working directory first, then like an import (core.md §8.4).
  return [resolve(cwd, path), ...moduleCandidates(path, fromFile, cwd, stdlibDir)];
}

export function moduleDeclaration(program: A.Program): CompiledFile["declared"] {
  for (const s of program.body) if (s.type === "ModuleDecl") return { name: s.name, alias: s.alias };
  return null;
}

export function defaultBinding(path: string): string {
  const base = path.split("/").pop() ?? path;
  return base.endsWith(".gr") ? base.slice(0, -3) : base;
}



function hash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
