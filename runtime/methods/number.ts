// Number methods (core.md §14). Halves round away from zero everywhere; `round(n)`, `up(n)` and
// `down(n)` scale by 10^n, apply the rounding, and scale back, exactly like the reference (so
// `1.005.round(2)` is 1, because 1.005 * 100 is 100.49999999999999).
import { GrSymbol } from "../values/symbol.js";
import { rtError } from "../values/error.js";
import { formatNumber } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import { roundHalfAwayFromZero } from "../rules/behaviors.js";
import { numberMethods, type MethodTable } from "./table.js";
import { numberArg, toInt } from "./args.js";
import type { Value } from "../values/value.js";

type Rounder = (n: number) => number;

/** The step each `:nearest_*` mode rounds to. */
const NEAREST = new Map([
  ["nearest_ten", 10],
  ["nearest_hundred", 100],
]);

/**
 * round/up/down with an optional argument: none → to an integer; a number n → to n decimal places;
 * `:nearest_ten` / `:nearest_hundred` → to that multiple.
 */
function roundWith(rounder: Rounder): (n: number, args: Value[]) => number {
  return (n, args) => {
    if (args.length === 0) return rounder(n);
    const mode = unwrapFrozen(args[0]!);
    if (mode instanceof GrSymbol) {
      const step = NEAREST.get(mode.name);
      if (step === undefined) throw rtError(`Unknown rounding mode: ${mode.name}`);
      return rounder(n / step) * step;
    }
    const scale = Math.pow(10, toInt(numberArg(mode))); // places are whole, like the reference's integer power
    return rounder(n * scale) / scale;
  };
}

/** `66.to_char()`: ASCII codes only. */
function toChar(n: number): string {
  const code = Math.trunc(n);
  if (!(code >= 0 && code <= 127)) throw rtError(`to_char() requires a character code from 0 to 127, got ${formatNumber(n)}`);
  return String.fromCharCode(code);
}

/** `x.log()` is the natural log; `x.log(b)` is computed as ln(x) / ln(b), like the reference. */
function log(n: number, args: Value[]): number {
  if (args.length === 0) return Math.log(n);
  return Math.log(n) / Math.log(numberArg(args[0]));
}

const methods: MethodTable<number> = {
  abs: (n) => Math.abs(n),
  floor: (n) => Math.floor(n),
  ceil: (n) => Math.ceil(n),
  sqrt: (n) => Math.sqrt(n),
  round: roundWith(roundHalfAwayFromZero),
  up: roundWith(Math.ceil),
  down: roundWith(Math.floor),
  log,
  to_char: (n) => toChar(n),
  to_str: (n) => formatNumber(n),
};

Object.assign(numberMethods, methods);
