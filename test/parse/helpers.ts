// Shared helpers for the parser tests: parse a snippet and assert that it is accepted (returning
// the statements without locations, for shape checks) or rejected with a given code and position.
import { expect } from "vitest";
import { parse } from "../../compiler/parse/parse.js";
import type { Program, Statement } from "../../compiler/parse/ast.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";

/** Accepts `⏎` as a line break so that sources read like grammar.md's tables. */
export function source(text: string): string {
  return text.replace(/ ?⏎ ?/g, "\n");
}

const LOCATION_KEYS = new Set(["loc", "nameLoc", "variableLoc"]);

/** The tree without locations, so `toEqual` / `toMatchObject` compare only the shape. */
export function withoutLocations<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (LOCATION_KEYS.has(key) ? undefined : inner))) as T;
}

export function parseOk(text: string): Program {
  const result = parse(source(text), "case.gr");
  expect(result.diagnostics, `expected ${JSON.stringify(text)} to parse`).toEqual([]);
  expect(result.program).not.toBeNull();
  return result.program as Program;
}

/** Parses and returns the top-level statements without locations. */
export function statements(text: string): Statement[] {
  return withoutLocations(parseOk(text).body);
}

export interface ExpectedError {
  code: "GR0001" | "GR0002";
  line: number;
  column: number;
  /** A fragment the message must contain, when the wording matters. */
  message?: string | RegExp;
}

export function parseError(text: string, expected: ExpectedError): Diagnostic {
  const result = parse(source(text), "case.gr");
  expect(result.program, `expected ${JSON.stringify(text)} to be rejected`).toBeNull();
  expect(result.diagnostics).toHaveLength(1);
  const [found] = result.diagnostics;
  expect({ code: found.code, line: found.loc.start.line, column: found.loc.start.column }).toEqual({
    code: expected.code,
    line: expected.line,
    column: expected.column,
  });
  expect(found.file).toBe("case.gr");
  // Our own wording, never Peggy's raw "Expected ... but ... found".
  expect(found.message).not.toMatch(/but .* found|Expected /);
  if (expected.message !== undefined) expect(found.message).toMatch(expected.message);
  return found;
}

export const syntaxAt = (line: number, column: number, message?: string | RegExp): ExpectedError => ({
  code: "GR0001",
  line,
  column,
  message,
});

export const lexicalAt = (line: number, column: number, message?: string | RegExp): ExpectedError => ({
  code: "GR0002",
  line,
  column,
  message,
});

/** Shorthand node builders for expected shapes. */
export const id = (name: string) => ({ type: "Identifier", name });
export const num = (value: number) => ({ type: "NumberLit", value });
export const str = (value: string) => ({ type: "StringLit", value });
export const arg = (value: object) => ({ name: null, value, mutable: false });
export const exprStmt = (expression: object) => ({ type: "ExprStmt", expression });
export const call = (callee: object, ...args: object[]) => ({ type: "Call", callee, args: args.map(arg), command: false });
export const assign = (name: string, value: object) => ({ type: "Assign", target: id(name), value, priv: false });
export const binary = (operator: string, left: object, right: object) => ({ type: "Binary", operator, left, right });
