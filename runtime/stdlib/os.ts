// `import "os"` (runtime.md §4.13): process and platform facts, all read through the host so a
// browser build answers with its stand-ins instead of touching `process`.
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { host } from "../host.js";
import { nowMillis } from "./time.js";
import { expectArgs, functions, registerNativeModule, stringParam } from "./native.js";
import { display } from "../values/format.js";
import type { Value } from "../values/value.js";

registerNativeModule("os", "os", () =>
  functions({
    system_timestamp: () => nowMillis() / 1000,
    env: (args) => {
      expectArgs("env", args, 1, "variable name");
      return host.env(stringParam("env", args[0], "variable name (string)"));
    },
    env_all: () => new GrMap(new Map<string, Value>(Object.entries(host.envAll()))),
    getcwd: () => host.cwd(),
    platform: () => host.platform(),
    arch: () => host.arch(),
    args: () => new GrList(host.args()),
    // Prints the prompt without a newline and blocks for one line; end of input reads as "".
    input: (args) => host.readLine(args.length > 0 ? display(args[0]!) : "") ?? "",
  }),
);
