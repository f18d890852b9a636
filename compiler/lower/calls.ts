// Calls. `name(args)` resolves as builtin → method of the implicit self → variable → the module's
// function registry (core.md §6.9); calls that reach the registry go through the module's function
// table (DESIGN.md decision 5) and, when the arity is known, call the compiled body directly.
import type * as A from "../parse/ast.js";
import type { Loc } from "../parse/ast.js";
import type { FnCtx, ModuleState } from "./context.js";
import type { IrExpr } from "./ir.js";
import { NONE, UNDEF, and, array, assign, binary, cond, id, lit, member, rtCall, seq, call } from "./build.js";
import { BUILTIN_FUNCTIONS, KEYWORD_NAMESPACES, SHADOWABLE_NAMESPACES } from "../analyze/builtins.js";
import { someChildExpression } from "../analyze/walk.js";
import { FN_TABLE, bindingRef, isDefinitelyDefined, readName, writeName } from "./names.js";
import { lowerExpr, lowerValue, staticType, storedValue } from "./expressions.js";
import { inlinable, rulesAfterBang } from "./rules.js";
import type { KnownBehavior } from "./ir.js";
import { temp } from "./lower.js";
import { reflectPatternDescription } from "./patterns.js";

/** Graph methods that mutate their receiver: a variable receiver is made owned and rebound first. */
const RECEIVER_MUTATORS = new Set([
  "add_node",
  "add_edge",
  "remove_node",
  "remove_edge",
  "set_node_type",
  "add_rule",
  "remove_rule",
  "add_method_constraint",
  "remove_method",
  "include",
]);

interface LoweredArgs {
  values: IrExpr[];
  /** Array of names (null for positional) or the literal null when all are positional. */
  names: IrExpr;
  named: boolean;
}

function lowerArgs(m: ModuleState, ctx: FnCtx, args: A.Argument[]): LoweredArgs {
  const values = args.map((a) => (a.value.type === "Lambda" ? lowerValue(m, ctx, a.value) : storedValue(m, ctx, a.value)));
  const named = args.some((a) => a.name !== null);
  return { values, names: named ? array(args.map((a) => lit(a.name))) : lit(null), named };
}

/** In task mode a call may suspend: delegate to the generator form of the runtime helper. */
function maybeYield(ctx: FnCtx, name: string, args: IrExpr[], loc: A.Loc): IrExpr {
  if (!ctx.gen) return rtCall(name, args, loc);
  return { kind: "yield", delegate: true, value: rtCall(name + "G", args, loc), loc };
}

export function lowerCall(m: ModuleState, ctx: FnCtx, e: A.Call): IrExpr {
  const callee = e.callee;
  if (callee.type === "Identifier" && BUILTIN_FUNCTIONS.has(callee.name)) return lowerBuiltinCall(m, ctx, callee.name, e);
  const args = lowerArgs(m, ctx, e.args);
  if (callee.type !== "Identifier") {
    const f = lowerExpr(m, ctx, callee);
    return maybeYield(ctx, "callFunction", [f, array(args.values), args.names], e.loc);
  }
  const name = callee.name;
  const binding = ctx.vars.get(name);
  const variable = binding ? bindingRef(binding, name) : UNDEF;
  if (ctx.self) {
    // In a method: a method of self wins over variables and the registry (core.md §6.9).
    if (!ctx.gen && !args.named && args.values.length <= 3) {
      return cachedMethodCall(m, ctx, m.methodCache(name, true), id(ctx.self), args.values, e.loc, variable);
    }
    return maybeYield(ctx, "callBare", [id(ctx.self), variable, id(FN_TABLE), lit(name), array(args.values), args.names], e.loc);
  }
  const viaRegistry = registryCall(m, ctx, name, args, e.loc);
  // Every holder of the name has the one value in the table: call through the table.
  // (A parameter, or a lambda's, of that name is another value.)
  if (!binding || (m.analysis.stableFns.has(name) && binding.kind !== "env" && binding.kind !== "param")) return viaRegistry;
  if (binding.kind === "env") {
    return maybeYield(ctx, "callFunction", [readName(m, ctx, name, callee, callee.loc), array(args.values), args.names], e.loc);
  }
  const viaVariable = maybeYield(ctx, "callFunction", [id(binding.js), array(args.values), args.names], e.loc);
  if (isDefinitelyDefined(m, ctx, name, callee)) return viaVariable;
  return cond(binary("!==", id(binding.js), UNDEF), viaVariable, viaRegistry, e.loc);
}

