// `graphoid build FILE.gr -o OUT.mjs`: one self-contained ES module (the program, its modules, the
// runtime and the standard library it uses), bundled by esbuild for Node or the browser, with a
// source map that points at the `.gr` files. It is the esbuild plugin (compiler/integrations/
// esbuild.ts) with a `.gr` entry point, so the CLI and the plugin build the same bundle;
// `--dts` also writes the bundle's declarations (compiler/generate/dts.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { displayPath, reportDiagnostics } from "./common.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface BuildOptions {
  file: string;
  out: string;
  sourcemap: "inline" | "external" | "none";
  target: "node" | "browser";
  /** Also write OUT's declarations (OUT.d.mts for OUT.mjs). */
  dts?: boolean;
}

export async function buildProgram(options: BuildOptions): Promise<number> {
  const esbuild = await import("esbuild");
  const { graphoidPlugin } = await import("../integrations/esbuild.js");
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const out = resolve(options.out);
  try {
    await esbuild.build({
      entryPoints: [resolve(options.file)],
      outfile: out,
      bundle: true,
      format: "esm",
      platform: options.target === "browser" ? "browser" : "node",
      target: options.target === "browser" ? "es2022" : "node20",
      sourcemap: options.sourcemap === "none" ? false : options.sourcemap === "inline" ? "inline" : "linked",
      logLevel: "silent",
      legalComments: "none",
      plugins: [
        graphoidPlugin({
          onCompile: (result) => {
            diagnostics.push(...result.diagnostics);
            for (const [file, text] of result.sources) sources.set(file, text);
          },
        }),
      ],
    });
  } catch (err) {
    if (reportDiagnostics(diagnostics, sources, (t) => process.stderr.write(t))) return 1;
    const errors = (err as { errors?: import("esbuild").Message[] }).errors;
    if (!errors) throw err;
    for (const text of await esbuild.formatMessages(errors, { kind: "error", color: false })) process.stderr.write(text);
    return 1;
  }
  if (reportDiagnostics(diagnostics, sources, (t) => process.stderr.write(t))) return 1;
  process.stdout.write(`wrote ${displayPath(out)}\n`);
  if (options.dts) {
    const { parse } = await import("../parse/parse.js");
    const { generateBundleDts } = await import("../generate/dts.js");
    const file = resolve(options.file);
    const program = parse(readFileSync(file, "utf8"), file).program!;
    const dtsFile = declarationFile(out);
    writeFileSync(dtsFile, generateBundleDts(program, options.target));
    process.stdout.write(`wrote ${displayPath(dtsFile)}\n`);
  }
  return 0;
}

/** Where TypeScript looks for the declarations of `file`: a.mjs → a.d.mts, a.js → a.d.ts. */
export function declarationFile(file: string): string {
  const ext = extname(file);
  const base = file.slice(0, file.length - ext.length);
  if (ext === ".mjs") return base + ".d.mts";
  if (ext === ".cjs") return base + ".d.cts";
  if (ext === ".js" || ext === "") return base + ".d.ts";
  return `${base}.d${ext}.ts`;
}
