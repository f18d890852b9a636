// `node --import graphoid-js/register app.gr` (Node ≥ 20.6): registers the `.gr` loader hooks
// (node-loader.ts, run off the main thread by Node) and installs the Node host in this thread, with
// source maps on so runtime errors report `.gr` positions. Then `.gr` files can be run directly
// and imported from JavaScript (see `graphoid-js/run`).
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import { installNodeHost } from "./node-host.js";
import { packageFiles } from "./paths.js";

register(pathToFileURL(packageFiles.loader).href);
// The hooks hand Node compiled JavaScript under the `.gr` URL, so only Node's own source-map
// support can map those stack lines (the runtime takes `.gr` lines as already mapped).
process.setSourceMapsEnabled(true);
installNodeHost();
