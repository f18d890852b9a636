// Scope analysis: finds every function-like scope (the module, `fn`s, lambdas, methods, spawn
// blocks), the names each one binds and reads, the names it captures from its definition site,
// and — by a flow analysis in execution order — whether each read can happen before the name is
// defined. Lowering uses this to compile the snapshot closure model (core.md §6.8) cheaply:
// a name always assigned before it is read is a plain JS local; only names whose previous value
// is observable get a persistent cell (docs/ARCHITECTURE.md, "Closures").
import type * as A from "../parse/ast.js";
import { BUILTIN_FUNCTIONS, PREDEFINED } from "./builtins.js";
import { forEachBinding } from "./bindings.js";

export type ScopeKind = "module" | "fn" | "lambda" | "method" | "guard" | "spawn";

export interface Scope {
  kind: ScopeKind;
  node: A.Node | A.Program;
  parent: Scope | null;
  /** Parameter names (the variadic one included). */
  params: string[];
  /** Names assigned in this scope's own body (not in nested scopes), params excluded. */
  assigned: Set<string>;
  /** Names read in this body (including by nested scopes' captures), params excluded. */
  read: Set<string>;
  /** Assigned names that some read (or capture) may see before this call assigned them. */
  readBeforeDef: ReadonlySet<string>;
  /** Names this scope takes from its definition site: read or assigned here but not params. */
  free: ReadonlySet<string>;
  /** Inside a method (or a lambda nested in one): bare names may resolve through `self`. */
  inMethod: boolean;
  /**
   * Free names that may already be defined where this scope's function value is created; the
   * others are certainly undefined in the snapshot, so lowering does not capture them.
   */
  capturedMaybe: ReadonlySet<string>;
  /**
   * How many module-level names (in `Analysis.moduleNameOrder`) may be defined where this scope's
   * function value is created: the snapshot `reflect.current_scope()` reports (runtime.md §3.2).
   */
  moduleNamesAtCreation: number;
  children: Scope[];
}

/** Per-read facts for lowering. */
export interface ReadInfo {
  /** The read may see an undefined name (so it must check, and may fall back to the registry). */
  maybeUndefined: boolean;
}

/** The facts of each read (an Identifier the analysis walked as a read), or undefined. */
export interface ReadFacts {
  get(node: A.Identifier): ReadInfo | undefined;
}

export interface Analysis {
  module: Scope;
  scopeOf: Map<A.Node | A.Program, Scope>;
  reads: ReadFacts;
  /** Names declared by `fn` anywhere in the module, with their declared arities. */
  fnNames: Map<string, Set<string>>;
  /**
   * Function names whose every holder is the one value of a single top-level `fn` statement that
   * runs once (not in a loop, nothing else assigns the name): a call may go straight to the table.
   */
  stableFns: Set<string>;
  /** Whether the module uses any task feature (spawn, channels, timers …): then functions get generator twins. */
  usesTasks: boolean;
  /** Whether some `configure` turns on integer truncation of stored numbers. */
  usesIntegerMode: boolean;
  /** Whether the module asks for `reflect.call_graph()`: then calls are counted. */
  usesCallGraph: boolean;
  /** Module-level names in the order they may first become defined. */
  moduleNameOrder: string[];
  /** The name each `import` statement binds (for modules without an `as` or selection). */
  importBindings: Map<A.Import, string>;
}

/**
 * The names definitely defined at the current point of one scope's walk. Branches are undone
 * through a log instead of copying the set, so a branch costs what it assigns, not the size of the
 * scope (a module of thousands of names must not pay per `if`). Unreachable code (after `return`,
 * `break`, …) counts every name as defined.
 */
class DefinedNames {
  private readonly names = new Set<string>();
  private readonly log: string[] = [];
  unreachable = false;

  has(name: string): boolean {
    return this.unreachable || this.names.has(name);
  }

  add(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.log.push(name);
  }

  mark(): Mark {
    return { length: this.log.length, unreachable: this.unreachable };
  }

  /** What this path added since `mark` (without undoing it). */
  addedSince(mark: Mark): string[] {
    return this.log.slice(mark.length);
  }

