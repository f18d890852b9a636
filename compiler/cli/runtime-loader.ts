// The runtime of `graphoid run` and `graphoid spec`, loaded with a V8 code cache. Compiling the
// runtime's ~250 KB of JavaScript was the largest part of a small program's start-up after node's
// own, and Node 20 keeps no code cache for ES modules. So the CLI runs the same runtime built as a
// script (dist/runtime.cjs) through `vm.Script` with cached data kept beside the compile cache,
// and the modules it compiles import the runtime from dist/runtime-cli.js, which re-exports that
// one instance. Bundles and the integrations import dist/runtime.js as before.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { BUILD_ID } from "./build-id.js";
import { cacheDir, packageRoot } from "./paths.js";
import type * as Runtime from "../../runtime/index.js";

export const runtimeScriptFile = join(packageRoot, "dist", "runtime.cjs");
/** What compiled modules of the CLI import the runtime from. */
export const cliRuntimeSpecifier = pathToFileURL(join(packageRoot, "dist", "runtime-cli.js")).href;
/** Where dist/runtime-cli.js finds the instance (scripts/build.mjs writes it). */
const INSTANCE = Symbol.for("graphoid-js.cli-runtime");

export function loadRuntime(): typeof Runtime {
  const global = globalThis as { [INSTANCE]?: typeof Runtime };
  const loaded = global[INSTANCE];
  if (loaded) return loaded;
  const cacheFile = join(cacheDir(), `runtime-${BUILD_ID}-${process.versions.v8}.code`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this build: made below
  }
  const source = readFileSync(runtimeScriptFile, "utf8");
  const script = new Script(`(function (exports, module) {${source}\n})`, { filename: runtimeScriptFile, cachedData });
  const module = { exports: {} as typeof Runtime };
  (script.runInThisContext() as (e: unknown, m: unknown) => void)(module.exports, module);
  global[INSTANCE] = module.exports;
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made at exit, so that it also holds the functions this run compiled.
    process.once("exit", () => writeCodeCache(cacheFile, script));
  }
  return module.exports;
}

function writeCodeCache(file: string, script: Script): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, file);
  } catch {
    // a cache that cannot be written only costs speed
  }
}
