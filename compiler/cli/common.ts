// What every CLI command shares: where the package lives, compiling a program into the cache,
// loading the runtime, and printing diagnostics.
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tmpdir, userInfo } from "node:os";
import { Project, type ProjectResult } from "../project.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** The package root: dist/cli.js lives in <root>/dist. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const runtimeFile = join(packageRoot, "dist", "runtime.js");
export const stdlibDir = join(packageRoot, "stdlib");

export class UsageError extends Error {}

export function cacheDir(): string {
  let user = "user";
  try {
    user = userInfo().username;
  } catch {
    // no user database: one shared directory
  }
  return join(tmpdir(), `graphoid-js-${user}`);
}

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

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
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