  /** Goes back to `mark`; returns what the path since then added, or null if it ended unreachable. */
  undo(mark: Mark): string[] | null {
    const added = this.log.splice(mark.length);
    for (const n of added) this.names.delete(n);
    const ended = this.unreachable ? null : added;
    this.unreachable = mark.unreachable;
    return ended;
  }

  /**
   * After alternative paths from one mark (each already undone): keeps what every path that
   * continues defined; if no path continues, what follows is unreachable.
   */
  merge(paths: (string[] | null)[]): void {
    const live = paths.filter((p): p is string[] => p !== null);
    if (live.length === 0) {
      this.unreachable = true;
      return;
    }
    const [first, ...rest] = live;
    for (const n of first!) if (rest.every((p) => p.includes(n))) this.add(n);
  }
}

interface Mark {
  length: number;
  unreachable: boolean;
}

/**
 * The sets of a scope that stay empty (most of them: ~7 in 10 in a large module) all share this
 * one instead of each allocating its own; it is never added to.
 */
const NO_NAMES: ReadonlySet<string> = new Set();

const TASK_NAMES = new Set(["channel", "select"]);
const TASK_NAMESPACES = new Set(["timer", "signal"]);
const TASK_METHODS = new Set(["send", "receive", "request", "try_receive", "supervise", "broadcast"]);

/** The name an `import "path"` binds (resolved like lowering does, from the imported module). */
export type ImportBinding = (path: string, loc: A.Loc) => string;

export function analyze(program: A.Program, importBinding: ImportBinding = (path) => importBindingGuess(path)): Analysis {
  const analysis: Analysis = {
    module: null as unknown as Scope,
    scopeOf: new Map(),
    reads: READS,
    fnNames: new Map(),
    stableFns: new Set(),
    usesTasks: false,
    usesIntegerMode: false,
    usesCallGraph: false,
    moduleNameOrder: [],
    importBindings: new Map(),
  };
  const walker = new Walker(analysis, importBinding);
  analysis.module = walker.module(program);
  for (const [name, count] of walker.fnDeclarations) {
    if (count === 1 && !walker.unstableFns.has(name) && !walker.boundOtherwise.has(name)) analysis.stableFns.add(name);
  }
  return analysis;
}

// The facts are kept on the Identifier nodes (`maybeUndefined`): a Map of every read of a large
// module cost hashing and growing a table of tens of thousands of entries.
const DEFINED: ReadInfo = { maybeUndefined: false };
const MAYBE_UNDEFINED: ReadInfo = { maybeUndefined: true };
const READS: ReadFacts = {
  get: (node) => (node.maybeUndefined === undefined ? undefined : node.maybeUndefined ? MAYBE_UNDEFINED : DEFINED),
};

class Walker {
  /** How many `fn NAME` statements the module has, per name. */
  readonly fnDeclarations = new Map<string, number>();
  /** Names declared by a `fn` that may run more than once (in a function or a loop). */
  readonly unstableFns = new Set<string>();
  /** Names bound by anything but a `fn` statement. */
  readonly boundOtherwise = new Set<string>();
  private loopDepth = 0;
  private scope!: Scope;
  private defined = new DefinedNames();
  /**
   * Names that may be defined at this point of the module's top level (textually earlier
   * assignments, plus everything assigned in an enclosing loop). Null inside functions, where
   * persisted locals and captures make every name possibly defined.
   */
  private maybe: Set<string> | null = new Set();

  constructor(
    private readonly out: Analysis,
    private readonly importBinding: ImportBinding,
  ) {}

  module(program: A.Program): Scope {
    const scope = this.newScope("module", program, null, []);
    this.scope = scope;
    this.defined = new DefinedNames();
    this.statements(program.body);
    return scope;
  }

  private newScope(kind: ScopeKind, node: A.Node | A.Program, parent: Scope | null, params: string[]): Scope {
    const scope: Scope = {
      kind,
      node,
      parent,
      params,
      assigned: new Set(),
      read: new Set(),
      readBeforeDef: NO_NAMES,
      free: NO_NAMES,
      inMethod: kind === "method" || kind === "guard" || (parent?.inMethod ?? false),
      capturedMaybe: NO_NAMES,
      moduleNamesAtCreation: 0,
      children: [],
    };
    parent?.children.push(scope);
    this.out.scopeOf.set(node, scope);
    // A parameter is another holder of its name: calls by that name cannot go to the table.
    for (const p of params) if (p !== "self") this.boundOtherwise.add(p);
    return scope;
  }

