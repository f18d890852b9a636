#!/usr/bin/env node
// The `graphoid` command: runs the CLI bundle that `npm install` builds into dist/.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
if (!existsSync(cli)) {
  process.stderr.write("graphoid: the CLI is not built; run `npm install` (or `npm run build`) in the graphoid-js folder\n");
  process.exit(2);
}
await import(pathToFileURL(cli).href);