/** A call through the module's function table. Direct when the module declares one fixed arity that matches. */
function registryCall(m: ModuleState, ctx: FnCtx, name: string, args: LoweredArgs, loc: A.Loc): IrExpr {
  const arities = m.analysis.fnNames.get(name);
  if (arities && arities.size === 1 && !args.named && arities.has(String(args.values.length))) {
    return { kind: "tableCall", table: FN_TABLE, slot: name, name, args: args.values, generator: ctx.gen, loc };
  }
  return maybeYield(ctx, "callReg", [id(FN_TABLE), lit(name), array(args.values), args.names], loc);
}

/** Whether evaluating `e` can change a collection in place (`x.m!()`, a mutating graph method). */
function mayMutateInPlace(e: A.Expression): boolean {
  if (e.type === "MethodCall" && (e.bang || RECEIVER_MUTATORS.has(e.method))) return true;
  // Statement blocks in expressions can do anything.
  if (e.type === "IfExpr") return true;
  return someChildExpression(e, mayMutateInPlace);
}

function lowerBuiltinCall(m: ModuleState, ctx: FnCtx, name: string, e: A.Call): IrExpr {
  // Builtins only read their arguments, so an argument needs the copy-on-write mark only when a
  // later argument could change it in place before the call (`print(xs, xs.pop!())`).
  const args: LoweredArgs = {
    values: e.args.map((a, i) =>
      e.args.slice(i + 1).some((later) => mayMutateInPlace(later.value)) ? storedValue(m, ctx, a.value) : lowerValue(m, ctx, a.value),
    ),
    names: e.args.some((a) => a.name !== null) ? array(e.args.map((a) => lit(a.name))) : lit(null),
    named: e.args.some((a) => a.name !== null),
  };
  if (name === "print" && !args.named) return rtCall("print", args.values, e.loc);
  if (name === "select" || name === "isolate") return maybeYield(ctx, "callBuiltin", [lit(name), array(args.values), args.names], e.loc);
  return rtCall("callBuiltin", [lit(name), array(args.values), args.names], e.loc);
}

/** The receiver of `x.m!()` must be a variable (core.md §11.1). */
function bangTarget(object: A.Expression): A.Identifier | null {
  return object.type === "Identifier" ? object : null;
}

export function lowerMethodCall(m: ModuleState, ctx: FnCtx, e: A.MethodCall): IrExpr {
  const object = e.object;
  // Built-in namespaces: `list.generate(…)`, `time.now()` unless a variable `time` exists.
  if (object.type === "Identifier") {
    const ns = namespaceCall(m, ctx, object, e);
    if (ns) return ns;
  }
  const args = lowerArgs(m, ctx, e.args);
  if (e.bang) return lowerBang(m, ctx, e, args);
  const method = lit(e.method);
  if (RECEIVER_MUTATORS.has(e.method)) {
    if (object.type === "Identifier" && object.name !== "self" && ctx.vars.has(object.name) && ctx.vars.get(object.name)!.kind !== "env") {
      // Graph methods clone-and-rebind (collections.md §1.1): own the receiver, then mutate it.
      const owned = rtCall("ownFor", [readName(m, ctx, object.name, object, object.loc), method]);
      const target = ctx.vars.get(object.name)!;
      return seq([
        assign(id(target.js), owned),
        maybeYield(ctx, "callMethod", [id(target.js), method, array(args.values), args.names], e.loc),
      ]);
    }
    const literal = object.type === "ListLit" || object.type === "MapLit" || object.type === "StringLit" || object.type === "NumberLit";
    if (!literal && !(object.type === "Identifier" && object.name === "self")) {
      // Not a variable: the change must not reach anyone else's graph.
      const detached = rtCall("detachFor", [lowerExpr(m, ctx, object), method]);
      return maybeYield(ctx, "callMethod", [detached, method, array(args.values), args.names], e.loc);
    }
  }
  const entry = methodEntry(ctx, e.method);
  if (entry !== "callMethod" && !args.named && args.values.length <= 3) {
    // A call-site cache: class instances seen before go straight to the method body.
    const ic = m.methodCache(e.method, entry === "callMethodIn");
    const recv = lowerExpr(m, ctx, object);
    // The inline test looks for class instances: pointless on a value known to be something else.
    const notGraph = object.type === "ListLit" || object.type === "MapLit" || staticType(m, ctx, object) !== "unknown";
    if (notGraph) return rtCall(`call${args.values.length}`, [id(ic), recv, ...args.values], e.loc);
    return cachedMethodCall(m, ctx, ic, recv, args.values, e.loc);
  }
  return maybeYield(ctx, entry, [lowerExpr(m, ctx, object), method, array(args.values), args.names], e.loc);
}