  // ---------------------------------------------------------------- names

  private define(name: string, byFn = false): void {
    if (!byFn) this.boundOtherwise.add(name);
    if (!this.scope.params.includes(name)) this.scope.assigned.add(name);
    this.defined.add(name);
    this.addMaybe(name);
  }

  private addMaybe(name: string): void {
    if (this.maybe === null || this.maybe.has(name)) return;
    this.maybe.add(name);
    this.out.moduleNameOrder.push(name);
  }

  private isMaybeDefined(name: string): boolean {
    // Predefined names and importers' `__` names exist from the module's start.
    return this.maybe === null || this.maybe.has(name) || PREDEFINED.has(name) || name.startsWith("__");
  }

  /** Loops: whatever the body assigns may be defined at the loop's start (from an earlier iteration). */
  private enterLoop(body: A.Statement[]): void {
    if (this.maybe) for (const n of assignedNames(body, this.importBinding)) this.addMaybe(n);
  }

  private isDefined(name: string): boolean {
    return this.defined.has(name) || this.scope.params.includes(name);
  }

  private readName(name: string, node: A.Identifier | null): void {
    const maybeUndefined = !this.isDefined(name);
    if (node) node.maybeUndefined = maybeUndefined;
    if (this.scope.params.includes(name)) return;
    this.scope.read.add(name);
    if (maybeUndefined) {
      const scope = this.scope;
      if (scope.readBeforeDef === NO_NAMES) scope.readBeforeDef = new Set([name]);
      else (scope.readBeforeDef as Set<string>).add(name);
    }
  }

  /**
   * Runs a nested scope's analysis; afterwards its free names count as reads here, at the point
   * of its creation (the snapshot is taken then).
   */
  private nested(kind: ScopeKind, node: A.Node, params: string[], body: () => void, captureReads = true): Scope {
    const outerScope = this.scope;
    const outerDefined = this.defined;
    const outerMaybe = this.maybe;
    const outerLoops = this.loopDepth;
    this.loopDepth = 0;
    const scope = this.newScope(kind, node, outerScope, params);
    scope.moduleNamesAtCreation = outerMaybe !== null ? this.out.moduleNameOrder.length : outerScope.moduleNamesAtCreation;
    this.scope = scope;
    this.defined = new DefinedNames();
    this.maybe = null;
    body();
    // Bare names inside a method's lambdas may resolve through the method's `self`.
    if (scope.inMethod && !scope.params.includes("self")) scope.read.add("self");
    // `read` is not changed any more: without assignments it serves as `free` too.
    if (scope.assigned.size === 0) {
      scope.free = scope.read;
    } else {
      const free = new Set(scope.assigned);
      for (const n of scope.read) free.add(n);
      scope.free = free;
    }
    this.scope = outerScope;
    this.defined = outerDefined;
    this.maybe = outerMaybe;
    this.loopDepth = outerLoops;
    let capturedMaybe: Set<string> | null = null;
    for (const n of scope.free) {
      if (!this.isMaybeDefined(n)) continue;
      (capturedMaybe ??= new Set()).add(n);
      if (captureReads) this.readName(n, null);
    }
    if (capturedMaybe) scope.capturedMaybe = capturedMaybe;
    return scope;
  }

  // ---------------------------------------------------------------- statements

  /** Top-level statement being walked: where its `return`s jump to (core.md §1), else null. */
  private topLevelReturns: (string[] | null)[] | null = null;
  private topStart: Mark | null = null;

  private statements(list: A.Statement[]): void {
    if (this.scope.kind !== "module" || this.topLevelReturns !== null) {
      for (const s of list) this.statement(s);
      return;
    }
    // A top-level `return` only ends the statement it is in; execution goes on with the next one.
    for (const s of list) {
      const start = this.defined.mark();
      this.topStart = start;
      this.topLevelReturns = [];
      this.statement(s);
      const returns = this.topLevelReturns;
      this.topLevelReturns = null;
      if (returns.length === 0) continue;
      const end = this.defined.undo(start);
      this.defined.merge([end, ...returns]);
    }
  }

