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
 * Runs one compiled pattern over one text. The end of a match of `elements[k..]` at `pos` depends
 * only on (k, pos), so the results reached through a quantifier's choices are remembered: patterns
 * like `.*.*x` do not explore every split again.
 */
class Matcher {
  private readonly memo = new Map<number, number>();

  constructor(
    private readonly p: CompiledPattern,
    private readonly text: string[],
  ) {}

  /** The first match at or after `from`: [start, end) in code points, or null. */
  search(from: number): [number, number] | null {
    const lastStart = this.p.anchorStart ? Math.min(from, 0) : this.text.length;
    for (let start = from; start <= lastStart; start++) {
      const end = this.step(0, start);
      if (end >= 0) return [start, end];
    }
    return null;
  }

  /** `step` through the memo: used after a quantifier, where different choices meet again. */
  private matchFrom(k: number, pos: number): number {
    if (k === this.p.elements.length) return !this.p.anchorEnd || pos === this.text.length ? pos : -1;
    const key = k * (this.text.length + 1) + pos;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const end = this.step(k, pos);
    this.memo.set(key, end);
    return end;
  }

  /**
   * The end of a match of `elements[k..]` at `pos`, preferring shortest `*`/`?` and longest `+`;
   * -1 when none. With a `$` anchor only matches that end at the end of the text count.
   */
  private step(k: number, pos: number): number {
    const { elements, anchorEnd } = this.p;
    const text = this.text;
    if (k === elements.length) return !anchorEnd || pos === text.length ? pos : -1;
    const { test, quantifier } = elements[k]!;
    const here = pos < text.length && test(text[pos]!);
    switch (quantifier) {
      case "one":
        return here ? this.step(k + 1, pos + 1) : -1;
      case "optional": {
        const skip = this.matchFrom(k + 1, pos);
        if (skip >= 0 || !here) return skip;
        return this.matchFrom(k + 1, pos + 1);
      }
      case "star": {
        for (let at = pos; ; at++) {
          const end = this.matchFrom(k + 1, at);
          if (end >= 0) return end;
          if (at >= text.length || !test(text[at]!)) return -1;
        }
      }
      case "plus": {
        let longest = pos;
        while (longest < text.length && test(text[longest]!)) longest++;
        for (let at = longest; at > pos; at--) {
          const end = this.matchFrom(k + 1, at);
          if (end >= 0) return end;
        }
        return -1;
      }
    }
  }
}

export function regexMatches(pattern: string, text: string): boolean {
  return new Matcher(compilePattern(pattern, true), Array.from(text)).search(0) !== null;
}

export function regexFind(pattern: string, text: string): string {
  const chars = Array.from(text);
  const found = new Matcher(compilePattern(pattern, false), chars).search(0);
  return found ? chars.slice(found[0], found[1]).join("") : "";
}

/** Non-empty, non-overlapping matches left to right; an empty match moves on by one character. */
function eachMatch(pattern: string, chars: string[], visit: (start: number, end: number) => void): void {
  const matcher = new Matcher(compilePattern(pattern, false), chars);
  let pos = 0;
  while (pos <= chars.length) {
    const found = matcher.search(pos);
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
