// Function values: closure conversion for `fn`, lambdas, methods, guards and spawn blocks, and
// class-like graph declarations.
//
// A function value captures a snapshot of its definition site (core.md §6.8). Compiled, the
// snapshot is an arrow function called in place whose parameters are the captured names: each
// creation gets its own copies, and the JS closures of the body (and of its generator twin) see
// them. Names the body assigns and may read before assigning are "persistent": the body copies the
// cell on entry and writes it back on exit, so the next call sees this call's final value.
import type * as A from "../parse/ast.js";
import type { Scope } from "../analyze/scopes.js";
import type { Binding, FnCtx, ModuleState } from "./context.js";
import { jsName } from "./context.js";
import type { IrExpr, IrStmt } from "./ir.js";
import {
  NONE,
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
  ret,
  rtCall,
  UNDEF,
} from "./build.js";
import { FN_TABLE, bindingRef, writeName } from "./names.js";
import { CompileError, diagnostic } from "../diagnostics/diagnostic.js";
import { blockValue, lowerExpr, lowerValue, storedValue, truthy } from "./expressions.js";
import { declareTemps, lowerStmts } from "./lower.js";
import { lowerClauses } from "./patterns.js";
import { RuleFacts } from "./rules.js";

type FnKind = "fn" | "lambda" | "method" | "guard" | "spawn";

interface FunctionSpec {
  node: A.Node;
  name: string | null;
  kind: FnKind;
  params: string[];
  variadic: number;
  /** Default thunks, lowered in the enclosing context. */
  defaults: (A.Expression | null)[] | null;
  body: (ctx: FnCtx) => IrStmt[];
  /** JS name of the class a method belongs to (for `super`). */
  ownerClass: string | null;
  /** Properties declared by the class body a method is declared in. */
  classProps?: Set<string> | null;
  loc: A.Loc;
}

/** Builds the expression that creates a function value (a `GrFunction`). */
function createFunction(m: ModuleState, outer: FnCtx, spec: FunctionSpec): IrExpr {
  const scope = m.analysis.scopeOf.get(spec.node);
  if (!scope) throw new Error("internal: function without scope");
  const hasSelf = spec.kind === "method" || spec.kind === "guard";
  const vars = new Map<string, Binding>();
  const jsParams: string[] = [];
  if (hasSelf) {
    vars.set("self", { kind: "param", js: "self" });
    jsParams.push("self");
  }
  for (const p of spec.params) {
    const js = jsName(p);
    vars.set(p, { kind: "param", js });
    jsParams.push(js);
  }

  // Captures: values copied from the definition site, one IIFE parameter each.
  const captureParams: string[] = [];
  const captureArgs: IrExpr[] = [];
  const prologue: IrStmt[] = [];
  const persistent: Binding[] = [];
  const methodLike = spec.kind === "method" || spec.kind === "guard";
  for (const name of scope.free) {
    if (vars.has(name)) continue;
    const captured = scope.capturedMaybe.has(name);
    const assigned = scope.assigned.has(name);
    const source = captured ? captureSource(outer, name, spec.kind === "spawn") : null;
    if (assigned && !methodLike && scope.readBeforeDef.has(name)) {
      const cell = jsName(name) + "$p";
      captureParams.push(cell);
      captureArgs.push(source ?? UNDEF);
      const b: Binding = { kind: "persistent", js: jsName(name), cell };
      vars.set(name, b);
      persistent.push(b);
      prologue.push(letVar(b.js, id(cell)));
    } else if (assigned) {
      // A local of each call; in methods it starts from the class-declaration snapshot.
      const js = jsName(name);
      vars.set(name, { kind: "local", js });
      if (source && methodLike) {
        const cap = js + "$c";
        captureParams.push(cap);
        captureArgs.push(source);
        prologue.push(letVar(js, id(cap)));
      } else {
        prologue.push(letVar(js, null));
      }
    } else if (source) {
      const js = jsName(name);
      captureParams.push(js);
      captureArgs.push(source);
      vars.set(name, { kind: "captured", js });
    }
  }

  const selfJs = hasSelf ? "self" : outer.self && vars.get("self") ? vars.get("self")!.js : null;
  const makeBody = (gen: boolean): IrStmt[] => {
    const ctx: FnCtx = {
      scope,
      parent: outer,
      vars,
      gen,
      self: selfJs,
      ownerClass: spec.ownerClass ?? outer.ownerClass,
      classProps: hasSelf ? spec.classProps ?? null : null,
      rules: new RuleFacts(),
      temps: [],
      loops: 0,
      statementLabel: null,
      isFunction: true,
      returnsLastValue: spec.kind !== "fn",
    };
    const body = spec.body(ctx);
    // IR nodes are never mutated after lowering, so both twins can share the prologue.
    const full = [...prologue, ...declareTemps(ctx)];
    if (persistent.length > 0) {
      full.push({
        kind: "try",
        body,
        param: null,
        handler: null,
        finalizer: persistent.map((b) => exprStmt(assign(id(b.cell!), id(b.js)))),
      });
    } else {
      full.push(...body);
    }
    return full;
  };

  // The JS function's own name must not hide a captured variable of the same name (an overload
  // calling its sibling): then it gets a `$` suffix, which stack frames drop again.
  const fnName = spec.name ? jsName(spec.name) + (vars.has(spec.name) ? "$" : "") : null;
  const wantsSync = spec.kind !== "spawn";
  const wantsGen = spec.kind === "spawn" || (m.analysis.usesTasks && spec.kind !== "guard");
  const impl = wantsSync ? fn(fnName, jsParams, makeBody(false), { loc: spec.loc }) : lit(null);
  const gen = wantsGen ? fn(fnName ? fnName + "$g" : null, jsParams, makeBody(true), { generator: true, loc: spec.loc }) : null;

  const defaults =
    spec.defaults && spec.defaults.some((d) => d !== null)
      ? array(spec.defaults.map((d) => (d ? fn(null, [], [ret(storedValue(m, { ...outer, gen: false }, d))], { arrow: true }) : lit(null))))
      : lit(null);
  const runtimeKind = spec.kind === "guard" ? "method" : spec.kind === "spawn" ? "lambda" : spec.kind;
  const args: IrExpr[] = [lit(spec.name), array(spec.params.map((p) => lit(p))), impl, lit(spec.variadic), defaults, lit(runtimeKind)];
  if (gen) args.push(gen);
  const creation = rtCall("fn", args, spec.loc);
  if (captureParams.length === 0) return creation;
  return { kind: "call", callee: fn(null, captureParams, [ret(creation)], { arrow: true }), args: captureArgs, loc: spec.loc };
}