  private statement(s: A.Statement): void {
    switch (s.type) {
      case "ExprStmt":
        this.expression(s.expression);
        return;
      case "Assign":
        this.assignment(s);
        return;
      case "TypedDecl":
        this.expression(s.value);
        this.define(s.name);
        return;
      case "FnDecl":
        this.fnDecl(s);
        return;
      case "GraphDecl":
        this.graphDecl(s);
        return;
      case "If":
        this.expression(s.test);
        this.branches([() => this.statements(s.consequent), () => s.alternate && this.statements(s.alternate)]);
        return;
      case "While": {
        this.enterLoop(s.body);
        this.expression(s.test);
        // The body may run zero times: nothing it defines is definite afterwards.
        const before = this.defined.mark();
        this.loopDepth++;
        this.statements(s.body);
        this.loopDepth--;
        this.defined.undo(before);
        return;
      }
      case "For": {
        this.enterLoop(s.body);
        this.expression(s.iterable);
        const before = this.defined.mark();
        this.define(s.variable);
        this.loopDepth++;
        this.statements(s.body);
        this.loopDepth--;
        this.defined.undo(before);
        if (this.scope.kind === "module" || !this.scope.params.includes(s.variable)) this.scope.assigned.add(s.variable);
        return;
      }
      case "Return":
        if (s.value) this.expression(s.value);
        if (this.topLevelReturns !== null && this.scope.kind === "module") {
          this.topLevelReturns.push(this.defined.unreachable ? null : this.defined.addedSince(this.topStart!));
        }
        this.defined.unreachable = true;
        return;
      case "Break":
      case "Continue":
        this.defined.unreachable = true;
        return;
      case "Import":
        this.importStmt(s);
        return;
      case "Load":
        this.expression(s.path);
        if (s.resolved) this.statements(s.resolved);
        // A computed path may define any name: from here on, every name may exist.
        else if (s.path.type !== "StringLit") this.maybe = null;
        return;
      case "ModuleDecl":
        return;
      case "Configure":
        for (const setting of s.settings) {
          if (setting.kind === "entry") this.expression(setting.value);
          else if (setting.name === "integer" || setting.name === "32bit") this.out.usesIntegerMode = true;
        }
        if (s.body) this.statements(s.body);
        return;
      case "Precision":
        this.statements(s.body);
        return;
      case "Try":
        this.tryStmt(s);
        return;
      case "SpawnBlock":
        this.out.usesTasks = true;
        this.nested("spawn", s, [], () => this.statements(s.body));
        return;
      case "PrivBlock":
        this.statements(s.body);
        return;
    }
  }

  private assignment(s: A.Assign): void {
    this.expression(s.value);
    const target = s.target;
    if (target.type === "Identifier") {
      this.define(target.name);
      return;
    }
    // `a[i] = v`, `a.b = v`: reads the base variable and rebinds it.
    let base: A.Expression = target;
    while (base.type === "Index" || base.type === "Member") {
      if (base.type === "Index") this.expression(base.index);
      base = base.object;
    }
    if (base.type === "Identifier") {
      this.readName(base.name, base);
      this.scope.assigned.add(base.name);
      if (this.scope.params.includes(base.name)) this.scope.assigned.delete(base.name);
    } else {
      this.expression(base);
    }
  }

  private fnDecl(s: A.FnDecl): void {
    if (s.receiver === null) {
      const arities = this.out.fnNames.get(s.name) ?? new Set<string>();
      arities.add(s.params.some((p) => p.variadic) ? `${s.params.length - 1}+` : String(s.params.length));
      this.out.fnNames.set(s.name, arities);
    } else {
      this.readName(s.receiver, null);
    }
    for (const a of s.annotations) for (const arg of a.args) this.expression(arg.value);
    // Defaults are evaluated at call time in the definition site's live scope (docs/ARCHITECTURE.md).
    for (const p of s.params) if (p.default) this.lazyExpression(p.default);
    if (s.guard) {
      const guard = s.guard;
      this.nested("guard", guard, ["self"], () => this.expression(guard));
    }
    // `fn Recv.m()` attaches a method: its body sees `self` (core.md §10.1).
    const kind: ScopeKind = s.receiver !== null && !s.isStatic ? "method" : "fn";
    const params = s.params.map((p) => p.name);
    this.nested(kind, s, kind === "method" ? ["self", ...params] : params, () => {
      if (s.clauses) {
        for (const c of s.clauses) {
          if (c.pattern.kind === "bind") this.define(c.pattern.name);
          if (c.guard) this.expression(c.guard);
          this.expression(c.body);
        }
      } else {
        this.statements(s.body);
      }
    });
    if (s.receiver === null) {
      this.fnDeclarations.set(s.name, (this.fnDeclarations.get(s.name) ?? 0) + 1);
      if (this.scope.kind !== "module" || this.loopDepth > 0) this.unstableFns.add(s.name);
      this.define(s.name, true);
    }
  }

