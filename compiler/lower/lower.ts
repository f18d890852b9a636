// Lowering: the analysed AST of one module becomes the IR of one ES module. This file holds the
// module shape and statements; expressions.ts, functions.ts, calls.ts and patterns.ts the rest.
import type * as A from "../parse/ast.js";
import type { Analysis } from "../analyze/scopes.js";
import { PREDEFINED } from "../analyze/builtins.js";
import { CompileError, diagnostic } from "../diagnostics/diagnostic.js";
import type { IrExpr, IrModule, IrStmt } from "./ir.js";
import { type FnCtx, type LowerOptions, ModuleState, jsName } from "./context.js";
import {
  NONE,
  UNDEF,
  array,
  assign,
  binary,
  constVar,
  exprStmt,
  fn,
  id,
  ifStmt,
  letVar,
  lit,
  not,
  rtCall,
  ret,
  throwStmt,
} from "./build.js";
import { FN_TABLE, MODULE, bindingRef, readName, writeName } from "./names.js";
import { lowerExpr, lowerValue, truthy, storedValue } from "./expressions.js";
import { lowerFnDecl, lowerGraphDecl, lowerSpawnBlock } from "./functions.js";
import { lowerAssignTarget } from "./assign.js";
import { RuleFacts, forgetChangedBy, mergeFacts, rulesOf } from "./rules.js";
import { forEachBinding } from "../analyze/bindings.js";

export function lower(program: A.Program, analysis: Analysis, options: LowerOptions): IrModule {
  const m = new ModuleState(analysis, options);
  const ctx: FnCtx = {
    scope: analysis.module,
    parent: null,
    vars: new Map(),
    gen: false,
    self: null,
    ownerClass: null,
    classProps: null,
    rules: new RuleFacts(),
    temps: [],
    loops: 0,
    statementLabel: null,
    isFunction: false,
    returnsLastValue: false,
  };
  const names = new Set([...analysis.module.assigned, ...analysis.module.read]);
  if (options.dynamicScope) return lowerDynamicLoad(m, ctx, program, names);
  for (const name of names) ctx.vars.set(name, { kind: "module", js: jsName(name) });

  const body: IrStmt[] = [
    // The module's function table: every `fn` name, for registry calls (core.md §6.9) and hot reload.
    constVar(FN_TABLE, rtCall("fnTable", [id(MODULE), fnSlots(analysis)])),
  ];
  // `reflect.call_graph()` needs every call counted; only programs that ask pay for it.
  if (analysis.usesCallGraph) body.push(exprStmt(rtCall("enableCallTracing", [])));
  for (const name of names) {
    // `__name`s the module never assigns come from its importers (core.md §8.1).
    const inherited = PREDEFINED.has(name) || (name.startsWith("__") && !analysis.module.assigned.has(name));
    const init = inherited ? rtCall("predefined", [id(MODULE), lit(name)]) : null;
    body.push(letVar(jsName(name), init));
  }
  body.push(...topLevel(m, ctx, program.body, 1)); // in the body of `$load`
  const exported = [...analysis.module.assigned].map((n) => ({ key: n, value: id(jsName(n)) }));
  body.push(exprStmt(rtCall("finishModule", [id(MODULE), { kind: "object", props: exported }])));

  const load = fn("$load", [MODULE], [...declareTemps(ctx), ...body]);
  const info = constVar("$info", {
    kind: "object",
    props: [
      { key: "file", value: lit(options.file) },
      { key: "tasks", value: lit(analysis.usesTasks) },
    ],
  });
  return {
    imports: [{ name: "$rt", specifier: options.runtimeSpecifier }, ...m.imports],
    body: [...m.hoisted, info, constVar("$load", load)],
    exports: [
      { local: "$info", exported: "info" },
      { local: "$load", exported: "load" },
    ],
    needsCompiler: m.needsCompiler,
  };
}

/**
 * A file run by `load <computed path>`: its top-level names are the loading scope's variables,
 * reached through `$env`; the result is the body of `function ($rt, $m, $env)`.
 */
function lowerDynamicLoad(m: ModuleState, ctx: FnCtx, program: A.Program, names: Set<string>): IrModule {
  for (const name of names) ctx.vars.set(name, { kind: "env", js: jsName(name) });
  const body = [constVar(FN_TABLE, rtCall("loadedFnTable", [fnSlots(m.analysis)])), ...topLevel(m, ctx, program.body, 0)];
  return { imports: [], body: [...m.hoisted, ...declareTemps(ctx), ...body], exports: [] };
}

