// Where the package's built files are, found from this file's location (in dist/ once built, in
// compiler/integrations/ when run from source). No compiler code: the main-thread parts of the
// integrations import this without loading the compiler.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the nearest folder above this file whose package.json names graphoid-js. */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "graphoid-js") return dir;
      } catch {
        // not ours: keep looking
      }
    }
    if (dirname(dir) === dir) throw new Error(`graphoid-js: cannot find the package root above ${start}`);
  }
}

/** Built files of the package that integrations point compiled code at. */
export const packageFiles = {
  runtime: join(packageRoot, "dist", "runtime.js"),
  hostNode: join(packageRoot, "dist", "host-node.js"),
  run: join(packageRoot, "dist", "run.js"),
  node: join(packageRoot, "dist", "node.js"),
  dynamicLoad: join(packageRoot, "dist", "dynamic-load.js"),
  loader: join(packageRoot, "dist", "loader.js"),
  stdlib: join(packageRoot, "stdlib"),
};

