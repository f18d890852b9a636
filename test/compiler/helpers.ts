// Shared helpers for the compiler-pass tests: parse a snippet, run the analysis, find scopes and
// identifier reads by name, and compile whole programs the way the CLI does (without a map).
import { expect } from "vitest";
import { parse } from "../../compiler/parse/parse.js";
import { analyze, type Analysis, type Scope, type ScopeKind } from "../../compiler/analyze/scopes.js";
import { compile, type CompileOptions, type CompileResult } from "../../compiler/index.js";
import type * as A from "../../compiler/parse/ast.js";

/** Joins lines, so snippets can be written as arrays without caring about indentation. */
export function lines(...text: string[]): string {
  return text.join("\n") + "\n";
}

export function parseProgram(source: string): A.Program {
  const result = parse(source, "t.gr");
  expect(result.diagnostics, `expected the snippet to parse:\n${source}`).toEqual([]);
  return result.program!;
}

export function analyzeSource(source: string): { program: A.Program; analysis: Analysis } {
  const program = parseProgram(source);
  return { program, analysis: analyze(program) };
}

/** Every scope of the analysis, in creation order (module first). */
export function allScopes(analysis: Analysis): Scope[] {
  const out: Scope[] = [];
  const visit = (s: Scope) => {
    out.push(s);
    s.children.forEach(visit);
  };
  visit(analysis.module);
  return out;
}

/** The scope of the (first) `fn NAME` declaration. */
export function fnScope(analysis: Analysis, name: string): Scope {
  const found = allScopes(analysis).find((s) => s.node.type === "FnDecl" && (s.node as A.FnDecl).name === name);
  if (!found) throw new Error(`no scope for fn ${name}`);
  return found;
}

export function scopesOfKind(analysis: Analysis, kind: ScopeKind): Scope[] {
  return allScopes(analysis).filter((s) => s.kind === kind);
}

/** Every Identifier node of the program, in source order. */
export function identifiers(program: A.Program): A.Identifier[] {
  const out: A.Identifier[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    const node = value as { type?: string };
    if (node.type === "Identifier") out.push(node as A.Identifier);
    for (const [key, inner] of Object.entries(value)) if (key !== "loc") visit(inner);
  };
  visit(program.body);
  return out.sort((a, b) => a.loc.start.offset - b.loc.start.offset);
}

/**
 * The analysis' verdict on every read it recorded, as `name@line` strings: those that may see an
 * undefined name (so compiled code checks them) and those proven defined.
 */
export function readFlags(source: string): { maybe: string[]; defined: string[] } {
  const { program, analysis } = analyzeSource(source);
  const maybe: string[] = [];
  const defined: string[] = [];
  for (const node of identifiers(program)) {
    const info = analysis.reads.get(node);
    if (!info) continue;
    (info.maybeUndefined ? maybe : defined).push(`${node.name}@${node.loc.start.line}`);
  }
  return { maybe, defined };
}

export const sorted = (names: Iterable<string>): string[] => [...names].sort();

export const COMPILE_OPTIONS: CompileOptions = { file: "t.gr", sourcemap: "none", runtimeSpecifier: "graphoid-js/runtime" };

/** Compiles a program that must compile, and returns its code. */
export function compileOk(source: string, options: Partial<CompileOptions> = {}): string {
  const result: CompileResult = compile(source, { ...COMPILE_OPTIONS, ...options });
  expect(result.diagnostics, `expected the program to compile:\n${source}`).toEqual([]);
  expect(result.code).not.toBeNull();
  return result.code!;
}

/**
 * The text of the JS function compiled for `fn NAME` (from `function NAME(` to its closing brace
 * at the same indentation), so assertions look at one function only.
 */
export function jsFunction(code: string, name: string): string {
  const lines = code.split("\n");
  const start = lines.findIndex((l) => new RegExp(`function\\*? ${name}\\(`).test(l));
  if (start < 0) throw new Error(`no function ${name} in:\n${code}`);
  // The body's closing line is the first one indented like the header's statement and starting with `}`.
  const header = lines[start]!;
  const indent = header.length - header.trimStart().length;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length - l.trimStart().length <= indent && l.trimStart().startsWith("}")) return lines.slice(start, i + 1).join("\n");
  }
  return lines.slice(start).join("\n");
}