/**
 * The value a new function value captures for `name`: the enclosing working variable, read without
 * the undefined check (capturing an undefined name is not an error). Spawned tasks get deep copies.
 */
function captureSource(outer: FnCtx, name: string, deep: boolean): IrExpr | null {
  const b = outer.vars.get(name);
  if (!b) return null;
  const v = bindingRef(b, name);
  return rtCall(deep ? "copyForTask" : "share", [v]);
}

// ---------------------------------------------------------------- lambdas

export function lowerLambda(m: ModuleState, ctx: FnCtx, e: A.Lambda, kind: "lambda" | "spawn"): IrExpr {
  return createFunction(m, ctx, {
    node: e,
    name: null,
    kind,
    params: e.params,
    variadic: -1,
    defaults: null,
    ownerClass: null,
    loc: e.loc,
    body: (inner) => {
      if (e.expression) return [ret(lowerValue(m, inner, e.expression), e.expression.loc)];
      return blockValue(m, inner, e.body ?? []);
    },
  });
}

/** `spawn { … }`: a zero-parameter function value with only a generator body (its scope is the block's). */
export function lowerSpawnBlock(m: ModuleState, ctx: FnCtx, s: A.SpawnBlock): IrExpr {
  return createFunction(m, ctx, {
    node: s,
    name: null,
    kind: "spawn",
    params: [],
    variadic: -1,
    defaults: null,
    ownerClass: null,
    loc: s.loc,
    body: (inner) => blockValue(m, inner, s.body),
  });
}

// ---------------------------------------------------------------- fn declarations

function fnBody(m: ModuleState, s: A.FnDecl, returnsLast: boolean) {
  return (inner: FnCtx): IrStmt[] => {
    if (s.clauses) return lowerClauses(m, inner, s.clauses, s.params.map((p) => jsName(p.name)), s.loc);
    if (returnsLast) return blockValue(m, inner, s.body);
    const body = lowerStmts(m, inner, s.body);
    // `fn` returns none unless a `return` runs (core.md §6.3).
    return body.length > 0 && body[body.length - 1]!.kind === "return" ? body : [...body, ret(NONE)];
  };
}

function fnSpec(m: ModuleState, s: A.FnDecl, kind: FnKind, ownerClass: string | null, classProps: Set<string> | null = null): FunctionSpec {
  const variadic = s.params.findIndex((p) => p.variadic);
  return {
    node: s,
    name: s.name,
    kind,
    params: s.params.map((p) => p.name),
    variadic,
    defaults: s.params.map((p) => p.default),
    ownerClass,
    classProps,
    loc: s.loc,
    body: fnBody(m, s, kind === "method"),
  };
}

/** A guard `when expr`: a function of `self` returning the condition's truth. */
function guardFunction(m: ModuleState, ctx: FnCtx, guard: A.Expression): IrExpr {
  return createFunction(m, ctx, {
    node: guard,
    name: null,
    kind: "guard",
    params: [],
    variadic: -1,
    defaults: null,
    ownerClass: null,
    loc: guard.loc,
    body: (inner) => [ret(truthy(m, inner, guard))],
  });
}

/** Annotations graphoid-js knows, with the options each accepts (healing.md §2). */
const ANNOTATIONS: Record<string, string[]> = {
  circuit_breaker: ["failure_threshold", "recovery_timeout", "half_open_calls", "timeout", "fallback"],
};

