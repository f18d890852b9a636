// `graphoid check FILE.gr`: compile without running; report every diagnostic.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { compileProgramFiles, reportDiagnostics } from "./common.js";

export function checkProgram(file: string): number {
  const outDir = mkdtempSync(join(tmpdir(), "graphoid-check-"));
  try {
    const built = compileProgramFiles(file, { outDir, sourcemap: "none" });
    const errors = reportDiagnostics([...built.diagnostics, ...built.missing], built.sources, (t) => process.stderr.write(t));
    if (errors || !built.entry) return 1;
    process.stdout.write(`${file}: ok (${built.files.size} module${built.files.size === 1 ? "" : "s"})\n`);
    return 0;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