  private graphDecl(s: A.GraphDecl): void {
    if (s.parent) this.expression(s.parent);
    // The class is bound before its methods capture their snapshot, so they can name it.
    this.define(s.name);
    // Property defaults are evaluated once, at the declaration.
    for (const m of s.members) {
      if (m.kind === "property") this.expression(m.value);
      if (m.kind === "rule" && m.arg) this.expression(m.arg);
    }
    for (const m of s.members) {
      if (m.kind !== "method") continue;
      const fn = m.fn;
      for (const a of fn.annotations) for (const arg of a.args) this.expression(arg.value);
      for (const p of fn.params) if (p.default) this.lazyExpression(p.default);
      if (fn.guard) {
        const guard = fn.guard;
        this.nested("guard", guard, ["self"], () => this.expression(guard));
      }
      this.nested("method", fn, ["self", ...fn.params.map((p) => p.name)], () => this.statements(fn.body));
    }
    this.define(s.name);
  }

  private importStmt(s: A.Import): void {
    if (s.items) {
      for (const item of s.items) this.define(item.alias ?? item.name);
      return;
    }
    const binding = s.alias ?? this.importBinding(s.path, s.loc);
    this.out.importBindings.set(s, binding);
    this.define(binding);
  }

  private tryStmt(s: A.Try): void {
    const paths: (() => void)[] = [() => this.statements(s.body)];
    for (const h of s.handlers) {
      // A catch may start after any statement of the body: only what was defined before counts,
      // and names first created in a catch body vanish at its end (core.md §5.1).
      paths.push(() => {
        const atStart = this.defined.mark();
        if (h.binding) this.define(h.binding);
        this.statements(h.body);
        const ended = this.defined.undo(atStart);
        if (ended === null) this.defined.unreachable = true;
      });
    }
    this.branches(paths);
    if (s.finalizer) {
      // `finally` runs whichever way the body ended.
      const wasUnreachable = this.defined.unreachable;
      this.defined.unreachable = false;
      this.statements(s.finalizer);
      this.defined.unreachable ||= wasUnreachable;
    }
  }

  /**
   * Alternative paths from this point (branches of an `if`, arms of a `match` …): afterwards a
   * name is definite only if every path that continues defined it.
   */
  private branches(paths: (() => unknown)[]): void {
    const start = this.defined.mark();
    const ends: (string[] | null)[] = [];
    for (const walk of paths) {
      walk();
      ends.push(this.defined.undo(start));
    }
    this.defined.merge(ends);
  }

  // ---------------------------------------------------------------- expressions

  /** An expression evaluated later, at an unknown point: every read may see an undefined name. */
  private lazyExpression(e: A.Expression): void {
    const saved = this.defined;
    this.defined = new DefinedNames();
    this.expression(e);
    this.defined = saved;
  }

  private args(args: A.Argument[]): void {
    for (const a of args) this.expression(a.value);
  }