/**
 * A call through the site's method cache, with the cache's hit test (runtime/method-cache.ts `hit`)
 * written out here rather than in a shared helper: each site then has its own `$ic.body(...)` call,
 * which sees one method and can be inlined, where a helper's one call would see every method of the
 * program. On a miss, `$rt.callN`, or for a bare-name call in a method (`variable` given: what the
 * name holds as a variable) `$rt.bareN`. The operands are evaluated first, in order, as in a call
 * of those; values whose evaluation runs no code (variables, literals, plain JS operators) are not
 * put in temporaries since testing first cannot change them.
 */
function cachedMethodCall(m: ModuleState, ctx: FnCtx, ic: string, object: IrExpr, argValues: IrExpr[], loc: Loc, variable: IrExpr | null = null): IrExpr {
  const setup: IrExpr[] = [];
  const hold = (v: IrExpr): IrExpr => {
    const t = id(temp(m, ctx));
    setup.push(assign(t, v));
    return t;
  };
  // An argument may rebind the receiver's variable (`xs.m(xs.pop!())`): then the receiver is held too.
  const laterRunCode = (variable !== null && !runsNoCode(variable)) || !argValues.every(runsNoCode);
  const recv = (object.kind === "id" || object.kind === "literal") && !laterRunCode ? object : hold(object);
  const name = variable === null || runsNoCode(variable) ? variable : hold(variable);
  const args = argValues.map((v) => (runsNoCode(v) ? v : hold(v)));
  const cache = id(ic);
  // `!= null`: a method value called as a plain function leaves parameters, self included, undefined.
  const hit = and(binary("!=", recv, NONE), binary("===", member(recv, "callKey"), member(cache, "key")));
  const fast = call(member(cache, "body"), [recv, ...args], loc);
  const slow = name === null ? rtCall(`call${args.length}`, [cache, recv, ...args], loc) : rtCall(`bare${args.length}`, [cache, recv, name, id(FN_TABLE), ...args], loc);
  return seq([...setup, cond(hit, fast, slow, loc)]);
}

/** Whether evaluating `v` runs no Graphoid or runtime code: it can neither fail nor change anything. */
function runsNoCode(v: IrExpr): boolean {
  switch (v.kind) {
    case "id":
    case "literal":
      return true;
    case "binary":
      return v.op !== "instanceof" && runsNoCode(v.left) && runsNoCode(v.right);
    case "unary":
      return runsNoCode(v.operand);
    case "logical":
      return runsNoCode(v.left) && runsNoCode(v.right);
    case "cond":
      return runsNoCode(v.test) && runsNoCode(v.then) && runsNoCode(v.else);
    default:
      return false;
  }
}

/** Methods every value answers before its own (core.md §3.10); a class cannot override them. */
const UNIVERSAL_METHODS = new Set(["type", "type_name", "to_string", "to_num", "to_bool", "freeze", "is_frozen", "has_frozen", "to_bignum", "is_bignum", "fits_in_num"]);

/**
 * The runtime entry for a method call: the general one for universal names; otherwise one that
 * skips that check, and inside a method body one that may call private `_methods` (core.md §10.5).
 */
function methodEntry(ctx: FnCtx, name: string): string {
  if (UNIVERSAL_METHODS.has(name) || ctx.gen) return "callMethod";
  return ctx.self !== null ? "callMethodIn" : "callMethodNU";
}

function namespaceCall(m: ModuleState, ctx: FnCtx, object: A.Identifier, e: A.MethodCall): IrExpr | null {
  const name = object.name;
  const isKeyword = KEYWORD_NAMESPACES.has(name);
  if (!isKeyword && !SHADOWABLE_NAMESPACES.has(name)) return null;
  let args: LoweredArgs;
  let nsCall: IrExpr;
  if (name === "reflect" && e.method === "current_scope") {
    nsCall = scopeReflection(m, ctx, e);
    args = lowerArgs(m, ctx, e.args);
  } else if (name === "reflect" && e.method === "pattern" && e.args.length >= 1) {
    // `reflect.pattern(expr)` reads its first argument's syntax, not its value (runtime.md §3.5).
    const rest = lowerArgs(m, ctx, e.args.slice(1));
    args = { values: [reflectPatternDescription(e.args[0]!.value), ...rest.values], names: lit(null), named: false };
    nsCall = maybeYield(ctx, "nsCall", [lit(name), lit(e.method), array(args.values), args.names], e.loc);
  } else {
    args = lowerArgs(m, ctx, e.args);
    nsCall = maybeYield(ctx, "nsCall", [lit(name), lit(e.method), array(args.values), args.names], e.loc);
  }
  const binding = ctx.vars.get(name);
  if (isKeyword || !binding || binding.kind === "env") return nsCall;
  const viaVariable = maybeYield(ctx, "callMethod", [id(binding.js), lit(e.method), array(args.values), args.names], e.loc);
  if (isDefinitelyDefined(m, ctx, name, object)) return viaVariable;
  return cond(binary("!==", id(binding.js), UNDEF), viaVariable, nsCall, e.loc);
}

