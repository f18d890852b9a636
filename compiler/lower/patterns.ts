// Pattern matching: `match` expressions (core.md §5.5), pattern-clause function bodies (§6.7) and
// the syntax description handed to `reflect.pattern` (runtime.md §3.5).
import type * as A from "../parse/ast.js";
import type { FnCtx, ModuleState } from "./context.js";
import type { IrExpr, IrStmt } from "./ir.js";
import { NONE, and, array, binary, constVar, id, ifStmt, lit, member, ret, rtCall } from "./build.js";
import { writeName } from "./names.js";
import { lowerExpr, inlineBlock, truthy } from "./expressions.js";
import { alternatives } from "./lower.js";

function literalTest(subject: IrExpr, value: number | string | boolean | null): IrExpr {
  if (typeof value === "number") return rtCall("matchNumber", [subject, lit(value)]);
  return binary("===", subject, lit(value));
}

/** The test for one pattern, and the bindings it makes when it matches. */
function patternCode(m: ModuleState, ctx: FnCtx, p: A.MatchPattern, subject: IrExpr): { test: IrExpr | null; binds: IrStmt[] } {
  switch (p.kind) {
    case "wildcard":
      return { test: null, binds: [] };
    case "literal":
      return { test: literalTest(subject, p.value), binds: [] };
    case "bind":
      return { test: null, binds: writeName(m, ctx, p.name, rtCall("share", [subject]), p.loc) };
    case "list": {
      const items = member(subject, "items");
      const length = member(items, "length");
      const tests: IrExpr[] = [rtCall("isList", [subject])];
      tests.push(p.rest ? binary(">=", length, lit(p.items.length)) : binary("===", length, lit(p.items.length)));
      const binds: IrStmt[] = [];
      p.items.forEach((item, i) => {
        const element: IrExpr = { kind: "index", object: items, index: lit(i) };
        // Nested list sub-patterns are not checked (core.md §5.5).
        if (item.kind === "literal") tests.push(literalTest(element, item.value));
        else if (item.kind === "bind") binds.push(...writeName(m, ctx, item.name, rtCall("share", [element]), item.loc));
      });
      if (p.rest) {
        binds.push(...writeName(m, ctx, p.rest.name ?? "_", rtCall("listRest", [subject, lit(p.items.length)]), p.loc));
      }
      return { test: tests.reduce((a, b) => and(a, b)), binds };
    }
  }
}

export function lowerMatch(m: ModuleState, ctx: FnCtx, e: A.Match): IrExpr {
  const subject = m.fresh("subject");
  const body: IrStmt[] = [constVar(subject, lowerExpr(m, ctx, e.subject))];
  // Each arm is an alternative path; so is matching none of them.
  const arms = alternatives(ctx, [
    ...e.arms.map((arm) => () => {
      const { test, binds } = patternCode(m, ctx, arm.pattern, id(subject));
      return { test, then: [...binds, ret(lowerExpr(m, ctx, arm.body), arm.loc)], loc: arm.loc };
    }),
    () => null,
  ]);
  for (const arm of arms) {
    if (arm === null) continue;
    if (arm.test === null) {
      body.push(...arm.then);
      break;
    }
    body.push(ifStmt(arm.test, arm.then, null, arm.loc));
  }
  body.push(ret(NONE));
  return inlineBlock(ctx, body, e.loc);
}

/** A function body of `|pattern| if guard => expr` clauses, matched against the first argument. */
export function lowerClauses(m: ModuleState, ctx: FnCtx, clauses: A.PatternClause[], params: string[], loc: A.Loc): IrStmt[] {
  const arg = params.length > 0 ? id(params[0]!) : NONE;
  const out: IrStmt[] = [];
  for (const c of clauses) {
    const p = c.pattern;
    const test = p.kind === "literal" ? literalTest(arg, p.value) : null;
    const binds = p.kind === "bind" ? writeName(m, ctx, p.name, arg, p.loc) : [];
    const result = ret(lowerExpr(m, ctx, c.body), c.loc);
    const guarded: IrStmt[] = c.guard ? [...binds, ifStmt(truthy(m, ctx, c.guard), [result])] : [...binds, result];
    out.push(test ? ifStmt(test, guarded, null, c.loc) : { kind: "block", body: guarded, loc: c.loc });
  }
  out.push(ret(NONE, loc));
  return out;
}

// ---------------------------------------------------------------- reflect.pattern

function describeElement(e: A.Expression): IrExpr {
  switch (e.type) {
    case "Identifier":
      return e.name === "_"
        ? { kind: "object", props: [{ key: "type", value: lit("wildcard") }] }
        : { kind: "object", props: [{ key: "type", value: lit("binding") }, { key: "name", value: lit(e.name) }] };
    case "NumberLit":
    case "StringLit":
    case "BoolLit":
      return { kind: "object", props: [{ key: "type", value: lit("literal") }, { key: "value", value: lit(e.value) }] };
    case "NoneLit":
      return { kind: "object", props: [{ key: "type", value: lit("literal") }, { key: "value", value: lit(null) }] };
    case "SymbolLit":
      return { kind: "object", props: [{ key: "type", value: lit("literal") }, { key: "value", value: rtCall("sym", [lit(e.name)]) }] };
    default:
      return { kind: "object", props: [{ key: "type", value: lit("expression") }] };
  }
}

/** The syntax of `reflect.pattern`'s first argument, as data for the runtime to build the graph from. */
export function reflectPatternDescription(e: A.Expression): IrExpr {
  if (e.type === "MapLit") {
    return {
      kind: "object",
      props: [
        { key: "shape", value: lit("map") },
        { key: "keys", value: array(e.entries.map((x) => lit(x.key))) },
        { key: "items", value: array(e.entries.map((x) => describeElement(x.value))) },
      ],
    };
  }
  if (e.type === "ListLit") {
    return {
      kind: "object",
      props: [
        { key: "shape", value: lit("list") },
        { key: "items", value: array(e.elements.map(describeElement)) },
      ],
    };
  }
  const single = e.type === "Identifier" || e.type.endsWith("Lit") ? describeElement(e) : null;
  return {
    kind: "object",
    props: [
      { key: "shape", value: lit(single ? "single" : "other") },
      { key: "items", value: array(single ? [single] : []) },
    ],
  };
}