  private expression(e: A.Expression): void {
    switch (e.type) {
      case "NumberLit":
      case "StringLit":
      case "SymbolLit":
      case "BoolLit":
      case "NoneLit":
        return;
      case "Identifier":
        if (TASK_NAMESPACES.has(e.name)) this.out.usesTasks = true;
        this.readName(e.name, e);
        return;
      case "ListLit":
        for (const x of e.elements) this.expression(x);
        return;
      case "MapLit":
        for (const entry of e.entries) this.expression(entry.value);
        return;
      case "GraphLit":
        if (e.parent) this.expression(e.parent);
        for (const entry of e.entries) this.expression(entry.value);
        return;
      case "Binary":
        this.expression(e.left);
        this.expression(e.right);
        return;
      case "Unary":
        this.expression(e.operand);
        return;
      case "Logical":
      case "Conditional":
      case "IfExpr":
      case "Match":
        this.branchingExpression(e);
        return;
      case "Call":
        if (e.callee.type === "Identifier") {
          if (TASK_NAMES.has(e.callee.name)) this.out.usesTasks = true;
          // Builtins shadow everything; other call names resolve at run time (self method,
          // variable, registry).
          if (!BUILTIN_FUNCTIONS.has(e.callee.name)) this.readName(e.callee.name, e.callee);
        } else {
          this.expression(e.callee);
        }
        this.args(e.args);
        return;
      case "MethodCall":
        if (TASK_METHODS.has(e.method)) this.out.usesTasks = true;
        if (e.method === "call_graph") this.out.usesCallGraph = true;
        this.expression(e.object);
        this.args(e.args);
        if (e.bang) this.rebind(e.object);
        return;
      case "Member":
        this.expression(e.object);
        return;
      case "Index":
        this.expression(e.object);
        this.expression(e.index);
        return;
      case "Instantiate":
        this.expression(e.target);
        for (const o of e.overrides) this.expression(o.value);
        return;
      case "Lambda":
        this.lambda(e);
        return;
      case "SuperCall":
        this.readName("self", null);
        this.args(e.args);
        return;
      case "Raise":
        this.expression(e.value);
        return;
      case "SpawnExpr":
        this.out.usesTasks = true;
        this.expression(e.value);
        return;
    }
  }

  // The expressions below make closures, so they are apart from `expression`: a closure there
  // would make V8 allocate a context on every call of it, for every expression.

  private lambda(e: A.Lambda): void {
    this.nested("lambda", e, e.params, () => {
      if (e.expression) this.expression(e.expression);
      else this.statements(e.body ?? []);
    });
  }

  /** Expressions with alternative paths. */
  private branchingExpression(e: A.Logical | A.Conditional | A.IfExpr | A.Match): void {
    switch (e.type) {
      case "Logical":
        this.expression(e.left);
        this.branches([() => this.expression(e.right), () => {}]);
        return;
      case "Conditional":
        this.expression(e.test);
        this.branches([() => this.expression(e.consequent), () => e.alternate && this.expression(e.alternate)]);
        return;
      case "IfExpr":
        this.expression(e.test);
        this.branches([() => this.statements(e.consequent), () => e.alternate && this.statements(e.alternate)]);
        return;
      case "Match":
        this.expression(e.subject);
        // No arm may match: the fall-through path defines nothing.
        this.branches([
          ...e.arms.map((arm) => () => {
            this.pattern(arm.pattern);
            this.expression(arm.body);
          }),
          () => {},
        ]);
        return;
    }
  }

  /** `x.m!()` assigns its result back to `x`. */
  private rebind(target: A.Expression): void {
    if (target.type === "Identifier" && !this.scope.params.includes(target.name)) this.scope.assigned.add(target.name);
  }

  private pattern(p: A.MatchPattern): void {
    if (p.kind === "bind") this.define(p.name);
    if (p.kind === "list") {
      for (const item of p.items) this.pattern(item);
      if (p.rest) this.define(p.rest.name ?? "_");
    }
  }
}

/** The name an `import "path"` binds when no module declaration overrides it (resolved again at run time). */
export function importBindingGuess(path: string): string {
  const known: Record<string, string> = { constants: "const", random: "rand", string: "str" };
  if (known[path]) return known[path]!;
  const base = path.split("/").pop() ?? path;
  return base.endsWith(".gr") ? base.slice(0, -3) : base;
}

/** Names a statement list binds in its own scope (not inside nested functions). */
export function assignedNames(list: A.Statement[], importBinding: ImportBinding = (path) => importBindingGuess(path)): Set<string> {
  const out = new Set<string>();
  forEachBinding(list, (b) => b.kind !== "unknown-load" && out.add(b.name), {
    importBinding: (s) => importBinding(s.path, s.loc),
  });
  return out;
}