/** The function table's slots as an object literal, so the table has a fixed shape (runtime/functions.ts). */
function fnSlots(analysis: Analysis): IrExpr {
  return { kind: "object", props: [...analysis.fnNames.keys()].map((n) => ({ key: n, value: lit(null) })) };
}

/**
 * Lowers alternative paths (branches): each starts from the rule facts before them, and afterwards
 * only what every path agrees on is known.
 */
export function alternatives<T>(ctx: FnCtx, paths: (() => T)[]): T[] {
  const before = ctx.rules;
  const layers: RuleFacts[] = [];
  const out = paths.map((lowerPath) => {
    ctx.rules = before.layer();
    layers.push(ctx.rules);
    return lowerPath();
  });
  ctx.rules = before;
  mergeFacts(before, layers);
  return out;
}

/** A loop body may run any number of times: afterwards, what held before and after it. */
function loopBody<T>(ctx: FnCtx, lowerBody: () => T): T {
  const before = ctx.rules;
  ctx.rules = before.layer();
  const result = lowerBody();
  const after = ctx.rules;
  ctx.rules = before;
  // The two paths: around the body (an empty layer) and through it.
  mergeFacts(before, [before.layer(), after]);
  return result;
}

export function declareTemps(ctx: FnCtx): IrStmt[] {
  return ctx.temps.length > 0 ? ctx.temps.map((t) => letVar(t, null)) : [];
}

export function temp(m: ModuleState, ctx: FnCtx, prefix = "t"): string {
  const name = m.fresh(prefix);
  ctx.temps.push(name);
  return name;
}

/**
 * Top-level statements. A top-level `return` only ends the statement it is in (core.md §1), so a
 * statement containing one is wrapped in a labelled block that the return breaks out of.
 */
/** The module's statements, printed at indentation `depth` (see `LowerOptions.settle`). */
function topLevel(m: ModuleState, ctx: FnCtx, list: A.Statement[], depth: number): IrStmt[] {
  const out: IrStmt[] = [];
  const settle = m.options.settle;
  for (const s of list) {
    let lowered: IrStmt[];
    if (containsTopLevelReturn(s)) {
      const label = m.fresh("stmt");
      ctx.statementLabel = label;
      lowered = [{ kind: "labeled", label, body: { kind: "block", body: lowerStmt(m, ctx, s) } }];
      ctx.statementLabel = null;
    } else {
      lowered = lowerStmt(m, ctx, s);
    }
    if (settle) out.push(settle(lowered, depth));
    else out.push(...lowered);
  }
  return out;
}

function containsTopLevelReturn(s: A.Statement): boolean {
  switch (s.type) {
    case "Return":
      return true;
    case "If":
      return s.consequent.some(containsTopLevelReturn) || (s.alternate ?? []).some(containsTopLevelReturn);
    case "While":
    case "For":
    case "Precision":
    case "PrivBlock":
      return s.body.some(containsTopLevelReturn);
    case "Configure":
      return (s.body ?? []).some(containsTopLevelReturn);
    case "Try":
      return (
        s.body.some(containsTopLevelReturn) ||
        s.handlers.some((h) => h.body.some(containsTopLevelReturn)) ||
        (s.finalizer ?? []).some(containsTopLevelReturn)
      );
    default:
      return false;
  }
}

export function lowerStmts(m: ModuleState, ctx: FnCtx, list: A.Statement[]): IrStmt[] {
  const out: IrStmt[] = [];
  for (const s of list) out.push(...lowerStmt(m, ctx, s));
  return out;
}

