// compiler/analyze/scopes.ts: the scopes of a module, the names each binds, reads and captures,
// and the definite-assignment flow analysis that decides which reads must check for an undefined
// name (docs/ARCHITECTURE.md, "The passes" and "Closures").
import { describe, expect, it } from "vitest";
import { allScopes, analyzeSource, fnScope, lines, readFlags, scopesOfKind, sorted } from "./helpers.js";

describe("scopes and their names", () => {
  it("finds one scope per function-like construct, nested where they are written", () => {
    const { analysis } = analyzeSource(
      lines(
        "fn outer(a) {",
        "  inner = (b) => b + a",
        "  return inner",
        "}",
        "graph Pt {",
        "  x: 0",
        "  fn norm() { return x }",
        "}",
        "spawn {",
        "  print(1)",
        "}",
      ),
    );
    const kinds = allScopes(analysis).map((s) => `${s.kind}<${s.parent?.kind ?? "-"}`);
    expect(kinds).toEqual(["module<-", "fn<module", "lambda<fn", "method<module", "spawn<module"]);
    expect(analysis.scopeOf.get(analysis.module.node)).toBe(analysis.module);
  });

  it("records params (variadic included), names assigned and read, and free names", () => {
    const { analysis } = analyzeSource(
      lines(
        "limit = 3",
        "fn f(a, ...rest) {",
        "  total = a + limit",
        "  a = a + 1",
        "  xs = []",
        "  xs[0] = total",
        "  return rest",
        "}",
      ),
    );
    const f = fnScope(analysis, "f");
    expect(f.params).toEqual(["a", "rest"]);
    // Assigning a parameter does not make it an assigned name; an index write assigns the base.
    expect(sorted(f.assigned)).toEqual(["total", "xs"]);
    expect(sorted(f.read)).toEqual(["limit", "total", "xs"]);
    // Free names: everything but the parameters, read or assigned.
    expect(sorted(f.free)).toEqual(["limit", "total", "xs"]);

    expect(sorted(analysis.module.assigned)).toEqual(["f", "limit"]);
    // The module reads `limit` when f's snapshot captures it.
    expect(sorted(analysis.module.read)).toEqual(["limit"]);
  });

  it("counts a nested function's captures as reads of its parent at the creation point", () => {
    const { analysis } = analyzeSource(
      lines(
        "fn outer() {",
        "  early = () => late", // `late` is read here, before outer assigns it
        "  late = 1",
        "  known = 2",
        "  after = () => known",
        "  return [early, after]",
        "}",
      ),
    );
    const outer = fnScope(analysis, "outer");
    expect(outer.read.has("late")).toBe(true);
    expect(outer.readBeforeDef.has("late")).toBe(true);
    expect(outer.readBeforeDef.has("known")).toBe(false);
  });

  it("methods and their lambdas see `self`; bare names in them are free", () => {
    const { analysis } = analyzeSource(
      lines(
        "graph Counter {",
        "  hits: 0",
        "  fn hit(n) {",
        "    hits = hits + n",
        "    each = [1].map(x => x + hits)",
        "    return self",
        "  }",
        "}",
      ),
    );
    const [method] = scopesOfKind(analysis, "method");
    expect(method!.params).toEqual(["self", "n"]);
    expect(method!.inMethod).toBe(true);
    expect(sorted(method!.free)).toEqual(["each", "hits"]);
    const [lambda] = scopesOfKind(analysis, "lambda");
    expect(lambda!.inMethod).toBe(true);
    expect(lambda!.read.has("self")).toBe(true);
    expect(analysis.module.inMethod).toBe(false);
  });

  it("the loop variable of `for` is assigned in the loop's scope", () => {
    const { analysis } = analyzeSource(lines("for i in [1, 2] {", "  print(i)", "}"));
    expect(analysis.module.assigned.has("i")).toBe(true);
  });

  it("import bindings: the alias, the selected names, or the guessed module name", () => {
    const { analysis } = analyzeSource(lines('import "random"', 'import "./util/helpers.gr"', 'import "json" as j', 'import "csv" { parse, write as w }'));
    expect(sorted(analysis.module.assigned)).toEqual(["helpers", "j", "parse", "rand", "w"]);
    expect([...analysis.importBindings.values()]).toEqual(["rand", "helpers", "j"]);
  });
});

