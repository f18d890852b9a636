// `import "stdlib_native"`: the native helpers behind the Graphoid-written stdlib modules
// (stdlib/regex.gr, json.gr, io.gr). Those modules stay ordinary `.gr` files, so a program's own
// `regex.gr` or `io.gr` is still found first (core.md §8.2), while the work that must touch the
// host or would be needlessly slow in Graphoid runs here.
import { GrList } from "../values/list.js";
import { rtError } from "../values/error.js";
import { display } from "../values/format.js";
import { fileSystem, functions, osErrorText, registerNativeModule, stringParam } from "./native.js";
import { regexFind, regexFindAll, regexMatches, regexReplace } from "./regex.js";
import { jsonParse, jsonToString } from "./json.js";
import type { Value } from "../values/value.js";

function text(v: Value | undefined): string {
  return v === undefined ? "none" : display(v);
}

function writeText(path: string, content: string, append: boolean): boolean {
  const fs = fileSystem(append ? "io.append_file" : "io.write_file");
  try {
    fs.writeFile(path, content, append);
  } catch (e) {
    throw rtError(`Failed to open file '${path}' for ${append ? "appending" : "writing"}: ${osErrorText(e)}`);
  }
  return true;
}

registerNativeModule("stdlib_native", "stdlib_native", () =>
  functions({
    regex_matches: (args) => regexMatches(stringParam("regex.matches", args[0], "pattern (string)"), stringParam("regex.matches", args[1])),
    regex_find: (args) => regexFind(stringParam("regex.find", args[0], "pattern (string)"), stringParam("regex.find", args[1])),
    regex_find_all: (args) =>
      new GrList(regexFindAll(stringParam("regex.find_all", args[0], "pattern (string)"), stringParam("regex.find_all", args[1]))),
    regex_replace: (args) =>
      regexReplace(stringParam("regex.replace", args[0], "pattern (string)"), stringParam("regex.replace", args[1]), text(args[2])),
    json_parse: (args) => jsonParse(stringParam("json.parse", args[0])),
    json_to_string: (args) => jsonToString(args[0] ?? null),
    read_file: (args) => {
      const path = stringParam("io.read_file", args[0], "path (string)");
      const fs = fileSystem("io.read_file");
      try {
        return fs.readFile(path);
      } catch (e) {
        throw rtError(`Failed to open file '${path}' for reading: ${osErrorText(e)}`);
      }
    },
    write_file: (args) => writeText(stringParam("io.write_file", args[0], "path (string)"), text(args[1]), false),
    append_file: (args) => writeText(stringParam("io.append_file", args[0], "path (string)"), text(args[1]), true),
  }),
);
