// The `json` module's parser and printer (runtime.md §4.7), with the reference's forgiving rules:
// a syntax error gives `none` (never an exception), a missing value parses as 0, a number is the
// longest run of `0-9 + - . e E` converted like `to_num()` (0 when it does not convert), unknown
// escapes keep the escaped character, and text after the first complete value is ignored.
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { toStringForm } from "../values/format.js";
import { unwrapFrozen } from "../values/frozen_scalar.js";
import { GrBigNum } from "../values/bignum.js";
import { parseRustFloat } from "../methods/universal.js";
import type { Value } from "../values/value.js";

class JsonSyntaxError extends Error {}

const NUMBER_CHARS = /[0-9+\-.eE]/;

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(): never {
    throw new JsonSyntaxError();
  }

  skipWhitespace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos++;
      else return;
    }
  }

  value(): Value {
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.fail();
    const c = this.text[this.pos]!;
    switch (c) {
      case "{":
        return this.object();
      case "[":
        return this.array();
      case '"':
        return this.string();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
    }
    return this.number();
  }

  literal(word: string, v: Value): Value {
    if (!this.text.startsWith(word, this.pos)) this.fail();
    this.pos += word.length;
    return v;
  }

  /** Consumes nothing when no number character follows, which is how `[1,,2]` reads a 0. */
  number(): number {
    const start = this.pos;
    while (this.pos < this.text.length && NUMBER_CHARS.test(this.text[this.pos]!)) this.pos++;
    return parseRustFloat(this.text.slice(start, this.pos)) ?? 0;
  }

  string(): string {
    this.pos++; // opening quote
    let out = "";
    for (;;) {
      if (this.pos >= this.text.length) this.fail();
      const c = this.text[this.pos++]!;
      if (c === '"') return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      if (this.pos >= this.text.length) this.fail();
      const e = this.text[this.pos++]!;
      out += e === "n" ? "\n" : e === "t" ? "\t" : e === "r" ? "\r" : e;
    }
  }

  array(): GrList {
    this.pos++;
    const items: Value[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return new GrList(items);
    }
    for (;;) {
      items.push(this.value());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === "]") return new GrList(items);
      if (c !== ",") this.fail();
    }
  }

  object(): GrMap {
    this.pos++;
    const entries = new Map<string, Value>();
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return new GrMap(entries);
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail();
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos++] !== ":") this.fail();
      entries.set(key, this.value());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === "}") return new GrMap(entries);
      if (c !== ",") this.fail();
    }
  }
}

/** `json.parse(text)`: the first complete value, or `none` on any syntax error. */
export function jsonParse(text: string): Value {
  try {
    return new Parser(text).value();
  } catch (e) {
    if (e instanceof JsonSyntaxError || e instanceof RangeError) return null; // RangeError: nesting too deep
    throw e;
  }
}

function quote(text: string): string {
  let out = '"';
  for (const c of text) {
    switch (c) {
      case "\\":
        out += "\\\\";
        break;
      case '"':
        out += '\\"';
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + '"';
}

/** `json.to_string(value)`: `", "` and `": "` separators; other values as their quoted text form. */
export function jsonToString(value: Value): string {
  const v = unwrapFrozen(value);
  if (v === null) return "null";
  if (v instanceof GrBigNum) return toStringForm(v);
  if (typeof v === "boolean" || typeof v === "number") return toStringForm(v);
  if (typeof v === "string") return quote(v);
  if (v instanceof GrList) return "[" + v.items.map(jsonToString).join(", ") + "]";
  if (v instanceof GrMap) {
    const parts: string[] = [];
    for (const [k, item] of v.entries) parts.push(`${quote(k)}: ${jsonToString(item)}`);
    return "{" + parts.join(", ") + "}";
  }
  // Symbols, times, graphs, functions: their text form in quotes, unescaped as the reference does.
  return '"' + toStringForm(v) + '"';
}
