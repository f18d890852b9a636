// Declarations (`.d.ts`) for a compiled module, built as a TypeScript AST with the TypeScript
// compiler API and printed by its printer. `typescript` is loaded only when declarations are
// requested (compile(…, { dts: true }), `graphoid build --dts`); nothing else needs it, and the
// runtime never does.
//
// A compiled module exports `load(module)` (the runtime's loader runs its top level) and `info`.
// The declaration adds `Exports`: the module's public top-level names as `load()` from
// `graphoid-js/run` returns them (functions as JS functions, values converted by `toJS`), typed
// from what the source states — `num x`, literals, parameter lists — and `unknown` otherwise.
// `info.exports` is a type-only member that carries `Exports` to `load()`.
import type * as TS from "typescript";
import type * as A from "../parse/ast.js";

type TypeScript = typeof TS;

let loaded: TypeScript | null = null;

/** Loads `typescript` synchronously, the first time declarations are asked for. */
export function typescript(): TypeScript {
  if (loaded) return loaded;
  type Req = (id: string) => unknown;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = proc?.getBuiltinModule?.("node:module") as { createRequire(from: string): Req } | undefined;
  const req: Req | undefined =
    nodeModule?.createRequire(import.meta.url) ?? (typeof require === "function" ? (require as Req) : undefined);
  if (!req) throw new Error("declarations need Node.js (the `typescript` package is loaded on demand)");
  try {
    loaded = req("typescript") as TypeScript;
  } catch {
    throw new Error("declarations need the `typescript` package: npm install --save-dev typescript");
  }
  return loaded;
}

/** One public name of the module and what its declaration says. */
export type ExportShape =
  | { kind: "function"; name: string; signatures: { params: string[]; rest: boolean }[] }
  | { kind: "value"; name: string; type: ValueType };

type ValueType = "number" | "string" | "boolean" | "null" | "list" | "hash" | "function" | "unknown" | { list: ValueType };

/** The module's public top-level names, in order of first appearance. */
export function exportShapes(program: A.Program): ExportShape[] {
  const shapes = new Map<string, ExportShape>();
  const value = (name: string, type: ValueType) => {
    const prev = shapes.get(name);
    if (prev === undefined) shapes.set(name, { kind: "value", name, type });
    else if (prev.kind !== "value" || JSON.stringify(prev.type) !== JSON.stringify(type)) shapes.set(name, { kind: "value", name, type: "unknown" });
  };
  for (const s of program.body) {
    if (s.type === "FnDecl") {
      if (s.receiver !== null || s.priv || s.name.startsWith("__")) continue;
      const signature = s.clauses ? { params: ["value"], rest: false } : { params: s.params.map((p) => p.name), rest: s.params.some((p) => p.variadic) };
      const prev = shapes.get(s.name);
      if (prev === undefined) shapes.set(s.name, { kind: "function", name: s.name, signatures: [signature] });
      else if (prev.kind === "function") {
        const same = prev.signatures.findIndex((g) => g.params.length === signature.params.length);
        if (same >= 0) prev.signatures[same] = signature;
        else prev.signatures.push(signature);
      } else shapes.set(s.name, { kind: "value", name: s.name, type: "unknown" });
    } else if (s.type === "Assign" && s.target.type === "Identifier" && !s.priv && !s.target.name.startsWith("__")) {
      if (s.value.type === "Lambda") {
        const lambda = s.value;
        if (!shapes.has(s.target.name)) shapes.set(s.target.name, { kind: "function", name: s.target.name, signatures: [{ params: lambda.params, rest: false }] });
        else value(s.target.name, "unknown");
      } else value(s.target.name, literalType(s.value));
    } else if (s.type === "TypedDecl" && !s.priv && !s.name.startsWith("__")) {
      value(s.name, declaredType(s.typeWord, s.typeParam));
    } else if (s.type === "GraphDecl" && !s.name.startsWith("__")) {
      value(s.name, "unknown");
    }
  }
  return [...shapes.values()];
}

function literalType(e: A.Expression): ValueType {
  switch (e.type) {
    case "NumberLit":
      return "number";
    case "StringLit":
      return "string";
    case "BoolLit":
      return "boolean";
    case "NoneLit":
      return "null";
    case "ListLit":
      return "list";
    case "MapLit":
      return "hash";
    default:
      return "unknown";
  }
}

