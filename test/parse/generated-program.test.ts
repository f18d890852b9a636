// The large generated program (also the compiler-throughput benchmark's input) parses and uses
// every node type, and deeply nested constructs parse at all (exponential backtracking would hang
// here). Speed itself is measured in bench/, never asserted in unit tests.
import { describe, expect, it } from "vitest";
import { parse } from "../../compiler/parse/parse.js";
import type { Node } from "../../compiler/parse/ast.js";
import { generateProgram } from "./generate-program.js";

function nodeTypes(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) nodeTypes(item, found);
  else if (value !== null && typeof value === "object") {
    const type = (value as Partial<Node>).type;
    if (typeof type === "string") found.add(type);
    for (const [key, inner] of Object.entries(value)) if (key !== "loc" && key !== "nameLoc") nodeTypes(inner, found);
  }
  return found;
}

describe("the generated program and deep nesting", () => {
  const source = generateProgram(10_000);

  it("the generated program parses and uses every node type", () => {
    const result = parse(source, "generated.gr");
    expect(result.diagnostics).toEqual([]);
    const every = [
      "Program", "ExprStmt", "Assign", "TypedDecl", "FnDecl", "GraphDecl", "If", "While", "For", "Return", "Break",
      "Continue", "Import", "Load", "ModuleDecl", "Configure", "Precision", "Try", "SpawnBlock", "PrivBlock",
      "NumberLit", "StringLit", "SymbolLit", "BoolLit", "NoneLit", "Identifier", "ListLit", "MapLit", "GraphLit",
      "Binary", "Unary", "Logical", "Conditional", "IfExpr", "Match", "Call", "MethodCall", "Member", "Index",
      "Instantiate", "Lambda", "SuperCall", "Raise", "SpawnExpr", "Param", "Annotation", "PatternClause", "CatchClause",
    ];
    expect([...nodeTypes(result.program)].sort()).toEqual([...every].sort());
  });

  it("parses deeply nested constructs (no exponential backtracking)", () => {
    const depth = 150;
    const nested: Record<string, string> = {
      "lambda blocks": "f(x => {\n".repeat(depth) + "1\n" + "})\n".repeat(depth),
      "trailing blocks": "xs.map { |x|\n".repeat(depth) + "1\n" + "}\n".repeat(depth),
      "block lambdas": "g({ |x|\n".repeat(depth) + "1\n" + "})\n".repeat(depth),
      "if statements": "if x {\n".repeat(depth) + "y = 1\n" + "}\n".repeat(depth),
      "command calls": 'describe "x" {\n'.repeat(depth) + "1\n" + "}\n".repeat(depth),
      "promoted blocks": "a.b {\n".repeat(depth) + "1\n" + "}\n".repeat(depth),
      "parentheses": "x = " + "(".repeat(depth) + "1" + ")".repeat(depth),
      "maps": "x = " + '{"a": '.repeat(depth) + "1" + "}".repeat(depth),
      "if expressions": "x = " + "if a { ".repeat(depth) + "1" + " } else { 2 }".repeat(depth),
      "instantiations": "x = " + "P { a: ".repeat(depth) + "1" + " }".repeat(depth),
      "graphs": "graph G from F {\n fn m() {\n".repeat(depth) + "1\n" + "}\n}\n".repeat(depth),
      "a failing statement deep inside": "f(x => {\n".repeat(depth) + "1 +\n" + "})\n".repeat(depth),
    };
    for (const [name, text] of Object.entries(nested)) {
      const result = parse(text, "nested.gr");
      expect(result.program !== null || result.diagnostics.length === 1, name).toBe(true);
    }
  }, 60_000);
});
