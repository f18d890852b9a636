// The dynamic `configure` settings in force (core.md §9.1). Settings are dynamic, not lexical:
// compiled code pushes and pops them around scoped bodies, and slow paths consult them.
import type { GrErrorValue } from "./values/error.js";

export type ErrorMode = "strict" | "lenient" | "collect";

export interface Settings {
  errorMode: ErrorMode;
  /** `:integer` (also implied by `:32bit`): stored numbers are truncated toward zero. */
  integer: boolean;
  /** `:unsigned`: `>>` is a logical shift of the 64-bit pattern. */
  unsigned: boolean;
  /** `:32bit`: integer results are masked to 32 bits. */
  bits32: boolean;
  /** `:deterministic`: virtual clock and seeded randomness (healing.md §8). */
  deterministic: boolean;
}

export const settings: Settings = {
  errorMode: "strict",
  integer: false,
  unsigned: false,
  bits32: false,
  deterministic: false,
};

/** Errors recorded under `error_mode: :collect`, read by `get_errors()`. */
export const collectedErrors: GrErrorValue[] = [];

export function snapshotSettings(): Settings {
  return { ...settings };
}

export function restoreSettings(saved: Settings): void {
  Object.assign(settings, saved);
}