export function lowerStmt(m: ModuleState, ctx: FnCtx, s: A.Statement): IrStmt[] {
  switch (s.type) {
    case "ExprStmt":
      return [exprStmt(discardValue(lowerExpr(m, ctx, s.expression)), s.loc)];
    case "Assign":
      return lowerAssign(m, ctx, s);
    case "TypedDecl": {
      let value = storedValue(m, ctx, s.value);
      if (s.typeWord === "bignum") value = rtCall("toBignum", [value]);
      return writeName(m, ctx, s.name, integerMode(m, value), s.loc);
    }
    case "FnDecl":
      return lowerFnDecl(m, ctx, s);
    case "GraphDecl":
      return lowerGraphDecl(m, ctx, s);
    case "If": {
      const test = truthy(m, ctx, s.test);
      const [then, otherwise] = alternatives(ctx, [() => lowerStmts(m, ctx, s.consequent), () => (s.alternate ? lowerStmts(m, ctx, s.alternate) : null)]);
      return [ifStmt(test, then!, otherwise ?? null, s.loc)];
    }
    case "While":
      ctx.loops++;
      forgetChangedBy(m, ctx, s.body);
      try {
        return [{ kind: "while", test: truthy(m, ctx, s.test), body: loopBody(ctx, () => lowerStmts(m, ctx, s.body)), loc: s.loc }];
      } finally {
        ctx.loops--;
      }
    case "For":
      return lowerFor(m, ctx, s);
    case "Return":
      return lowerReturn(m, ctx, s);
    case "Break":
    case "Continue":
      if (ctx.loops > 0) return [{ kind: s.type === "Break" ? "break" : "continue", label: null, loc: s.loc }];
      return [throwStmt(rtCall("loopControl", [lit(s.type === "Break" ? "break" : "continue")]), s.loc)];
    case "Import":
      return lowerImport(m, ctx, s);
    case "Load":
      return lowerLoad(m, ctx, s);
    case "ModuleDecl":
      return [exprStmt(rtCall("declareModule", [id(MODULE), lit(s.name), lit(s.alias)], s.loc), s.loc)];
    case "Configure":
      return lowerConfigure(m, ctx, s);
    case "Precision":
      return lowerStmts(m, ctx, s.body);
    case "Try":
      return lowerTry(m, ctx, s);
    case "SpawnBlock":
      return [exprStmt(rtCall("spawnTask", [lowerSpawnBlock(m, ctx, s)], s.loc), s.loc)];
    case "PrivBlock": {
      const out = lowerStmts(m, ctx, s.body);
      for (const name of privNames(s.body)) out.push(exprStmt(rtCall("markPrivate", [id(MODULE), lit(name)])));
      return out;
    }
  }
}

function privNames(list: A.Statement[]): string[] {
  const out: string[] = [];
  for (const s of list) {
    if (s.type === "Assign" && s.target.type === "Identifier") out.push(s.target.name);
    else if (s.type === "TypedDecl" || (s.type === "FnDecl" && s.receiver === null) || s.type === "GraphDecl") out.push(s.name);
    else if (s.type === "PrivBlock") out.push(...privNames(s.body));
  }
  return out;
}

/** `:integer` mode truncates every stored number (core.md §9.1); only modules that use it pay. */
export function integerMode(m: ModuleState, value: IrExpr): IrExpr {
  return m.analysis.usesIntegerMode ? rtCall("storeValue", [value]) : value;
}

function lowerAssign(m: ModuleState, ctx: FnCtx, s: A.Assign): IrStmt[] {
  const out: IrStmt[] = [];
  if (s.target.type === "Identifier") {
    const rules = ctx.self === null ? rulesOf(ctx.rules, s.value) : null;
    out.push(...writeName(m, ctx, s.target.name, integerMode(m, storedValue(m, ctx, s.value)), s.loc));
    if (rules !== null) ctx.rules.set(s.target.name, rules);
  } else {
    const integer = m.analysis.usesIntegerMode;
    out.push(...lowerAssignTarget(m, ctx, s.target, integerMode(m, storedValue(m, ctx, s.value)), s.loc, integer ? null : s.value));
  }
  if (s.priv && s.target.type === "Identifier") out.push(exprStmt(rtCall("markPrivate", [id(MODULE), lit(s.target.name)])));
  return out;
}

