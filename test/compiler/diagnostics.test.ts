// compiler/diagnostics/format.ts: `path:line:col: error[GRxxxx]: message` and the code frame under
// it — up to two lines before the reported line and one after, a `>` marker, and carets under
// the reported span.
import { describe, expect, it } from "vitest";
import { codeFrame, formatDiagnostic } from "../../compiler/diagnostics/format.js";
import { diagnostic, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { parse } from "../../compiler/parse/parse.js";
import { lines } from "./helpers.js";

/** A diagnostic at `line:column`, `length` characters long on that line. */
function at(line: number, column: number, length = 1, kind: Parameters<typeof diagnostic>[0] = "SyntaxError"): Diagnostic {
  return diagnostic(kind, "something is wrong", "dir/t.gr", {
    start: { line, column, offset: 0 },
    end: { line, column: column + length, offset: 0 },
  });
}

const FIVE = lines("a = 1", "b = 2", "c = oops(3)", "d = 4", "e = 5");

describe("formatDiagnostic", () => {
  it("the head line: file, 1-based position, severity with code, message", () => {
    expect(formatDiagnostic(at(3, 5), null)).toBe("dir/t.gr:3:5: error[GR0001]: something is wrong");
    expect(formatDiagnostic(at(1, 1, 1, "ModuleNotFound"), null)).toBe("dir/t.gr:1:1: error[GR0010]: something is wrong");
  });

  it("with the source: two lines before, the line marked with `>`, carets under the span, one line after", () => {
    expect(formatDiagnostic(at(3, 5, 4), FIVE)).toBe(
      [
        "dir/t.gr:3:5: error[GR0001]: something is wrong",
        "  1 | a = 1",
        "  2 | b = 2",
        "> 3 | c = oops(3)",
        "    |     ^^^^",
        "  4 | d = 4",
      ].join("\n"),
    );
  });

  it("colour wraps the severity and the carets in ANSI codes and changes nothing else", () => {
    const plain = formatDiagnostic(at(3, 5, 4), FIVE);
    const colored = formatDiagnostic(at(3, 5, 4), FIVE, { color: true });
    expect(colored).toContain("\x1b[1;31merror[GR0001]\x1b[0m");
    expect(colored).toContain("\x1b[1;31m    ^^^^\x1b[0m");
    expect(colored.replace(/\x1b\[[0-9;]*m/g, "")).toBe(plain);
  });

  it("a parser diagnostic at a line break: the caret just past the line's end", () => {
    const source = lines("x = 1", "y = (x +", "print(y)");
    const [d] = parse(source, "t.gr").diagnostics;
    const text = formatDiagnostic(d!, source);
    const [head, ...frame] = text.split("\n");
    expect(head).toMatch(/^t\.gr:2:9: error\[GR0001\]: unexpected line break/);
    expect(frame).toEqual(["  1 | x = 1", "> 2 | y = (x +", "    |         ^", "  3 | print(y)"]);
  });
});

describe("codeFrame", () => {
  const caretLine = (frame: string) => frame.split("\n").find((l) => /^\s+\|\s*\^/.test(l))!;

  it("the first line of a file has no lines before it", () => {
    expect(codeFrame(FIVE, 1, 1, { line: 1, column: 2 })).toBe(["> 1 | a = 1", "    | ^", "  2 | b = 2"].join("\n"));
  });

  it("the last line of a file has no line after it", () => {
    const source = "a = 1\nb = 2\nc = 3";
    expect(codeFrame(source, 3, 5, { line: 3, column: 6 })).toBe(["  1 | a = 1", "  2 | b = 2", "> 3 | c = 3", "    |     ^"].join("\n"));
  });

  it("a trailing newline gives an empty last line, which is shown after the reported one", () => {
    expect(codeFrame("x = 1\n", 1, 5)).toBe(["> 1 | x = 1", "    |     ^", "  2 | "].join("\n"));
  });

  it("line numbers are right-aligned to the widest shown", () => {
    const source = Array.from({ length: 12 }, (_, i) => `v${i + 1} = ${i + 1}`).join("\n");
    expect(codeFrame(source, 9, 1, { line: 9, column: 3 })).toBe(
      ["   7 | v7 = 7", "   8 | v8 = 8", ">  9 | v9 = 9", "     | ^^", "  10 | v10 = 10"].join("\n"),
    );
  });

  it("tabs are shown as one space, so the caret stays under a column counted with the tab as one character", () => {
    const source = "if x {\n\ty = ?\n}";
    const frame = codeFrame(source, 2, 6, { line: 2, column: 7 });
    expect(frame).toContain("> 2 |  y = ?");
    const shown = frame.split("\n").find((l) => l.startsWith(">"))!;
    const caret = caretLine(frame);
    expect(shown[caret.indexOf("^")]).toBe("?");
  });

  it("Windows line endings are not shown", () => {
    expect(codeFrame("a = 1\r\nb = ?\r\n", 2, 5, { line: 2, column: 6 })).toBe(["  1 | a = 1", "> 2 | b = ?", "    |     ^", "  3 | "].join("\n"));
  });

  it("the span: one caret without an end, for an empty span, or when the end is on another line", () => {
    const src = "total = compute(a, b)";
    expect(caretLine(codeFrame(src, 1, 9))).toBe("    |         ^");
    expect(caretLine(codeFrame(src, 1, 9, { line: 1, column: 9 }))).toBe("    |         ^");
    expect(caretLine(codeFrame(src, 1, 9, { line: 2, column: 3 }))).toBe("    |         ^");
    expect(caretLine(codeFrame(src, 1, 9, { line: 1, column: 16 }))).toBe("    |         ^^^^^^^");
  });

  it("the span is cut at the end of the line; a position just past the end still gets one caret", () => {
    const src = "abc";
    expect(caretLine(codeFrame(src, 1, 2, { line: 1, column: 50 }))).toBe("    |  ^^");
    expect(caretLine(codeFrame(src, 1, 4))).toBe("    |    ^");
  });
});