/** Wraps a function value with the runtime forms of its `@annotations` (healing.md §2). */
function annotate(m: ModuleState, ctx: FnCtx, s: A.FnDecl, value: IrExpr): IrExpr {
  let out = value;
  for (const a of s.annotations) {
    const known = ANNOTATIONS[a.name];
    if (!known) {
      const list = Object.keys(ANNOTATIONS).map((n) => "@" + n).join(", ");
      throw new CompileError(diagnostic("UnknownAnnotation", `unknown annotation '@${a.name}' (known: ${list})`, m.options.file, a.loc));
    }
    for (const arg of a.args) {
      if (arg.name === null || !known.includes(arg.name)) {
        const what = arg.name === null ? "a positional argument" : `option '${arg.name}'`;
        throw new CompileError(
          diagnostic("AnnotationArgument", `@${a.name} does not take ${what} (options: ${known.join(", ")})`, m.options.file, arg.loc),
        );
      }
    }
    const names = a.args.map((x) => lit(x.name));
    const values = a.args.map((x) => lowerValue(m, ctx, x.value));
    out = { kind: "breakerWrap", fn: out, options: rtCall("options", [array(names), array(values)]), loc: a.loc };
  }
  return out;
}

export function lowerFnDecl(m: ModuleState, ctx: FnCtx, s: A.FnDecl): IrStmt[] {
  const created = (kind: FnKind) => {
    const f = createFunction(m, ctx, fnSpec(m, s, kind, null));
    return s.clauses ? rtCall("clauses", [f]) : f;
  };
  if (s.receiver !== null) {
    // `fn Recv.m()` attaches a method; `static fn Recv.m()` a static one.
    const value = annotate(m, ctx, s, created(s.isStatic ? "fn" : "method"));
    const recv = ctx.vars.get(s.receiver);
    const target = recv ? id(recv.js) : rtCall("undefVar", [lit(s.receiver)]);
    return [exprStmt(rtCall("attachMethod", [target, lit(s.name), value, lit(s.isStatic)], s.loc), s.loc)];
  }
  const value = annotate(m, ctx, s, created("fn"));
  const tmp = m.fresh("fn");
  const binding = ctx.vars.get(s.name);
  const current = binding ? bindingRef(binding, s.name) : UNDEF;
  const out: IrStmt[] = [
    constVar(tmp, value, s.loc),
    // Registered globally by name and arity (core.md §6.9) …
    exprStmt(rtCall("register", [id(FN_TABLE), lit(s.name), id(tmp)])),
    // … and bound in the current scope, merging arities into an overload list (§6.6).
    ...writeName(m, ctx, s.name, rtCall("bindFn", [current, id(tmp)]), s.loc),
  ];
  if (s.priv) out.push(exprStmt(rtCall("markPrivate", [id("$m"), lit(s.name)])));
  return out;
}

// ---------------------------------------------------------------- class-like graphs

export function lowerGraphDecl(m: ModuleState, ctx: FnCtx, s: A.GraphDecl): IrStmt[] {
  const cls = m.fresh("cls");
  const out: IrStmt[] = [
    constVar(
      cls,
      rtCall("beginClass", [lit(s.name), s.parent ? lowerExpr(m, ctx, s.parent) : lit(null), s.kind ? id(m.symbol(s.kind)) : lit(null)], s.loc),
      s.loc,
    ),
    // Bound before the methods are created, so their snapshot holds the class (core.md §10).
    ...writeName(m, ctx, s.name, id(cls), s.loc),
  ];
  const declaredProps = new Set(s.members.flatMap((x) => (x.kind === "property" ? [x.name] : [])));
  for (const member of s.members) {
    switch (member.kind) {
      case "property":
        out.push(exprStmt(rtCall("classProp", [id(cls), lit(member.name), storedValue(m, ctx, member.value)], member.loc), member.loc));
        break;
      case "rule":
        out.push(exprStmt(rtCall("classRule", [id(cls), id(m.symbol(member.rule)), member.arg ? lowerExpr(m, ctx, member.arg) : lit(null)], member.loc), member.loc));
        break;
      case "configure":
        for (const entry of member.entries) {
          out.push(exprStmt(rtCall("classConfigure", [id(cls), lit(entry.key), array(entry.symbols.map((x) => lit(x)))], member.loc), member.loc));
        }
        break;
      case "method": {
        const f = member.fn;
        const value = annotate(m, ctx, f, createFunction(m, ctx, fnSpec(m, f, "method", cls, declaredProps)));
        const guard = f.guard ? guardFunction(m, ctx, f.guard) : lit(null);
        const name = f.priv ? "_" + f.name : f.name;
        out.push(exprStmt(rtCall("classMethod", [id(cls), lit(name), value, guard, lit(f.isStatic)], member.loc), member.loc));
        break;
      }
    }
  }
  out.push(exprStmt(rtCall("endClass", [id(cls)]), s.loc));
  return out;
}

export { binary, ifStmt, letVar };
