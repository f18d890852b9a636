// `configure { … }` (core.md §9.1, §7.6): validates the settings, applies them, and returns the
// previous ones so a scoped body can restore them.
import { settings, snapshotSettings, restoreSettings, type Settings } from "./config.js";
import { GrSymbol } from "./values/symbol.js";
import { typedError } from "./values/error.js";
import { typeName } from "./values/format.js";
import type { Value } from "./values/value.js";

function configError(message: string): never {
  throw typedError("ConfigError", message);
}

function symbolValue(key: string, v: Value): string {
  if (!(v instanceof GrSymbol)) configError(`${key} must be a symbol, got ${typeName(v)}`);
  return v.name;
}

function oneOf(key: string, v: Value, allowed: string[], list: string): void {
  const name = symbolValue(key, v);
  if (!allowed.includes(name)) configError(`Invalid ${key}: :${name}, expected ${list}`);
}

const NO_EFFECT = new Set(["skip_none", "strict_types", "edge_validation", "strict_edge_rules", "none_conversions", "allow_overrides"]);

/** Each entry is `[":flag", null]` or `[key, value]`. */
export function configure(entries: [string, Value][]): Settings {
  const saved = snapshotSettings();
  const next: Partial<Settings> = {};
  for (const [key, value] of entries) {
    if (key.startsWith(":")) {
      const flag = key.slice(1);
      if (flag === "integer") next.integer = true;
      else if (flag === "unsigned") next.unsigned = true;
      else if (flag === "32bit") {
        next.integer = true;
        next.bits32 = true;
      } else if (flag === "deterministic") next.deterministic = true;
      else configError(`Unknown configuration key: ${flag}`);
      continue;
    }
    switch (key) {
      case "error_mode": {
        const mode = symbolValue(key, value);
        if (mode !== "strict" && mode !== "lenient" && mode !== "collect") {
          configError(`Invalid error_mode: :${mode}, expected :strict, :lenient, or :collect`);
        }
        next.errorMode = mode;
        break;
      }
      case "precision": {
        const p = symbolValue(key, value);
        if (p !== "high" && p !== "standard" && p !== "low" && p !== "int") configError(`Invalid precision: :${p}`);
        break;
      }
      case "bounds_checking":
        oneOf(key, value, ["strict", "lenient"], ":strict or :lenient");
        break;
      case "type_coercion":
        oneOf(key, value, ["strict", "lenient"], ":strict or :lenient");
        break;
      case "none_handling":
        oneOf(key, value, ["propagate", "skip", "error"], ":propagate, :skip, or :error");
        break;
      case "decimal_places":
        if (typeof value !== "number") configError(`decimal_places must be a number, got ${typeName(value)}`);
        break;
      case "orphan_policy":
        oneOf(key, value, ["allow", "reject", "delete", "reconnect"], ":allow, :reject, :delete, or :reconnect");
        break;
      case "reconnect_strategy":
        oneOf(key, value, ["to_root", "to_parent_siblings"], ":to_root or :to_parent_siblings");
        break;
      default:
        if (NO_EFFECT.has(key)) break;
        if (key === "deterministic") {
          next.deterministic = value !== false && value !== null;
          break;
        }
        configError(`Unknown configuration key: ${key}`);
    }
  }
  Object.assign(settings, next);
  return saved;
}

export { restoreSettings };

/** Under `:integer` (and `:32bit`) stored numbers are truncated toward zero (core.md §9.1). */
export function storeValue(v: Value): Value {
  if (!settings.integer || typeof v !== "number") return v;
  let n = Math.trunc(v);
  if (settings.bits32) n = Number(BigInt.asUintN(32, BigInt(Number.isFinite(n) ? n : 0)));
  return n;
}
