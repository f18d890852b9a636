// String methods (core.md §13, collections.md §9), `string.generate`, and `s[i]`.
//
// Positions are characters (Unicode scalar values), not UTF-16 units, except where the reference
// uses UTF-8 bytes: `index_of` answers a byte offset, `char_code(i)` reads byte i, and a negative
// `s[i]` counts back from the byte length.
import { GrList } from "../values/list.js";
import { GrSymbol } from "../values/symbol.js";
import { rtError } from "../values/error.js";
import { truthy } from "../values/truth.js";
import { unwrapFrozen } from "../values/freeze.js";
import { callFunction } from "../call.js";
import { namespaces, stringMethods, type MethodImpl, type MethodTable } from "./table.js";
import { expectCallable, formatIndex, numberArg, stringArg, toInt, typeError } from "./args.js";
import type { Value } from "../values/value.js";

// ---------------------------------------------------------------- characters and bytes

/** Lengths of one string in characters and in UTF-8 bytes. */
interface StringFacts {
  text: string;
  chars: number;
  bytes: number;
}

/**
 * The facts of the string last asked about. Compiled loops such as `while i < s.length() { s[i] }`
 * ask about the same string over and over; remembering it keeps each call O(1) instead of O(n).
 */
let lastFacts: StringFacts = { text: "", chars: 0, bytes: 0 };

function factsOf(s: string): StringFacts {
  if (s === lastFacts.text) return lastFacts;
  let chars = 0;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    chars++;
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  // Reuse the one record: asking about many short strings must not allocate.
  lastFacts.text = s;
  lastFacts.chars = chars;
  lastFacts.bytes = bytes;
  return lastFacts;
}

/** No surrogate pairs: character positions are UTF-16 positions. */
function isSingleUnit(s: string): boolean {
  return factsOf(s).chars === s.length;
}

/** The characters of `s` (code points, so an astral character is one element). */
export function charsOf(s: string): string[] {
  return isSingleUnit(s) ? s.split("") : Array.from(s);
}

/** `s.length()`: characters, not UTF-16 units. */
export function charCount(s: string): number {
  return factsOf(s).chars;
}

/** Length of `s` in UTF-8 (the builtin `length(s)`, and the base of byte offsets). */
export function utf8Length(s: string): number {
  return factsOf(s).bytes;
}

const encoder = new TextEncoder();

export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

// ---------------------------------------------------------------- s[i]

/**
 * `s[i]`: a one-character string. A negative index counts back from the UTF-8 byte length while
 * positions count characters, so on non-ASCII text it is shifted (reference behavior:
 * `"héllo"[-2]` is `o`).
 */
export function indexString(s: string, index: Value): string {
  const n = unwrapFrozen(index);
  if (typeof n !== "number") throw rtError("Type error: expected indexable type (list, map, string, or graph), got string");
  const i = toInt(n);
  const at = i < 0 ? utf8Length(s) + i : i;
  if (at < 0 || at >= charCount(s)) throw rtError(`String index ${formatIndex(i)} out of bounds`);
  return isSingleUnit(s) ? s[at]! : Array.from(s)[at]!;
}

// ---------------------------------------------------------------- character patterns

type CharTest = (c: string) => boolean;

const isLetter: CharTest = (c) => /\p{Alphabetic}/u.test(c);
const isDigit: CharTest = (c) => /\p{N}/u.test(c);
const isSpace: CharTest = (c) => /\p{White_Space}/u.test(c);
const isAlphanumeric: CharTest = (c) => isLetter(c) || isDigit(c);

