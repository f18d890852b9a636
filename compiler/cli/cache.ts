// The compile cache of `graphoid run`: a manifest per (entry file, compiler build, mode) records
// the content hash of every source the program was compiled from and of every module written. When
// all still match, the program runs from the cached modules without loading the compiler at all.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, runtimeFile } from "./paths.js";
import { BUILD_ID } from "./build-id.js";
import { contentHash } from "./hash.js";

interface Manifest {
  build: string;
  entrySource: string;
  entryOutput: string;
  /** path → hash of the content, for every source read and every module written. */
  files: Record<string, string>;
  /** Paths looked for and not found while resolving imports: they must still not exist. */
  absent: string[];
  needsCompiler: boolean;
}


/**
 * Compiled modules import this installation's runtime by absolute URL, so the key includes where
 * the runtime is: two checkouts with the same sources must not share compiled modules.
 */
function manifestPath(entry: string, mode: string): string {
  return join(cacheDir(), `manifest-${contentHash(`${entry}\0${mode}\0${BUILD_ID}\0${runtimeFile}`)}.json`);
}

export interface CachedProgram {
  source: string;
  output: string;
  /** A computed-path `load` compiles files while it runs. */
  needsCompiler: boolean;
}

/** The compiled program for `entry`, if every file it came from is unchanged. */
export function lookup(entry: string, mode: string): CachedProgram | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(entry, mode), "utf8")) as Manifest;
  } catch {
    return null;
  }
  if (manifest.build !== BUILD_ID) return null;
  if (manifest.absent.some((p) => existsSync(p))) return null;
  for (const [file, hash] of Object.entries(manifest.files)) {
    try {
      if (contentHash(readFileSync(file)) !== hash) return null;
    } catch {
      return null;
    }
  }
  return { source: manifest.entrySource, output: manifest.entryOutput, needsCompiler: manifest.needsCompiler };
}

/** Records a successful compile: `sources` (text by path) and the modules written. */
export function store(entry: string, mode: string, program: CachedProgram, sources: Map<string, string>, outputs: string[], absent: string[]): void {
  const files: Record<string, string> = {};
  for (const [path, text] of sources) files[path] = contentHash(text);
  try {
    for (const out of outputs) files[out] = contentHash(readFileSync(out));
    const manifest: Manifest = {
      build: BUILD_ID,
      entrySource: program.source,
      entryOutput: program.output,
      files,
      absent,
      needsCompiler: program.needsCompiler,
    };
    const path = manifestPath(entry, mode);
    mkdirSync(cacheDir(), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(manifest));
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written only costs the next run a compile.
  }
}
