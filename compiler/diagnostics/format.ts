// Renders diagnostics as `path:line:col: error[GR0001]: message` followed by a code frame.
import type { Diagnostic } from "./diagnostic.js";

export interface FormatOptions {
  /** Colours for a terminal. */
  color?: boolean;
}

export function formatDiagnostic(d: Diagnostic, source: string | null, options: FormatOptions = {}): string {
  const { line, column } = d.loc.start;
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const head = `${d.file}:${line}:${column}: ${paint(d.severity === "error" ? "1;31" : "1;33", `${d.severity}[${d.code}]`)}: ${d.message}`;
  if (source === null) return head;
  return head + "\n" + codeFrame(source, d.loc.start.line, d.loc.start.column, d.loc.end, options.color ?? false);
}

/** A few lines of source around `line`, with a caret under the reported span. */
export function codeFrame(
  source: string,
  line: number,
  column: number,
  end: { line: number; column: number } | null = null,
  color = false,
): string {
  const lines = source.split("\n");
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? "").replace(/\r$/, "").replace(/\t/g, " ");
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${text}`);
    if (n === line) {
      let span = 1;
      if (end && end.line === line && end.column > column) span = end.column - column;
      span = Math.max(1, Math.min(span, Math.max(1, text.length - column + 1)));
      const caret = " ".repeat(Math.max(0, column - 1)) + "^".repeat(span);
      out.push(`  ${" ".repeat(width)} | ${color ? `\x1b[1;31m${caret}\x1b[0m` : caret}`);
    }
  }
  return out.join("\n");
}