/** Character classes by pattern symbol (core.md §13). Unknown names match nothing. */
const CHAR_PATTERNS = new Map<string, CharTest>([
  ["digits", isDigit],
  ["numbers", isDigit],
  ["letters", isLetter],
  ["words", isLetter],
  ["uppercase", (c) => /\p{Uppercase}/u.test(c)],
  ["lowercase", (c) => /\p{Lowercase}/u.test(c)],
  ["spaces", isSpace],
  ["whitespace", isSpace],
  ["punctuation", (c) => /^[!-/:-@[-`{-~]$/.test(c)],
  ["alphanumeric", isAlphanumeric],
  ["symbols", (c) => !isAlphanumeric(c) && !isSpace(c)],
]);

const matchesNothing: CharTest = () => false;

function charPattern(name: string): CharTest {
  return CHAR_PATTERNS.get(name) ?? matchesNothing;
}

function patternArg(method: string, args: Value[]): string {
  expectArgs(method, args, ["pattern"]);
  const p = args[0]!;
  if (!(p instanceof GrSymbol)) return typeError("symbol", unwrapFrozen(p));
  return p.name;
}

/** Maximal runs of characters that pass `test`. */
function runsOf(s: string, test: CharTest): string[] {
  const runs: string[] = [];
  let current = "";
  for (const c of charsOf(s)) {
    if (test(c)) current += c;
    else if (current !== "") {
      runs.push(current);
      current = "";
    }
  }
  if (current !== "") runs.push(current);
  return runs;
}

/** Whitespace-separated words shaped like `a@b.c`. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;

function emailsIn(s: string): string[] {
  return s.split(/\p{White_Space}+/u).filter((w) => EMAIL.test(w));
}

/** `extract(:p)`: emails, or maximal runs of matching characters (`:words` = runs of letters). */
function extract(s: string, pattern: string): string[] {
  if (pattern === "emails") return emailsIn(s);
  return runsOf(s, charPattern(pattern));
}

/** `count(:p)`: `:words` (and `:emails`) count items; other patterns count matching characters. */
function countPattern(s: string, pattern: string): number {
  if (pattern === "words" || pattern === "emails") return extract(s, pattern).length;
  const test = charPattern(pattern);
  let n = 0;
  for (const c of charsOf(s)) if (test(c)) n++;
  return n;
}

/** `find(:p)` → all character positions; `find(:p, :first)` → the first or -1; `find(:p, n)` → the first n. */
function find(s: string, args: Value[]): Value {
  if (args.length < 1 || args.length > 2) expectArgs("find", args, ["pattern", "mode"]);
  const name = patternArg("find", args.slice(0, 1));
  const test = charPattern(name);
  const positions: number[] = [];
  charsOf(s).forEach((c, i) => {
    if (test(c)) positions.push(i);
  });
  if (args.length === 1) return new GrList(positions);
  const mode = unwrapFrozen(args[1]!);
  if (mode instanceof GrSymbol && mode.name === "first") return positions.length > 0 ? positions[0]! : -1;
  const limit = Math.max(0, toInt(numberArg(mode)));
  return new GrList(positions.slice(0, limit));
}

/** `contains(:any | :all | :only, :p1, …)` (core.md §13). */
function containsMode(s: string, modeArg: Value, patternArgs: Value[]): boolean {
  const mode = unwrapFrozen(modeArg);
  if (!(mode instanceof GrSymbol)) return typeError("symbol", mode);
  const tests = patternArgs.map((p) => (p instanceof GrSymbol ? charPattern(p.name) : typeError("symbol", unwrapFrozen(p))));
  const chars = charsOf(s);
  const matchesSome = (c: string) => tests.some((t) => t(c));
  switch (mode.name) {
    case "any":
      return chars.some(matchesSome);
    case "all":
      return tests.every((t) => chars.some(t));
    case "only":
      return chars.every(matchesSome);
  }
  throw rtError(`Unknown contains mode: :${mode.name}`);
}

// ---------------------------------------------------------------- argument checks

/** `String method 'upper' takes no arguments, but got 1` */
function expectNone(method: string, args: Value[]): void {
  if (args.length > 0) throw rtError(`String method '${method}' takes no arguments, but got ${args.length}`);
}

/** `String method 'split' expects 1 argument (delimiter), but got 0` */
function expectArgs(method: string, args: Value[], params: string[]): void {
  if (args.length === params.length) return;
  const n = params.length;
  throw rtError(
    `String method '${method}' expects ${n} argument${n === 1 ? "" : "s"} (${params.join(", ")}), but got ${args.length}`,
  );
}

function noArgs(name: string, f: (s: string) => Value): MethodImpl<string> {
  return (s, args) => {
    expectNone(name, args);
    return f(s);
  };
}

// ---------------------------------------------------------------- substring / slice / split / replace

/** A character position argument: truncated, negative acts as 0, clamped to the length. */
function clampedPosition(v: Value | undefined, length: number): number {
  return Math.min(Math.max(0, toInt(numberArg(v))), length);
}

function substring(method: string): MethodImpl<string> {
  return (s, args) => {
    expectArgs(method, args, ["start", "end"]);
    const length = charCount(s);
    const start = clampedPosition(args[0], length);
    const end = clampedPosition(args[1], length);
    if (start >= end) return "";
    return isSingleUnit(s) ? s.slice(start, end) : Array.from(s).slice(start, end).join("");
  };
}

/** Every occurrence splits, empty parts kept; `""` splits between characters and at both ends. */
export function splitString(s: string, delimiter: string): string[] {
  if (delimiter === "") return ["", ...charsOf(s), ""];
  return s.split(delimiter);
}

/** Replaces every occurrence (no regex); an empty `old` inserts between characters and at both ends. */
export function replaceAll(s: string, old: string, replacement: string): string {
  // Plain text both ways: `$` in a JS replacement string is a pattern, so it is escaped.
  if (old !== "") return s.replaceAll(old, replacement.includes("$") ? replacement.replaceAll("$", "$$$$") : replacement);
  return ["", ...charsOf(s), ""].join(replacement);
}

/** Rust's `trim()`: Unicode White_Space at both ends (unlike JS trim, which also strips U+FEFF). */
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

function indexOf(s: string, args: Value[]): number {
  expectArgs("index_of", args, ["substring"]);
  const at = s.indexOf(stringArg(args[0]));
  return at < 0 ? -1 : utf8Length(s.slice(0, at));
}

function contains(s: string, args: Value[]): boolean {
  if (args.length === 0) expectArgs("contains", args, ["substring"]);
  if (args.length === 1) return s.includes(stringArg(args[0]));
  return containsMode(s, args[0]!, args.slice(1));
}

function charCode(s: string, args: Value[]): number {
  expectArgs("char_code", args, ["index"]);
  const i = Math.max(0, toInt(numberArg(args[0])));
  const bytes = utf8Bytes(s);
  if (i >= bytes.length) throw rtError(`String index ${formatIndex(i)} out of bounds`);
  return bytes[i]!;
}

// ---------------------------------------------------------------- higher-order

function eachChar(method: string, s: string, args: Value[], visit: (c: string, result: Value) => void): void {
  expectArgs(method, args, ["function"]);
  const f = expectCallable(args[0]);
  for (const c of charsOf(s)) visit(c, callFunction(f, [c]));
}

function mapChars(s: string, args: Value[]): GrList {
  const out: Value[] = [];
  eachChar("map", s, args, (_c, r) => out.push(r));
  return new GrList(out);
}

function keepChars(method: string, keep: boolean): MethodImpl<string> {
  return (s, args) => {
    let out = "";
    eachChar(method, s, args, (c, r) => {
      if (truthy(r) === keep) out += c;
    });
    return out;
  };
}

// ---------------------------------------------------------------- the table

const methods: MethodTable<string> = {
  length: noArgs("length", charCount),
  size: noArgs("size", charCount),
  len: noArgs("len", charCount),
  is_empty: noArgs("is_empty", (s) => s.length === 0),
  first: noArgs("first", (s) => (s.length === 0 ? null : String.fromCodePoint(s.codePointAt(0)!))),
  last: noArgs("last", (s) => (s.length === 0 ? null : charsOf(s).at(-1)!)),
  substring: substring("substring"),
  slice: substring("slice"),
  upper: noArgs("upper", (s) => s.toUpperCase()),
  lower: noArgs("lower", (s) => s.toLowerCase()),
  trim: noArgs("trim", (s) => s.replace(EDGE_SPACE, "")),
  reverse: noArgs("reverse", (s) => charsOf(s).reverse().join("")),
  split: (s, args) => {
    expectArgs("split", args, ["delimiter"]);
    return new GrList(splitString(s, stringArg(args[0])));
  },
  replace: (s, args) => {
    expectArgs("replace", args, ["old", "new"]);
    return replaceAll(s, stringArg(args[0]), stringArg(args[1]));
  },
  index_of: indexOf,
  contains,
  starts_with: (s, args) => {
    expectArgs("starts_with", args, ["prefix"]);
    return s.startsWith(stringArg(args[0]));
  },
  ends_with: (s, args) => {
    expectArgs("ends_with", args, ["suffix"]);
    return s.endsWith(stringArg(args[0]));
  },
  extract: (s, args) => new GrList(extract(s, patternArg("extract", args))),
  count: (s, args) => countPattern(s, patternArg("count", args)),
  find,
  map: mapChars,
  filter: keepChars("filter", true),
  reject: keepChars("reject", false),
  each: (s, args) => {
    eachChar("each", s, args, () => {});
    return null;
  },
  char_code: charCode,
  to_bytes: noArgs("to_bytes", (s) => new GrList(Array.from(utf8Bytes(s)))),
};

Object.assign(stringMethods, methods);

// ---------------------------------------------------------------- string.generate

/**
 * `string.generate(s, n)`: `s` repeated n times; `string.generate(c1, c2)`: the inclusive run of
 * code points from c1 to c2, forward or backward.
 */
function generate(_recv: unknown, args: Value[]): string {
  if (args.length !== 2) throw rtError(`string.generate() expects 2 arguments, but got ${args.length}`);
  const from = stringArg(args[0]);
  const second = unwrapFrozen(args[1]!);
  if (typeof second === "number") return from.repeat(Math.max(0, toInt(second)));
  const to = stringArg(second);
  if (from === "" || to === "") throw rtError("string.generate() expects single characters or a count");
  return codePointRun(from.codePointAt(0)!, to.codePointAt(0)!);
}

function codePointRun(start: number, end: number): string {
  const step = start <= end ? 1 : -1;
  let out = "";
  for (let cp = start; cp !== end + step; cp += step) {
    // Surrogate code points are not characters; the reference's char range skips them.
    if (cp < 0xd800 || cp > 0xdfff) out += String.fromCodePoint(cp);
  }
  return out;
}

namespaces.string = Object.assign(namespaces.string ?? Object.create(null), { generate });
