// The compiler's one entry point: `compile(source, options)` runs the passes in order —
// parse → analyze → lower (IR) → generate (ESM + source map, optional .d.ts) — and returns the
// code with every diagnostic. The CLI, the esbuild plugin and the Node loader all call it.
import { parse } from "./parse/parse.js";
import { analyze } from "./analyze/scopes.js";
import { resolveLoads, type LoadFile } from "./analyze/loads.js";
import { lower } from "./lower/lower.js";
import type { LowerOptions, ResolvedImport } from "./lower/context.js";
import { JsPrinter } from "./generate/js.js";
import { generateDts } from "./generate/dts.js";
import { CompileError, diagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { Loc, Program } from "./parse/ast.js";

export type SourceMapMode = "none" | "inline" | "external";

export interface CompileOptions {
  /** Path of the `.gr` file, used in diagnostics, the source map and module metadata. */
  file: string;
  sourcemap?: SourceMapMode;
  /** Also produce a `.d.ts` for the compiled module. */
  dts?: boolean;
  /** Emit hot-reload support. */
  hmr?: boolean;
  /** Where compiled code imports the runtime from. */
  runtimeSpecifier?: string;
  /** Resolves `import "path"` at compile time (see compiler/project.ts for the file-system resolver). */
  resolveImport?: LowerOptions["resolveImport"];
  /** Reads another file for `load`. */
  loadFile?: LoadFile;
  /** The file is a spec run by `graphoid spec` (gspec names predefined). */
  spec?: boolean;
  /** Name the generated file will have, for the `sourceMappingURL` comment of external maps. */
  outFile?: string;
}

export interface CompileResult {
  /** The ES module, or null when there were errors. */
  code: string | null;
  /** The source map (JSON text), when requested. */
  map: string | null;
  dts: string | null;
  diagnostics: Diagnostic[];
  /** The module has a `load` with a computed path: running it needs the compiler (the CLI's). */
  needsCompiler?: boolean;
}

const NATIVE_ONLY: LowerOptions["resolveImport"] = (path) => ({ kind: "native", name: path, binding: path });

export function compile(source: string, options: CompileOptions): CompileResult {
  const parsed = parse(source, options.file);
  if (!parsed.program) return { code: null, map: null, dts: null, diagnostics: parsed.diagnostics };
  return compileProgram(parsed.program, options);
}

/** The passes after parsing, for callers that already hold the AST (compiler/project.ts). */
export function compileProgram(program: Program, options: CompileOptions): CompileResult {
  const file = options.file;
  try {
    if (options.loadFile) resolveLoads(program, options.loadFile);
    // Analysis and lowering must agree on what each import binds: resolve every path once.
    const resolved = new Map<string, ResolvedImport>();
    const baseResolve = options.resolveImport ?? NATIVE_ONLY;
    const resolveImport: LowerOptions["resolveImport"] = (path, loc) => {
      let r = resolved.get(path);
      if (r === undefined) resolved.set(path, (r = baseResolve(path, loc)));
      return r;
    };
    const analysis = analyze(program, (path, loc) => resolveImport(path, loc).binding);
    const mode = options.sourcemap ?? "inline";
    const printer = new JsPrinter({ sourceName: file, runtimeName: "$rt", sourceMap: mode !== "none" });
    // Each top-level statement is printed as soon as it is lowered (LowerOptions.settle).
    const ir = lower(program, analysis, {
      file,
      runtimeSpecifier: options.runtimeSpecifier ?? "graphoid-js/runtime",
      resolveImport,
      hmr: options.hmr ?? false,
      spec: options.spec ?? false,
      settle: (statements, depth) => printer.printNow(statements, depth),
    });
    const { code, map: mapJson } = printer.module(ir, options.outFile ?? file + ".mjs");
    let out = code;
    if (mode === "inline") {
      out += `\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${base64(mapJson!)}\n`;
    } else if (mode === "external") {
      const name = (options.outFile ?? file + ".mjs").split(/[\\/]/).pop();
      out += `\n//# sourceMappingURL=${name}.map\n`;
    }
    return {
      code: out,
      map: mapJson,
      dts: options.dts ? generateDts(program) : null,
      diagnostics: [],
      needsCompiler: ir.needsCompiler === true,
    };
  } catch (err) {
    if (err instanceof CompileError) return { code: null, map: null, dts: null, diagnostics: [err.diagnostic] };
    const message = err instanceof Error ? err.message : String(err);
    const at = { line: 1, column: 1, offset: 0 };
    return {
      code: null,
      map: null,
      dts: null,
      diagnostics: [diagnostic("InternalError", `internal compiler error: ${message}`, file, { start: at, end: at })],
    };
  }
}

function base64(text: string): string {
  return typeof Buffer !== "undefined" ? Buffer.from(text, "utf8").toString("base64") : btoa(unescape(encodeURIComponent(text)));
}

export type { Diagnostic, ResolvedImport };
export { formatDiagnostic } from "./diagnostics/format.js";

/**
 * Compiles a file for `load <computed path>` (core.md §8.4): the result is the body of
 * `function ($rt, $m, $env)`, whose top-level names are the loading scope's variables.
 */
export function compileDynamicLoad(source: string, file: string): CompileResult {
  const parsed = parse(source, file);
  if (!parsed.program) return { code: null, map: null, dts: null, diagnostics: parsed.diagnostics };
  try {
    const analysis = analyze(parsed.program);
    const ir = lower(parsed.program, analysis, {
      file,
      runtimeSpecifier: "",
      resolveImport: NATIVE_ONLY,
      hmr: false,
      spec: false,
      dynamicScope: true,
    });
    const printer = new JsPrinter({ sourceName: file, runtimeName: "$rt", sourceMap: false });
    return { code: printer.module(ir, file).code, map: null, dts: null, diagnostics: [] };
  } catch (err) {
    if (err instanceof CompileError) return { code: null, map: null, dts: null, diagnostics: [err.diagnostic] };
    throw err;
  }
}
export { CATALOGUE } from "./diagnostics/catalogue.js";
export { diagnosticsMarkdown } from "./diagnostics/doc.js";