function lowerFor(m: ModuleState, ctx: FnCtx, s: A.For): IrStmt[] {
  const iterable = lowerExpr(m, ctx, s.iterable);
  const item = m.fresh("item");
  ctx.loops++;
  forgetChangedBy(m, ctx, s.body);
  try {
    const body = loopBody(ctx, () => [...writeName(m, ctx, s.variable, id(item), s.variableLoc), ...lowerStmts(m, ctx, s.body)]);
    if (ctx.gen) {
      // Channels suspend the task between items.
      const iter = m.fresh("it");
      return [
        constVar(iter, rtCall("iterTask", [iterable], s.loc), s.loc),
        {
          kind: "while",
          test: lit(true),
          body: [
            constVar(item, { kind: "yield", delegate: true, value: rtCall("nextTask", [id(iter)]) }),
            ifStmt(binary("===", id(item), UNDEF), [{ kind: "break", label: null }]),
            ...body,
          ],
          loc: s.loc,
        },
      ];
    }
    return [{ kind: "forOf", declKind: "const", name: item, iterable: rtCall("iter", [iterable], s.loc), body, loc: s.loc }];
  } finally {
    ctx.loops--;
  }
}

function lowerReturn(m: ModuleState, ctx: FnCtx, s: A.Return): IrStmt[] {
  const value = s.value ? returnedValue(m, ctx, s.value) : NONE;
  if (ctx.isFunction) return [ret(value, s.loc)];
  // Top level: evaluate, then end the enclosing top-level statement.
  const out: IrStmt[] = [exprStmt(value, s.loc)];
  if (ctx.statementLabel) out.push({ kind: "break", label: ctx.statementLabel });
  return out;
}

/** An expression statement's value is unused: `x = f(), null` needs no trailing `null`. */
function discardValue(e: IrExpr): IrExpr {
  if (e.kind === "seq" && e.exprs.length > 1 && e.exprs[e.exprs.length - 1]!.kind === "literal") {
    return e.exprs.length === 2 ? e.exprs[0]! : { ...e, exprs: e.exprs.slice(0, -1) };
  }
  return e;
}

/**
 * A returned parameter or plain local dies with the call, so the caller becomes its only holder:
 * no copy-on-write mark. Anything else (captured, persistent, a property) stays held elsewhere.
 */
function returnedValue(m: ModuleState, ctx: FnCtx, e: A.Expression): IrExpr {
  if (e.type === "Identifier" && ctx.isFunction && ctx.self === null) {
    const b = ctx.vars.get(e.name);
    if (b && (b.kind === "param" || b.kind === "local")) return lowerExpr(m, ctx, e);
  }
  return storedValue(m, ctx, e);
}

function lowerImport(m: ModuleState, ctx: FnCtx, s: A.Import): IrStmt[] {
  const resolved = m.options.resolveImport(s.path, s.loc);
  let moduleValue: IrExpr;
  if (resolved.kind === "compiled") {
    const ns = m.importModule(resolved.specifier);
    moduleValue = rtCall("importCompiled", [id(MODULE), lit(resolved.key), id(ns), lit(s.path)], s.loc);
  } else if (resolved.kind === "native") {
    moduleValue = rtCall("importNative", [id(MODULE), lit(resolved.name), lit(s.path)], s.loc);
  } else if (resolved.kind === "unavailable") {
    moduleValue = rtCall("moduleUnavailable", [lit(s.path)], s.loc);
  } else if (resolved.kind === "broken") {
    moduleValue = rtCall("moduleBroken", [lit(s.path), lit(resolved.message)], s.loc);
  } else {
    moduleValue = rtCall("moduleNotFound", [lit(s.path)], s.loc);
  }
  if (s.items) {
    const tmp = m.fresh("imp");
    const out: IrStmt[] = [constVar(tmp, moduleValue, s.loc)];
    for (const item of s.items) {
      out.push(...writeName(m, ctx, item.alias ?? item.name, rtCall("importItem", [id(tmp), lit(item.name), lit(s.path)], item.loc), item.loc));
    }
    return out;
  }
  const binding = s.alias ?? resolved.binding;
  return writeName(m, ctx, binding, moduleValue, s.loc);
}

/** `load "file.gr"` runs the file's statements here, so it is compiled in place (core.md §8.4). */
function lowerLoad(m: ModuleState, ctx: FnCtx, s: A.Load): IrStmt[] {
  if (s.path.type !== "StringLit") {
    // A computed path: the file is compiled when the statement runs (if the host can compile),
    // with access to this scope's variables.
    const vars = [...ctx.vars.entries()].filter(([n]) => n !== "self");
    const getters = vars.map(([n, b]) => fn(null, [], [ret(bindingRef(b, n))], { arrow: true }));
    const setters = vars.map(([n]) => fn(null, ["$value"], writeName(m, ctx, n, id("$value"), s.loc), { arrow: true }));
    const env = rtCall("scopeEnv", [array(vars.map(([n]) => lit(n))), array(getters), array(setters)]);
    m.needsCompiler = true;
    return [exprStmt(rtCall("loadDynamic", [id(MODULE), lowerExpr(m, ctx, s.path), env], s.loc), s.loc)];
  }
  if (!s.resolved) return [exprStmt(rtCall("loadFailed", [lit(s.path.value), lit(s.failure ?? null)], s.loc), s.loc)];
  return lowerStmts(m, ctx, s.resolved);
}

