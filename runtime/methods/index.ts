// Registers the built-in method tables of values (universal, numbers, strings, lists, hashes).
// Symbols have only the universal methods, so `symbolMethods` stays empty; an unknown method on
// any value fails as `unknownMethodError` words it. Importing this module fills table.ts.
import "./universal.js";
import "./number.js";
import "./string.js";
import "./list.js";
import "./map.js";

export { unknownMethodError } from "./unknown.js";
export { indexString } from "./string.js";
export { indexList, listAppendInPlace, listSetIndexInPlace, listPopInPlace } from "./list.js";
export { indexMap, mapGetProperty, mapMethodFallback, mapSetInPlace } from "./map.js";
