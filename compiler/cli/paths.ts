// Where the package and its caches live. No compiler code: the CLI's fast path imports this.
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpdir, userInfo } from "node:os";
import { contentHash } from "./hash.js";

/** The package root: the CLI's files live in <root>/dist. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const runtimeFile = join(packageRoot, "dist", "runtime.js");
export const stdlibDir = join(packageRoot, "stdlib");

export class UsageError extends Error {
  override name = "UsageError";
}

let cacheDirectory: string | null = null;

/**
 * Compiled modules and manifests, per user and per installation (compiled modules import this
 * installation's runtime by absolute path, so two checkouts must not share them).
 */
export function cacheDir(): string {
  // Asked for several times on `graphoid run`'s start-up path; the answer cannot change.
  if (cacheDirectory !== null) return cacheDirectory;
  let user = "user";
  try {
    user = userInfo().username;
  } catch {
    // no user database: one shared directory
  }
  const installation = contentHash(packageRoot).slice(0, 10);
  cacheDirectory = join(tmpdir(), `graphoid-js-${user}`, installation);
  return cacheDirectory;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
