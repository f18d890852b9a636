// The `regex` module's matcher (runtime.md §4.6): a small backtracking matcher over code points.
// Patterns are literals, `.`, classes `[...]`/`[^...]`, `\d \D \w \W \s \S`, escaped literals, and
// `*` `?` (shortest first) and `+` (longest first) on the single preceding element. Parentheses,
// `|`, `{m,n}` are ordinary characters. `^`/`$` anchor only in `matches`, where graphoid-js fixes the
// reference's trailing-`$` defect: it searches for any match that ends at the end of the text.

type CharTest = (c: string) => boolean;

interface Element {
  test: CharTest;
  /** How many times the element may repeat. */
  quantifier: "one" | "star" | "plus" | "optional";
}

export interface CompiledPattern {
  elements: Element[];
  anchorStart: boolean;
  anchorEnd: boolean;
}

const isDigit: CharTest = (c) => c >= "0" && c <= "9";
const isWord: CharTest = (c) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || isDigit(c) || c === "_";
const isSpace: CharTest = (c) => c === " " || c === "\t" || c === "\n" || c === "\r";

/** The test of `\x`: a class escape, or the literal character. */
function escapeTest(c: string): CharTest {
  switch (c) {
    case "d":
      return isDigit;
    case "D":
      return (x) => !isDigit(x);
    case "w":
      return isWord;
    case "W":
      return (x) => !isWord(x);
    case "s":
      return isSpace;
    case "S":
      return (x) => !isSpace(x);
  }
  return (x) => x === c;
}

/** Parses `[...]` starting after the `[`; returns the test and the index after `]`, or null if unclosed. */
function parseClass(chars: string[], start: number): { test: CharTest; next: number } | null {
  let i = start;
  const negated = chars[i] === "^";
  if (negated) i++;
  const parts: CharTest[] = [];
  while (i < chars.length && chars[i] !== "]") {
    const c = chars[i]!;
    if (c === "\\" && i + 1 < chars.length) {
      parts.push(escapeTest(chars[i + 1]!));
      i += 2;
      continue;
    }
    if (chars[i + 1] === "-" && i + 2 < chars.length && chars[i + 2] !== "]") {
      const low = c.codePointAt(0)!;
      const high = chars[i + 2]!.codePointAt(0)!;
      parts.push((x) => {
        const code = x.codePointAt(0)!;
        return code >= low && code <= high;
      });
      i += 3;
      continue;
    }
    parts.push((x) => x === c);
    i++;
  }
  if (i >= chars.length) return null;
  const test: CharTest = (x) => parts.some((p) => p(x));
  return { test: negated ? (x) => !test(x) : test, next: i + 1 };
}

/** Compiles a pattern; `anchors` says whether `^`/`$` are special (only in `matches`). */
export function compilePattern(pattern: string, anchors: boolean): CompiledPattern {
  let chars = Array.from(pattern);
  let anchorStart = false;
  let anchorEnd = false;
  if (anchors) {
    if (chars[0] === "^") {
      anchorStart = true;
      chars = chars.slice(1);
    }
    if (chars[chars.length - 1] === "$" && !endsWithEscape(chars)) {
      anchorEnd = true;
      chars = chars.slice(0, -1);
    }
  }
  const elements: Element[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    let test: CharTest;
    if (c === "\\" && i + 1 < chars.length) {
      test = escapeTest(chars[i + 1]!);
      i += 2;
    } else if (c === ".") {
      test = () => true;
      i++;
    } else if (c === "[") {
      const cls = parseClass(chars, i + 1);
      if (cls) {
        test = cls.test;
        i = cls.next;
      } else {
        test = (x) => x === "[";
        i++;
      }
    } else {
      // Includes a quantifier with nothing before it, which is an ordinary character.
      test = (x) => x === c;
      i++;
    }
    const q = chars[i];
    const quantifier = q === "*" ? "star" : q === "+" ? "plus" : q === "?" ? "optional" : "one";
    if (quantifier !== "one") i++;
    elements.push({ test, quantifier });
  }
  return { elements, anchorStart, anchorEnd };
}

/** A `$` preceded by an odd number of backslashes is an escaped literal. */
function endsWithEscape(chars: string[]): boolean {
  let n = 0;
  for (let i = chars.length - 2; i >= 0 && chars[i] === "\\"; i--) n++;
  return n % 2 === 1;
}

/**
 * The end of a match of `elements[k..]` at `pos`, preferring shortest `*`/`?` and longest `+`;
 * -1 when none. With `mustEnd`, only matches that end at the end of the text count.
 */
function matchFrom(elements: Element[], k: number, text: string[], pos: number, mustEnd: boolean): number {
  if (k === elements.length) return !mustEnd || pos === text.length ? pos : -1;
  const { test, quantifier } = elements[k]!;
  switch (quantifier) {
    case "one":
      return pos < text.length && test(text[pos]!) ? matchFrom(elements, k + 1, text, pos + 1, mustEnd) : -1;
    case "optional": {
      const skip = matchFrom(elements, k + 1, text, pos, mustEnd);
      if (skip >= 0) return skip;
      return pos < text.length && test(text[pos]!) ? matchFrom(elements, k + 1, text, pos + 1, mustEnd) : -1;
    }
    case "star": {
      for (let at = pos; ; at++) {
        const end = matchFrom(elements, k + 1, text, at, mustEnd);
        if (end >= 0) return end;
        if (at >= text.length || !test(text[at]!)) return -1;
      }
    }
    case "plus": {
      let longest = pos;
      while (longest < text.length && test(text[longest]!)) longest++;
      for (let at = longest; at > pos; at--) {
        const end = matchFrom(elements, k + 1, text, at, mustEnd);
        if (end >= 0) return end;
      }
      return -1;
    }
  }
}

/** The first match at or after `from`: [start, end) in code points, or null. */
function search(p: CompiledPattern, text: string[], from: number): [number, number] | null {
  const lastStart = p.anchorStart ? Math.min(from, 0) : text.length;
  for (let start = from; start <= lastStart; start++) {
    const end = matchFrom(p.elements, 0, text, start, p.anchorEnd);
    if (end >= 0) return [start, end];
  }
  return null;
}

export function regexMatches(pattern: string, text: string): boolean {
  return search(compilePattern(pattern, true), Array.from(text), 0) !== null;
}

export function regexFind(pattern: string, text: string): string {
  const chars = Array.from(text);
  const found = search(compilePattern(pattern, false), chars, 0);
  return found ? chars.slice(found[0], found[1]).join("") : "";
}

/** Non-empty, non-overlapping matches left to right; an empty match moves on by one character. */
function eachMatch(pattern: string, chars: string[], visit: (start: number, end: number) => void): void {
  const p = compilePattern(pattern, false);
  let pos = 0;
  while (pos <= chars.length) {
    const found = search(p, chars, pos);
    if (!found) return;
    const [start, end] = found;
    if (end > start) {
      visit(start, end);
      pos = end;
    } else {
      pos = start + 1;
    }
  }
}

export function regexFindAll(pattern: string, text: string): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  eachMatch(pattern, chars, (start, end) => out.push(chars.slice(start, end).join("")));
  return out;
}

export function regexReplace(pattern: string, text: string, replacement: string): string {
  const chars = Array.from(text);
  let out = "";
  let copied = 0;
  eachMatch(pattern, chars, (start, end) => {
    out += chars.slice(copied, start).join("") + replacement;
    copied = end;
  });
  return out + chars.slice(copied).join("");
}
