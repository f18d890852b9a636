// What every CLI command shares: where the package lives, compiling a program into the cache,
// loading the runtime, and printing diagnostics.
import { pathToFileURL } from "node:url";
import { cacheDir, displayPath, runtimeFile, stdlibDir } from "./paths.js";
import { Project, type ProjectResult } from "../project.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export { packageRoot, runtimeFile, stdlibDir, UsageError, cacheDir, displayPath } from "./paths.js";

export function compileProgramFiles(entry: string, options: { spec?: boolean; outDir?: string; sourcemap?: "inline" | "external" | "none"; runtimeSpecifier?: string } = {}): ProjectResult {
  const project = new Project({
    outDir: options.outDir ?? cacheDir(),
    runtimeSpecifier: options.runtimeSpecifier ?? pathToFileURL(runtimeFile).href,
    stdlibDir,
    cwd: process.cwd(),
    sourcemap: options.sourcemap ?? "inline",
    spec: options.spec ?? false,
  });
  return project.build(entry);
}

/** Prints diagnostics with code frames; returns whether any was an error. */
export function reportDiagnostics(diagnostics: Diagnostic[], sources: Map<string, string>, write: (text: string) => void): boolean {
  let errors = false;
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  for (const d of diagnostics) {
    if (d.severity === "error") errors = true;
    write(formatDiagnostic({ ...d, file: displayPath(d.file) }, sources.get(d.file) ?? null, { color }) + "\n");
  }
  return errors;
}