describe("readBeforeDef and maybe-undefined reads (definite assignment)", () => {
  it("straight-line code: a read before the assignment may be undefined, after it not", () => {
    expect(readFlags(lines("print(x)", "x = 1", "print(x)"))).toEqual({ maybe: ["x@1"], defined: ["x@3"] });
    const { analysis } = analyzeSource(lines("fn f() {", "  print(q)", "  q = 1", "  w = 2", "  print(w)", "}"));
    expect(sorted(fnScope(analysis, "f").readBeforeDef)).toEqual(["q"]);
  });

  it("parameters are always defined and never in readBeforeDef", () => {
    const { analysis } = analyzeSource(lines("fn f(n) {", "  n = n + 1", "  return n", "}"));
    const f = fnScope(analysis, "f");
    expect(f.readBeforeDef.size).toBe(0);
    expect(readFlags(lines("fn f(n) {", "  n = n + 1", "  return n", "}")).maybe).toEqual([]);
  });

  it("if/else: defined after only when every branch defines it", () => {
    const src = lines(
      "fn f(c) {",
      "  if c {",
      "    both = 1",
      "    one = 1",
      "  } else {",
      "    both = 2",
      "  }",
      "  if c {",
      "    noElse = 1",
      "  }",
      "  print(both, one, noElse)",
      "}",
    );
    expect(readFlags(src).maybe).toEqual(["one@11", "noElse@11"]);
    expect(readFlags(src).defined).toContain("both@11");
  });

  it("while: the body may run zero times, and a read early in the body may precede a later assignment", () => {
    const src = lines(
      "fn f(c) {",
      "  while c {",
      "    print(carried)",
      "    carried = 1",
      "    print(carried)",
      "  }",
      "  print(carried)",
      "}",
    );
    expect(readFlags(src).maybe).toEqual(["carried@3", "carried@7"]);
    expect(readFlags(src).defined).toEqual(["c@2", "carried@5"]);
  });

  it("for: the loop variable is defined in the body but not after the loop", () => {
    const src = lines("fn f(xs) {", "  for v in xs {", "    print(v)", "  }", "  print(v)", "}");
    expect(readFlags(src)).toEqual({ maybe: ["v@5"], defined: ["xs@2", "v@3"] });
  });

  it("return makes the rest of a function unreachable, so a path that returned does not weaken the merge", () => {
    const src = lines(
      "fn f(n) {",
      "  if n > 0 {",
      "    return 1",
      "  } else {",
      "    a = 2",
      "  }",
      "  print(a)",
      "}",
    );
    expect(readFlags(src).maybe).toEqual([]);
    expect(fnScope(analyzeSource(src).analysis, "f").readBeforeDef.size).toBe(0);
  });

  it("break and continue end their path: after `if … else { break }` the then-branch's names are defined", () => {
    const src = lines(
      "fn f(c) {",
      "  while true {",
      "    if c {",
      "      b = 1",
      "    } else {",
      "      break",
      "    }",
      "    print(b)",
      "    if c {",
      "      k = 1",
      "    } else {",
      "      continue",
      "    }",
      "    print(k)",
      "  }",
      "  print(b)",
      "}",
    );
    expect(readFlags(src).maybe).toEqual(["b@16"]);
    expect(readFlags(src).defined).toEqual(["c@3", "b@8", "c@9", "k@14"]);
  });

  // core.md §1: "A top-level `return` only ends the statement it is in; execution continues with
  // the next top-level statement", so what follows is reachable and `return` ⏎ `print(x)` keeps the
  // read's undefined check.
  it("a top-level return ends only its statement, so later top-level reads keep their checks", () => {
    expect(readFlags(lines("return", "print(x)")).maybe).toEqual(["x@2"]);
    const src = lines("c = true", "if c {", "  return", "} else {", "  x = 1", "}", "print(x)");
    expect(readFlags(src).maybe).toEqual(["x@7"]);
  });

  it("try/catch: a catch may start after any statement of the body, so the body's names are not definite after it", () => {
    const src = lines(
      "fn f(g) {",
      "  x = 0",
      "  try {",
      "    x = g()",
      "    y = g()",
      "  } catch {",
      "    x = 2",
      "  }",
      "  print(x, y)",
      "}",
    );
    expect(readFlags(src).maybe).toEqual(["y@9"]);
  });

  it("a catch body is a child scope: its binding and the names it creates vanish at its end", () => {
    const src = lines(
      "fn f(g) {",
      "  try {",
      "    made = g()",
      "  } catch as e {",
      "    print(e)",
      "    made = 2",
      "    extra = 1",
      "    print(extra)",
      "  }",
      "  print(made, e, extra)",
      "}",
    );
    // Both paths assign `made`, but the catch's assignment creates it, so it vanishes.
    expect(readFlags(src).maybe).toEqual(["made@10", "e@10", "extra@10"]);
    expect(readFlags(src).defined).toEqual(["g@3", "e@5", "extra@8"]);
  });

  it("a catch that returns leaves only the body's path: its names are definite after the try", () => {
    const src = lines("fn f(g) {", "  try {", "    r = g()", "  } catch {", "    return 0", "  }", "  print(r)", "}");
    expect(readFlags(src).maybe).toEqual([]);
  });

  it("finally runs on every path: what it defines is definite after the try", () => {
    const src = lines("fn f(g) {", "  try {", "    g()", "  } finally {", "    fin = 1", "  }", "  print(fin)", "}");
    expect(readFlags(src).maybe).toEqual([]);
  });

  it("match: arm bindings are defined in their arm, not after the match (no arm may match)", () => {
    const src = lines("fn f(v) {", "  r = match v {", "    [first, ...others] => first", "    n => n", "  }", "  print(first, n, others)", "}");
    expect(readFlags(src).defined).toEqual(["v@2", "first@3", "n@4"]);
    expect(readFlags(src).maybe).toEqual(["first@6", "n@6", "others@6"]);
  });

  it("logical and conditional expressions: names bound on the right or in one branch are not definite", () => {
    const src = lines(
      "fn f(c, v) {",
      "  a = c and match v { m => m }",
      "  print(m)",
      "  b = (if c {",
      "    p = 1",
      "    true",
      "  } else {",
      "    p = 2",
      "    false",
      "  }) or c",
      "  print(p)",
      "  d = 1 if c else match v { q => q }",
      "  print(q)",
      "}",
    );
    const flags = readFlags(src);
    expect(flags.maybe).toEqual(["m@3", "q@13"]);
    // The left operand of `or` always runs.
    expect(flags.defined).toContain("p@11");
  });

  it("if-expression blocks merge like if statements", () => {
    const src = lines(
      "fn f(c) {",
      "  w = if c {",
      "    k = 1",
      "    k",
      "  } else {",
      "    k = 2",
      "    j = 1",
      "    k",
      "  }",
      "  print(k, j)",
      "}",
    );
    expect(readFlags(src).maybe).toEqual(["j@10"]);
  });

  it("default parameter values are evaluated later, where nothing is known to be defined", () => {
    const src = lines("base = 1", "fn f(a, b = base) {", "  return a + b", "}");
    expect(readFlags(src).maybe).toEqual(["base@2"]);
  });

  it("a persistent counter is read before the call assigns it", () => {
    const { analysis } = analyzeSource(lines("count = 0", "fn bump() {", "  count = count + 1", "  return count", "}"));
    const bump = fnScope(analysis, "bump");
    expect(sorted(bump.assigned)).toEqual(["count"]);
    expect(sorted(bump.readBeforeDef)).toEqual(["count"]);
  });
});

