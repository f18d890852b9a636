// The union of every value a Graphoid program can hold. Scalars are plain JS values:
// num = number, string = string, bool = boolean, none = null.
import type { GrSymbol } from "./symbol.js";
import type { GrList } from "./list.js";
import type { GrMap } from "./map.js";
import type { GrFunction } from "./function.js";
import type { GrErrorValue } from "./error.js";

export type Value = number | string | boolean | null | GrSymbol | GrList | GrMap | GrFunction | GrErrorValue | GrObject;

/**
 * Every other runtime object (graphs, modules, times, channels, actors, pattern objects …)
 * implements this small interface so printing, typing and truthiness can dispatch on it
 * without knowing every class.
 */
export interface GrObject {
  /** `x.type()` */
  grType(): string;
  /** print form */
  grDisplay(): string;
  /** truthiness */
  grTruthy(): boolean;
}
