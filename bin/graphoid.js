#!/usr/bin/env node
// The `graphoid` command: runs the CLI bundle that `npm install` builds into dist/. (No node:fs
// here: importing it as an ES module costs every start a few milliseconds.)
const cli = new URL("../dist/cli.js", import.meta.url);
try {
  await import(cli.href);
} catch (e) {
  if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes(cli.pathname)) throw e;
  process.stderr.write("graphoid: the CLI is not built; run `npm install` (or `npm run build`) in the graphoid-js folder\n");
  process.exit(2);
}