/**
 * `reflect.current_scope()`: the names of the environment it runs in (runtime.md §3.2). Variables
 * this function holds are reported when defined; the rest of its snapshot is known statically.
 */
function scopeReflection(m: ModuleState, ctx: FnCtx, e: A.MethodCall): IrExpr {
  const args = lowerArgs(m, ctx, e.args);
  const held = [...ctx.vars.entries()].filter(([n]) => n !== "self");
  const snapshot = new Set<string>();
  if (ctx.scope.kind !== "module") {
    for (const n of m.analysis.moduleNameOrder.slice(0, ctx.scope.moduleNamesAtCreation)) snapshot.add(n);
    for (let s = ctx.scope.parent; s && s.kind !== "module"; s = s.parent) {
      for (const n of s.params) snapshot.add(n);
      for (const n of s.assigned) snapshot.add(n);
    }
  }
  return rtCall(
    "currentScope",
    [
      array(args.values),
      array(held.map(([n]) => lit(n))),
      array(held.map(([n, b]) => bindingRef(b, n))),
      array([...snapshot].filter((n) => !ctx.vars.has(n)).map((n) => lit(n))),
      lit(ctx.scope.kind === "module" ? "global" : "function"),
    ],
    e.loc,
  );
}

/** `x.m!(args)`: `x = x.m(args)`, value none; `pop!` returns the removed element (core.md §11.1). */
function lowerBang(m: ModuleState, ctx: FnCtx, e: A.MethodCall, args: LoweredArgs): IrExpr {
  const target = bangTarget(e.object);
  const binding = target ? ctx.vars.get(target.name) : undefined;
  if (!target || !binding) {
    return rtCall("bangNeedsVariable", [lit(e.method)], e.loc);
  }
  const current = readName(m, ctx, target.name, target, target.loc);
  // The rules x carries afterwards, and whether they can be applied at this write site inline.
  const known = ctx.self === null ? ctx.rules.get(target.name) : undefined;
  const rulesAfter = ctx.self === null ? rulesAfterBang(ctx.rules, target.name, e) : null;
  const write = (value: IrExpr): IrExpr => {
    const stmts = writeName(m, ctx, target.name, value, e.loc);
    if (rulesAfter !== null) ctx.rules.set(target.name, rulesAfter);
    if (stmts.length === 1 && stmts[0]!.kind === "exprStmt") return stmts[0]!.expr;
    // A method's bare property name: assign through the runtime (self property or local).
    return rtCall("noneAfter", [{ kind: "call", callee: { kind: "function", name: null, params: [], body: stmts, generator: false, arrow: true }, args: [] }]);
  };
  if (e.method === "append" && !args.named && args.values.length === 1) {
    if (known !== undefined && inlinable(known)) {
      // The rules are known: apply them here and append the result as it is (DESIGN.md decision 3).
      const check = behaviorCheck(m, ctx, readName(m, ctx, target.name, target, target.loc), args.values[0]!, e.args[0]!.value, known);
      return seq([write(rtCall("appendRaw", [current, check], e.loc)), lit(null)]);
    }
    return seq([write(rtCall("appendBang", [current, args.values[0]!], e.loc)), lit(null)]);
  }
  if (e.method === "pop" && args.values.length === 0) {
    const t = temp(m, ctx);
    return seq([assign(id(t), rtCall("popBang", [current], e.loc)), write(member(id(t), "0")), member(id(t), "1")]);
  }
  const result = maybeYield(ctx, "callMethod", [current, lit(e.method), array(args.values), args.names], e.loc);
  return seq([write(result), lit(null)]);
}

/** The IR of a write site's inline rule check (printed by generate/behaviors.ts). */
export function behaviorCheck(m: ModuleState, ctx: FnCtx, collection: IrExpr, value: IrExpr, source: A.Expression, known: KnownBehavior[]): IrExpr {
  const t = staticType(m, ctx, source);
  return { kind: "behaviorCheck", collection, value, known, temp: temp(m, ctx), valueType: t === "num" || t === "string" ? t : null, loc: source.loc };
}

export function lowerSuperCall(m: ModuleState, ctx: FnCtx, e: A.SuperCall): IrExpr {
  const args = lowerArgs(m, ctx, e.args);
  const self = ctx.self ? id(ctx.self) : lit(null);
  const owner = ctx.ownerClass ? id(ctx.ownerClass) : lit(null);
  return maybeYield(ctx, "superCall", [self, owner, lit(e.method), array(args.values), args.names], e.loc);
}

export { call };