function declaredType(word: A.TypeWord, param: string | null): ValueType {
  switch (word) {
    case "num":
      return "number";
    case "string":
      return "string";
    case "bool":
      return "boolean";
    case "list":
      return param === null || param.startsWith(":") ? "list" : { list: declaredType(param as A.TypeWord, null) };
    case "map":
      return "hash";
    default:
      return "unknown";
  }
}

/** The declaration of a compiled module (`compile(…, { dts: true })`). */
export function generateDts(program: A.Program): string {
  const ts = typescript();
  const f = ts.factory;
  const shapes = exportShapes(program);
  const declare = [f.createModifier(ts.SyntaxKind.ExportKeyword), f.createModifier(ts.SyntaxKind.DeclareKeyword)];
  const exportsRef = f.createTypeReferenceNode("Exports");

  const info = f.createVariableStatement(
    declare,
    f.createVariableDeclarationList(
      [
        f.createVariableDeclaration(
          "info",
          undefined,
          f.createTypeLiteralNode([
            readonlyProp(ts, "file", keyword(ts, ts.SyntaxKind.StringKeyword)),
            readonlyProp(ts, "tasks", keyword(ts, ts.SyntaxKind.BooleanKeyword)),
            withDoc(ts, readonlyProp(ts, "exports", exportsRef, true), "Type only: the module's public names, for `load()` from graphoid-js/run."),
          ]),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  const load = withDoc(
    ts,
    f.createFunctionDeclaration(
      declare,
      undefined,
      "load",
      undefined,
      [f.createParameterDeclaration(undefined, undefined, "module", undefined, keyword(ts, ts.SyntaxKind.ObjectKeyword))],
      keyword(ts, ts.SyntaxKind.VoidKeyword),
      undefined,
    ),
    "Runs the module's top level; called by the runtime's module loader (use `run` or `load` from graphoid-js/run).",
  );
  const statements: TS.Statement[] = [exportsInterface(ts, shapes), info, load];
  return print(ts, statements);
}

/**
 * The declaration of a `graphoid build` bundle: the main module's `Exports`, and the bundle's own
 * `load()` / `run()` (bound to the runtime inside the bundle); browser bundles also export the
 * status of the run they start when loaded.
 */
export function generateBundleDts(program: A.Program, target: "node" | "browser"): string {
  const ts = typescript();
  const f = ts.factory;
  const declare = [f.createModifier(ts.SyntaxKind.ExportKeyword), f.createModifier(ts.SyntaxKind.DeclareKeyword)];
  const statusType = f.createUnionTypeNode([f.createLiteralTypeNode(f.createNumericLiteral(0)), f.createLiteralTypeNode(f.createNumericLiteral(1))]);
  const runResult = f.createTypeLiteralNode([
    readonlyProp(ts, "status", statusType),
    readonlyProp(ts, "error", f.createUnionTypeNode([keyword(ts, ts.SyntaxKind.StringKeyword), f.createLiteralTypeNode(f.createNull())])),
  ]);
  const runOptions = f.createTypeLiteralNode([
    prop(ts, "deterministic", keyword(ts, ts.SyntaxKind.BooleanKeyword), true),
    prop(ts, "reportError", keyword(ts, ts.SyntaxKind.BooleanKeyword), true),
  ]);
  const statements: TS.Statement[] = [
    exportsInterface(ts, exportShapes(program)),
    withDoc(
      ts,
      f.createFunctionDeclaration(declare, undefined, "load", undefined, [], f.createTypeReferenceNode("Exports"), undefined),
      "Runs the program's main module as an import (once) and returns its public names.",
    ),
    withDoc(
      ts,
      f.createFunctionDeclaration(
        declare,
        undefined,
        "run",
        undefined,
        [f.createParameterDeclaration(undefined, undefined, "options", f.createToken(ts.SyntaxKind.QuestionToken), runOptions)],
        runResult,
        undefined,
      ),
      "Runs the program as the main program.",
    ),
  ];
  if (target === "browser") {
    statements.push(
      withDoc(
        ts,
        f.createVariableStatement(declare, f.createVariableDeclarationList([f.createVariableDeclaration("status", undefined, statusType)], ts.NodeFlags.Const)),
        "Exit status of the run started when the bundle was loaded.",
      ),
    );
  }
  return print(ts, statements);
}

function exportsInterface(ts: TypeScript, shapes: ExportShape[]): TS.InterfaceDeclaration {
  const f = ts.factory;
  const members: TS.TypeElement[] = [];
  for (const shape of shapes) {
    if (shape.kind === "function") {
      // A property of a function type (an overload set when the name has several arities).
      const signatures = shape.signatures.map((sig) =>
        f.createCallSignature(undefined, sig.params.map((p, i) => param(ts, p, sig.rest && i === sig.params.length - 1)), unknown(ts)),
      );
      members.push(readonlyProp(ts, shape.name, f.createTypeLiteralNode(signatures)));
    } else {
      members.push(readonlyProp(ts, shape.name, valueType(ts, shape.type)));
    }
  }
  return withDoc(
    ts,
    f.createInterfaceDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], "Exports", undefined, undefined, members),
    "The module's public names, as JavaScript values (see `toJS` in graphoid-js/run).",
  );
}

function param(ts: TypeScript, name: string, rest: boolean): TS.ParameterDeclaration {
  const f = ts.factory;
  const id = safeName(name);
  if (rest) return f.createParameterDeclaration(undefined, f.createToken(ts.SyntaxKind.DotDotDotToken), id, undefined, f.createArrayTypeNode(unknown(ts)));
  // Graphoid fills missing arguments with none or their default: every parameter is optional.
  return f.createParameterDeclaration(undefined, undefined, id, f.createToken(ts.SyntaxKind.QuestionToken), unknown(ts));
}

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval".split(" "),
);

function safeName(name: string): string {
  return RESERVED.has(name) ? name + "_" : name;
}

function valueType(ts: TypeScript, type: ValueType): TS.TypeNode {
  const f = ts.factory;
  if (typeof type === "object") return f.createArrayTypeNode(valueType(ts, type.list));
  switch (type) {
    case "number":
      return keyword(ts, ts.SyntaxKind.NumberKeyword);
    case "string":
      return keyword(ts, ts.SyntaxKind.StringKeyword);
    case "boolean":
      return keyword(ts, ts.SyntaxKind.BooleanKeyword);
    case "null":
      return f.createLiteralTypeNode(f.createNull());
    case "list":
      return f.createArrayTypeNode(unknown(ts));
    case "hash":
      return f.createTypeReferenceNode("Record", [keyword(ts, ts.SyntaxKind.StringKeyword), unknown(ts)]);
    case "function":
      return f.createTypeReferenceNode("Function");
    default:
      return unknown(ts);
  }
}

function keyword(ts: TypeScript, kind: TS.KeywordTypeSyntaxKind): TS.KeywordTypeNode {
  return ts.factory.createKeywordTypeNode(kind);
}

function unknown(ts: TypeScript): TS.TypeNode {
  return keyword(ts, ts.SyntaxKind.UnknownKeyword);
}

function propName(ts: TypeScript, name: string): TS.PropertyName {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? ts.factory.createIdentifier(name) : ts.factory.createStringLiteral(name);
}

function prop(ts: TypeScript, name: string, type: TS.TypeNode, optional = false): TS.PropertySignature {
  const f = ts.factory;
  return f.createPropertySignature(undefined, propName(ts, name), optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined, type);
}

function readonlyProp(ts: TypeScript, name: string, type: TS.TypeNode, optional = false): TS.PropertySignature {
  const f = ts.factory;
  return f.createPropertySignature(
    [f.createModifier(ts.SyntaxKind.ReadonlyKeyword)],
    propName(ts, name),
    optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    type,
  );
}

function withDoc<T extends TS.Node>(ts: TypeScript, node: T, text: string): T {
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, `* ${text} `, true);
}

function print(ts: TypeScript, statements: TS.Statement[]): string {
  const file = ts.factory.createSourceFile(statements, ts.factory.createToken(ts.SyntaxKind.EndOfFileToken), ts.NodeFlags.None);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  return "// Generated by graphoid-js. Do not edit.\n" + printer.printFile(file);
}
