// The error for a method a receiver does not have, worded per type as the reference words it
// (core.md §7.7, §13, §14; collections.md §2.4, §3.3). The dispatcher raises it after the
// universal table, the type's table (and, for hashes, the key fallback) all miss.
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { GrErrorValue, rtError, type GraphoidError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import { GrGraph } from "../graph/graph.js";
import type { Value } from "../values/value.js";

export function unknownMethodError(recv: Value, name: string): GraphoidError {
  const v = unwrapFrozen(recv);
  if (typeof v === "number") return rtError(`Unknown number method: ${name}`);
  if (typeof v === "string") return rtError(`String does not have method '${name}'`);
  if (v instanceof GrList) return rtError(`List does not have method '${name}'`);
  if (v instanceof GrMap) return rtError(`Map does not have method '${name}'`);
  if (v instanceof GrGraph) return rtError(`Graph does not have method '${name}'`);
  if (v instanceof GrErrorValue) return rtError(`Error does not have method '${name}'`);
  // bool, none, symbols and the rest (core.md §7.7: `Cannot call method 'foo' on type 'bool'`).
  return rtError(`Cannot call method '${name}' on type '${typeName(v)}'`);
}
