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
  return { code: entry.code, severity: entry.severity, message, file, loc };
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