function lowerConfigure(m: ModuleState, ctx: FnCtx, s: A.Configure): IrStmt[] {
  const entries: IrExpr[] = s.settings.map((setting) =>
    setting.kind === "flag"
      ? array([lit(":" + setting.name), NONE])
      : array([lit(setting.key), lowerExpr(m, ctx, setting.value)]),
  );
  const apply = rtCall("configure", [array(entries)], s.loc);
  if (!s.body) return [exprStmt(apply, s.loc)];
  const saved = m.fresh("cfg");
  return [
    constVar(saved, apply, s.loc),
    { kind: "try", body: lowerStmts(m, ctx, s.body), param: null, handler: null, finalizer: [exprStmt(rtCall("restoreSettings", [id(saved)]))], loc: s.loc },
  ];
}

/**
 * `try`/`catch`/`finally`. Clauses are tried in order by error type; an unmatched error is
 * rethrown after `finally`; errors inside `finally` are discarded (core.md §7.3). A catch body is
 * a child scope: names it creates vanish at its end (core.md §5.1).
 */
function lowerTry(m: ModuleState, ctx: FnCtx, s: A.Try): IrStmt[] {
  // Any statement of the body may be the last to run: forget what the whole statement may change.
  forgetChangedBy(m, ctx, [s.body, ...s.handlers.map((h) => h.body), s.finalizer ?? []].flat());
  const body = lowerStmts(m, ctx, s.body);
  let handler: IrStmt[] | null = null;
  const param = m.fresh("e");
  if (s.handlers.length > 0) {
    const err = m.fresh("err");
    handler = [constVar(err, rtCall("caught", [id(param)]))];
    let chain: IrStmt[] = [throwStmt(id(param))];
    for (const h of [...s.handlers].reverse()) {
      const clause: IrStmt[] = [];
      const created = catchCreatedNames(m, ctx, h).filter((n) => ctx.vars.get(n)!.kind !== "env");
      const had = new Map<string, string>();
      for (const name of created) {
        const flag = m.fresh("had");
        had.set(name, flag);
        clause.push(constVar(flag, binary("!==", id(ctx.vars.get(name)!.js), UNDEF)));
      }
      if (h.binding) clause.push(...writeName(m, ctx, h.binding, id(err), h.loc));
      clause.push(...lowerStmts(m, ctx, h.body));
      for (const [name, flag] of had) {
        clause.push(ifStmt(not(id(flag)), [exprStmt(assign(id(ctx.vars.get(name)!.js), UNDEF))]));
      }
      const test: IrExpr = h.errorType === null ? lit(true) : rtCall("errorIs", [id(err), lit(h.errorType)]);
      chain = [ifStmt(test, clause, chain, h.loc)];
    }
    handler.push(...chain);
  }
  let finalizer: IrStmt[] | null = null;
  if (s.finalizer) {
    finalizer = [{ kind: "try", body: lowerStmts(m, ctx, s.finalizer), param: null, handler: [], finalizer: null }];
  }
  return [{ kind: "try", body, param: handler ? param : null, handler, finalizer, loc: s.loc }];
}

/** Names a catch body creates that may not exist before it (they are removed afterwards). */
function catchCreatedNames(m: ModuleState, ctx: FnCtx, h: A.CatchClause): string[] {
  const names = new Set<string>();
  if (h.binding) names.add(h.binding);
  forEachBinding(h.body, (b) => b.kind !== "unknown-load" && names.add(b.name), {
    importBinding: (s) => m.analysis.importBindings.get(s) ?? s.path,
  });
  return [...names].filter((n) => {
    const b = ctx.vars.get(n);
    return b !== undefined && b.kind !== "param";
  });
}

export { readName, integerMode as storeNumber };
export { UNDEF };