describe("capturedMaybe: what a function value's snapshot may hold", () => {
  it("a recursive fn does not capture its own name (it is certainly undefined at its creation)", () => {
    const { analysis } = analyzeSource(lines("fn fib(n) {", "  if n < 2 { return n }", "  return fib(n - 1) + fib(n - 2)", "}"));
    const fib = fnScope(analysis, "fib");
    expect(sorted(fib.free)).toEqual(["fib"]);
    expect(fib.capturedMaybe.size).toBe(0);
    // The module does not read `fib` (nothing is captured).
    expect(analysis.module.read.has("fib")).toBe(false);
  });

  it("captures names assigned earlier, not names assigned later at top level", () => {
    const { analysis } = analyzeSource(lines("limit = 10", "fn under(x) {", "  return x < limit and x < later", "}", "later = 5"));
    expect(sorted(fnScope(analysis, "under").capturedMaybe)).toEqual(["limit"]);
  });

  it("in a top-level loop, names assigned anywhere in the body may exist from an earlier iteration", () => {
    const { analysis } = analyzeSource(lines("while true {", "  h = () => acc", "  acc = 1", "}"));
    const [lambda] = scopesOfKind(analysis, "lambda");
    expect(sorted(lambda!.capturedMaybe)).toEqual(["acc"]);
  });

  // enterLoop() widens the maybe-defined set with every name the body binds, expressions
  // included: `i = 0` ⏎ `while i < 2 {` ⏎ `h = () => m` ⏎ `r = match 5 { m => m }` ⏎
  // `i = i + 1` ⏎ `}` ⏎ `print(h())` prints 5 (the lambda of the second iteration captures m).
  it("in a top-level loop, names bound by match arms and if-expression blocks may exist from an earlier iteration", () => {
    const { analysis } = analyzeSource(
      lines("while true {", "  h = () => [m, w]", "  r = match 5 { m => m }", "  v = if true {", "    w = 7", "    w", "  } else {", "    0", "  }", "}"),
    );
    const [lambda] = scopesOfKind(analysis, "lambda");
    expect(sorted(lambda!.capturedMaybe)).toEqual(["m", "w"]);
  });

  // A `load` with a computed path may define any name, so functions created after it may capture
  // anything: with data.gr = `x = 42`, `p = "data.gr"` ⏎ `load p` ⏎ `fn f() { return x }` ⏎
  // `print(f())` prints 42.
  it("after a computed-path load at top level, functions may capture any name", () => {
    const { analysis } = analyzeSource(lines('p = "data.gr"', "load p", "fn f() {", "  return x", "}"));
    expect(sorted(fnScope(analysis, "f").capturedMaybe)).toEqual(["x"]);
  });

  it("inside a function every free name may be defined (locals persist between calls)", () => {
    const { analysis } = analyzeSource(lines("fn outer() {", "  inner = () => later", "  later = 1", "}"));
    const [lambda] = scopesOfKind(analysis, "lambda");
    expect(sorted(lambda!.capturedMaybe)).toEqual(["later"]);
  });

  it("a redeclared fn may capture the earlier declaration of its name", () => {
    const { analysis } = analyzeSource(lines("fn f(x) { return f }", "fn f(x) { return f }"));
    const [first, second] = scopesOfKind(analysis, "fn");
    expect(first!.capturedMaybe.has("f")).toBe(false);
    expect(second!.capturedMaybe.has("f")).toBe(true);
  });

  it("predefined names and `__` names are available from the module's start", () => {
    const { analysis } = analyzeSource(lines("fn f() {", "  return [supervisor, __MODULE__, __shared]", "}"));
    expect(sorted(fnScope(analysis, "f").capturedMaybe)).toEqual(["__MODULE__", "__shared", "supervisor"]);
  });

  it("a class is bound before its methods capture their snapshot", () => {
    const { analysis } = analyzeSource(lines("graph Node {", "  fn clone() { return Node {} }", "}"));
    const [method] = scopesOfKind(analysis, "method");
    expect(method!.capturedMaybe.has("Node")).toBe(true);
  });
});

