import type { Loc } from "../parse/ast.js";
import { CATALOGUE, type DiagnosticKind, type Severity } from "./catalogue.js";

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  loc: Loc;
}

export function diagnostic(kind: DiagnosticKind, message: string, file: string, loc: Loc): Diagnostic {
  const entry = CATALOGUE[kind];
  // AST locations compute their positions on demand (grammar.peggy, SourceLoc); a diagnostic
  // leaves the compiler (JSON, structured clones between threads), so it holds plain ones.
  return { code: entry.code, severity: entry.severity, message, file, loc: { start: loc.start, end: loc.end } };
}

/** Thrown inside a pass to stop compilation with one diagnostic; `compile()` catches it. */
export class CompileError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
