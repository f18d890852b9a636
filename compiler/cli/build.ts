// `graphoid build FILE.gr -o OUT.mjs`: one self-contained ES module (the program, its modules, the
// runtime and the standard library it uses), bundled by esbuild for Node or the browser, with a
// source map that points at the `.gr` files.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { compileProgramFiles, displayPath, packageRoot, reportDiagnostics, runtimeFile } from "./common.js";

export interface BuildOptions {
  file: string;
  out: string;
  sourcemap: "inline" | "external" | "none";
  target: "node" | "browser";
}

export async function buildProgram(options: BuildOptions): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), "graphoid-build-"));
  try {
    const built = compileProgramFiles(options.file, { outDir: workDir, sourcemap: "inline", runtimeSpecifier: runtimeFile });
    if (reportDiagnostics(built.diagnostics, built.sources, (t) => process.stderr.write(t)) || !built.entry) return 1;
    const entry = join(workDir, "entry.mjs");
    writeFileSync(entry, entrySource(options.target, built.entry.output, built.entry.source));
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: [entry],
      outfile: resolve(options.out),
      bundle: true,
      format: "esm",
      platform: options.target === "browser" ? "browser" : "node",
      target: options.target === "browser" ? "es2022" : "node20",
      sourcemap: options.sourcemap === "none" ? false : options.sourcemap === "inline" ? "inline" : "external",
      logLevel: "error",
      legalComments: "none",
    });
    process.stdout.write(`wrote ${displayPath(resolve(options.out))}\n`);
    return 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The bundle's entry: install the host, run the main module, report an uncaught error. */
function entrySource(target: "node" | "browser", mainModule: string, sourceFile: string): string {
  const rt = JSON.stringify(runtimeFile);
  const main = JSON.stringify(mainModule);
  const file = JSON.stringify(sourceFile);
  if (target === "browser") {
    return [
      `import * as rt from ${rt};`,
      `import * as main from ${main};`,
      `const outcome = rt.runMain(main, ${file});`,
      `if (outcome.error) console.error(rt.formatUncaught(outcome));`,
      `export const status = outcome.status;`,
      "",
    ].join("\n");
  }
  const hostNode = JSON.stringify(join(packageRoot, "dist", "host-node.js"));
  return [
    `import * as rt from ${rt};`,
    `import { createNodeHost } from ${hostNode};`,
    `import * as main from ${main};`,
    `process.setSourceMapsEnabled?.(true);`,
    `const node = createNodeHost(process.argv.slice(1));`,
    `rt.installHost(node.host);`,
    `if (process.env.GRAPHOID_DETERMINISTIC) rt.configure([[":deterministic", null]]);`,
    `const outcome = rt.runMain(main, ${file});`,
    `node.stdout.flush();`,
    `if (outcome.error) node.stderr.write(rt.formatUncaught(outcome) + "\\n");`,
    `node.stderr.flush();`,
    `process.exit(outcome.status);`,
    "",
  ].join("\n");
}