describe("module-wide facts", () => {
  it("fnNames: every `fn` name with its arities (variadic as `n+`), methods excluded", () => {
    const { analysis } = analyzeSource(
      lines(
        "fn a() { }",
        "fn k(x, y = 1) { }",
        "fn k(x) { }",
        "fn v(x, ...rest) { }",
        "fn outer() {",
        "  fn nested(p) { }",
        "}",
        "graph C {",
        "  fn method() { }",
        "}",
        "fn C.attached() { }",
      ),
    );
    const names = Object.fromEntries([...analysis.fnNames].map(([k, v]) => [k, sorted(v)]));
    expect(names).toEqual({ a: ["0"], k: ["1", "2"], v: ["1+"], outer: ["0"], nested: ["1"] });
  });

  it("stableFns: declared once, at top level, not in a loop, and not bound any other way", () => {
    const { analysis } = analyzeSource(
      lines(
        "fn once() { }",
        "fn twice() { }",
        "fn twice() { }",
        "while false {",
        "  fn looped() { }",
        "}",
        "for each in [] { }",
        "fn each() { }",
        "fn rebound() { }",
        "rebound = 1",
        "fn outer() {",
        "  fn nested() { }",
        "}",
        "if true {",
        "  fn conditional() { }",
        "}",
        'import "random" { rand }',
        "fn rand() { }",
      ),
    );
    expect(sorted(analysis.stableFns)).toEqual(["conditional", "once", "outer"]);
  });

  it("usesTasks: spawn, channels, select, timers, signals and messaging methods switch it on", () => {
    const tasks = (src: string) => analyzeSource(src).analysis.usesTasks;
    expect(tasks(lines("x = 1", "print([1].map(v => v))"))).toBe(false);
    expect(tasks(lines("spawn {", "  print(1)", "}"))).toBe(true);
    expect(tasks("a = spawn Worker")).toBe(true);
    expect(tasks("c = channel()")).toBe(true);
    expect(tasks("x = select()")).toBe(true);
    expect(tasks("timer.after(1, () => 1)")).toBe(true);
    expect(tasks("signal.on(:int, () => 1)")).toBe(true);
    expect(tasks("c.send(1)")).toBe(true);
    expect(tasks("v = c.receive()")).toBe(true);
    // Inside a function too: the module compiles every function with a twin.
    expect(tasks(lines("fn f(c) {", "  return c.try_receive()", "}"))).toBe(true);
  });

  it("usesIntegerMode: only `configure` with :integer or :32bit", () => {
    const integer = (src: string) => analyzeSource(src).analysis.usesIntegerMode;
    expect(integer("configure { :integer }")).toBe(true);
    expect(integer("configure { :32bit }")).toBe(true);
    expect(integer(lines("configure { :integer } {", "  x = 7 / 2", "}"))).toBe(true);
    expect(integer("configure { :unsigned }")).toBe(false);
    expect(integer("configure { error_mode: :lenient }")).toBe(false);
    expect(integer("x = 1")).toBe(false);
  });

  it("usesCallGraph: a `.call_graph()` method call", () => {
    expect(analyzeSource("g = reflect.call_graph()").analysis.usesCallGraph).toBe(true);
    expect(analyzeSource("g = reflect.current_scope()").analysis.usesCallGraph).toBe(false);
    // A plain function named call_graph is not the reflection call.
    expect(analyzeSource("g = call_graph()").analysis.usesCallGraph).toBe(false);
  });

  it("moduleNameOrder lists module names in the order they may first become defined", () => {
    const { analysis } = analyzeSource(lines("a = 1", "fn f() { }", "while true {", "  c = 1", "  b = 2", "}", "d = 1"));
    expect(analysis.moduleNameOrder).toEqual(["a", "f", "c", "b", "d"]);
  });
});
