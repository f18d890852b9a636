// Text forms of values, to the character (core.md §3.2, §3.11; collections.md §1.4).
import { GrSymbol } from "./symbol.js";
import { GrList } from "./list.js";
import { GrMap } from "./map.js";
import { GrFunction } from "./function.js";
import { GrErrorValue } from "./error.js";
import type { GrObject, Value } from "./value.js";

/** Numbers: integral values in full decimal, others shortest round-trip, never exponent form. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) {
    if (n === 0) return Object.is(n, -0) ? "-0" : "0";
    if (n < 1e21 && n > -1e21) {
      if (n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER) return String(n);
      return BigInt(n).toString();
    }
    return BigInt(n).toString();
  }
  if (n !== n) return "NaN";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  const s = String(n);
  const e = s.indexOf("e");
  return e < 0 ? s : expandExponent(s, e);
}

/** `1.5e-7` → `0.00000015` (only small magnitudes reach here: larger values are integral). */
function expandExponent(s: string, e: number): string {
  const negative = s[0] === "-";
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const intLen = (dot < 0 ? mantissa.length : dot) + exp;
  let out: string;
  if (intLen <= 0) out = "0." + "0".repeat(-intLen) + digits;
  else if (intLen >= digits.length) out = digits + "0".repeat(intLen - digits.length);
  else out = digits.slice(0, intLen) + "." + digits.slice(intLen);
  return negative ? "-" + out : out;
}

export function isGrObject(v: unknown): v is GrObject {
  return typeof v === "object" && v !== null && typeof (v as GrObject).grType === "function";
}

/** The print form: what `print` and string concatenation show. */
export function display(v: Value): string {
  switch (typeof v) {
    case "number":
      return formatNumber(v);
    case "string":
      return v;
    case "boolean":
      return v ? "true" : "false";
  }
  if (v === null) return "none";
  if (v instanceof GrList) {
    let out = "[";
    const items = v.items;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ", ";
      out += display(items[i]!);
    }
    return out + "]";
  }
  if (v instanceof GrMap) return displayMap(v, display);
  if (v instanceof GrSymbol) return ":" + v.name;
  if (v instanceof GrFunction) return displayFunction(v);
  if (v instanceof GrErrorValue) return v.display();
  if (isGrObject(v)) return v.grDisplay();
  return String(v);
}

function displayMap(m: GrMap, valueForm: (v: Value) => string): string {
  if (m.entries.size === 0) return "{}";
  const parts: string[] = [];
  for (const [k, v] of m.entries) parts.push(`"${k}": ${valueForm(v)}`);
  return "{" + parts.join(", ") + "}";
}

export function displayFunction(f: GrFunction): string {
  if (f.kind === "builtin") return "<native function>";
  if (f.name === null) return `<lambda(${f.params.join(", ")})>`;
  return `<function ${f.name}>`;
}

/** `x.to_string()`: like print, except none is empty and lists quote strings (§3.11). */
export function toStringForm(v: Value): string {
  if (v === null) return "";
  if (v instanceof GrList) {
    const parts = v.items.map((e) => {
      if (typeof e === "string") return `"${e}"`;
      if (typeof e === "number" || typeof e === "boolean" || e === null) return display(e);
      return typeName(e);
    });
    return "[" + parts.join(", ") + "]";
  }
  return display(v);
}

/** The name `type()` reports. */
export function typeName(v: Value): string {
  switch (typeof v) {
    case "number":
      return "num";
    case "string":
      return "string";
    case "boolean":
      return "bool";
  }
  if (v === null) return "none";
  if (v instanceof GrList) return "list";
  if (v instanceof GrMap) return "map";
  if (v instanceof GrSymbol) return "symbol";
  if (v instanceof GrFunction) return "function";
  if (v instanceof GrErrorValue) return v.errorType;
  if (isGrObject(v)) return v.grType();
  return "unknown";
}
