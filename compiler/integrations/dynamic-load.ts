// `load <computed path>` outside the CLI (core.md §8.4): the file is compiled when the statement
// runs, so the host needs the compiler. The Node loader imports this module only from compiled
// modules that have such a `load`, so other programs never load the compiler in the main thread.
import * as rt from "../../runtime/index.js";
import { dynamicLoader } from "../dynamic-load.js";
import { packageFiles } from "./paths.js";

/** Installs the host hook that compiles `load`ed files. */
export function installDynamicLoad(): void {
  rt.installHost({ compileLoad: dynamicLoader(rt, packageFiles.stdlib) });
}

installDynamicLoad();
