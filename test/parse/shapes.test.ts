// Tree shapes of grammar.md §4.14, the accepted/rejected pairs of §2.7, the mapping notes of the
// parser's brief, and node locations.
import { describe, expect, it } from "vitest";
import { parse } from "../../compiler/parse/parse.js";
import type { Assign, ExprStmt, Expression, Loc } from "../../compiler/parse/ast.js";
import { arg, assign, binary, call, exprStmt, id, num, parseError, parseOk, statements, str, syntaxAt } from "./helpers.js";

const lambda = (params: string[], shape: object) => ({ type: "Lambda", params, ...shape });

describe("§4.14 tree shapes", () => {
  it("command call: name lit lit { body } → call with the literals and a block lambda", () => {
    expect(statements('describe "stack" 2 { push(1) }')).toEqual([
      exprStmt({
        type: "Call",
        callee: id("describe"),
        args: [arg(str("stack")), arg({ type: "NumberLit", value: 2, raw: "2" }), arg(lambda([], { expression: null, body: [exprStmt(call(id("push"), { type: "NumberLit", value: 1, raw: "1" }))] }))],
        command: true,
      }),
    ]);
    expect(statements("repeat 3, :fast { |i| print(i) }")).toMatchObject([
      exprStmt({
        type: "Call",
        command: true,
        args: [arg(num(3)), arg({ type: "SymbolLit", name: "fast" }), arg(lambda(["i"], { body: [exprStmt(call(id("print"), id("i")))] }))],
      }),
    ]);
    expect(statements("run { }")).toMatchObject([exprStmt({ type: "Call", callee: id("run"), command: true, args: [arg(lambda([], { body: [] }))] })]);
  });

  it("bare-block promotion: obj.name { body } as a statement or assignment value", () => {
    const method = {
      type: "MethodCall",
      object: id("runner"),
      method: "before_each",
      bang: false,
      args: [arg(lambda([], { expression: null, body: [exprStmt(call(id("reset")))] }))],
    };
    expect(statements("runner.before_each { reset() }")).toMatchObject([exprStmt(method)]);
    expect(statements("y = runner.before_each { reset() }")).toMatchObject([assign("y", method)]);
    // Not after parentheses, and not inside other expressions.
    expect(statements("(runner.before_each) ⏎ { }")).toMatchObject([exprStmt({ type: "Member" }), exprStmt({ type: "MapLit" })]);
    parseError("print(r.n { 8 })", syntaxAt(1, 11, "unexpected '{'"));
    parseError("P.a { 1 }.length()", syntaxAt(1, 10, "unexpected '.'"));
  });

  it("command-style method call: obj.name lit lit { body }", () => {
    expect(statements('suite.it "works" :fast { check() }')).toMatchObject([
      exprStmt({
        type: "MethodCall",
        object: id("suite"),
        method: "it",
        args: [arg(str("works")), arg({ type: "SymbolLit", name: "fast" }), arg(lambda([], { body: [exprStmt(call(id("check")))] }))],
      }),
    ]);
    // The chain continues after it.
    expect(statements('x = r.m "a" { 5 }.size()')).toMatchObject([assign("x", { type: "MethodCall", method: "size", object: { type: "MethodCall", method: "m" } })]);
  });

  it("trailing blocks are appended as the last positional argument", () => {
    expect(statements("f(a) { |x| x + 1 }")).toEqual([
      exprStmt({ type: "Call", callee: id("f"), args: [arg(id("a")), arg(lambda(["x"], { expression: binary("+", id("x"), { type: "NumberLit", value: 1, raw: "1" }), body: null }))], command: false }),
    ]);
    expect(statements("o.m { |x, y| a() ⏎ b() }")).toMatchObject([
      exprStmt({ type: "MethodCall", method: "m", args: [arg(lambda(["x", "y"], { expression: null, body: [exprStmt(call(id("a"))), exprStmt(call(id("b")))] }))] }),
    ]);
    expect(statements("xs.reduce(0) { |acc, x| acc + x }")).toMatchObject([
      exprStmt({ type: "MethodCall", method: "reduce", args: [arg(num(0)), arg(lambda(["acc", "x"], { expression: binary("+", id("acc"), id("x")) }))] }),
    ]);
    expect(statements("run() { || 7 }")).toMatchObject([exprStmt({ type: "Call", args: [arg(lambda([], { expression: num(7) }))] })]);
    expect(statements("xs.map { |x| x }.length()")).toMatchObject([exprStmt({ type: "MethodCall", method: "length", object: { type: "MethodCall", method: "map" } })]);
  });

  it("mutating calls and mutable arguments", () => {
    expect(statements("o.m!(a)")).toMatchObject([exprStmt({ type: "MethodCall", object: id("o"), method: "m", bang: true, args: [arg(id("a"))] })]);
    expect(statements("xs.map! { |x| x }")).toMatchObject([exprStmt({ type: "MethodCall", method: "map", bang: true })]);
    expect(statements("m.a!")).toMatchObject([exprStmt({ type: "Member", object: id("m"), property: "a!" })]);
    expect(statements("f(x!, k: y!)")).toMatchObject([
      exprStmt({ type: "Call", args: [{ name: null, value: id("x"), mutable: true }, { name: "k", value: id("y"), mutable: true }] }),
    ]);
    parseError("f!(1)", syntaxAt(1, 2, "unexpected '!'"));
  });

  it("tree, graph, hash/map and list literals", () => {
    expect(statements("t = tree { type: :bst }")).toMatchObject([
      assign("t", { type: "GraphLit", tree: true, parent: null, entries: [{ key: "type", value: { type: "SymbolLit", name: "bst" } }] }),
    ]);
    expect(statements('g = graph { "type": :dag, weighted: true }')).toMatchObject([
      assign("g", { type: "GraphLit", tree: false, entries: [{ key: "type" }, { key: "weighted", value: { type: "BoolLit", value: true } }] }),
    ]);
    expect(statements("g = graph from m.Base { }")).toMatchObject([assign("g", { type: "GraphLit", parent: { type: "Member", property: "Base" } })]);
    const map = { type: "MapLit", entries: [{ key: "a", value: num(1) }] };
    expect(statements('a = hash { "a": 1 } ⏎ b = map { a: 1 } ⏎ c = hash<num>{ a: 1 } ⏎ d = { a: 1 }')).toMatchObject([
      assign("a", map),
      assign("b", map),
      assign("c", map),
      assign("d", map),
    ]);
    const list = { type: "ListLit", elements: [num(1), num(2)] };
    expect(statements("a = list<num>[1, 2] ⏎ b = list[1, 2] ⏎ c = [1, 2]")).toMatchObject([assign("a", list), assign("b", list), assign("c", list)]);
  });

  it("list. and string. are the namespace variables", () => {
    expect(statements("ys = list.generate(1, 3) ⏎ s = string.x")).toMatchObject([
      assign("ys", { type: "MethodCall", object: id("list"), method: "generate" }),
      assign("s", { type: "Member", object: id("string"), property: "x" }),
    ]);
    parseError("x = list", syntaxAt(1, 9, /end of file/));
    parseError("x = string + 1", syntaxAt(1, 5));
  });

  it("conditional expressions", () => {
    const test = id("c");
    expect(statements("x = a if c else b ⏎ y = a if c ⏎ z = a unless c")).toEqual([
      assign("x", { type: "Conditional", test, consequent: id("a"), alternate: id("b"), negate: false }),
      assign("y", { type: "Conditional", test, consequent: id("a"), alternate: null, negate: false }),
      assign("z", { type: "Conditional", test, consequent: id("a"), alternate: null, negate: true }),
    ]);
    parseError("x = a unless c else b", syntaxAt(1, 16, /'unless' has no 'else'/));
  });

  it("block if/unless expressions", () => {
    expect(statements("x = if c { a } else { b } ⏎ y = unless c { a }")).toEqual([
      assign("x", { type: "IfExpr", test: id("c"), consequent: [exprStmt(id("a"))], alternate: [exprStmt(id("b"))], negate: false }),
      assign("y", { type: "IfExpr", test: id("c"), consequent: [exprStmt(id("a"))], alternate: null, negate: true }),
    ]);
    expect(statements("unless done { go() }")).toMatchObject([exprStmt({ type: "IfExpr", negate: true })]);
    parseError("unless c then x()", syntaxAt(1, 10, "unexpected 'then'"));
  });

  it("if c then s, else if", () => {
    expect(statements("if c then go()")).toEqual([{ type: "If", test: id("c"), consequent: [exprStmt(call(id("go")))], alternate: null }]);
    expect(statements("if a { x() } else if b { y() } else { z() }")).toMatchObject([
      {
        type: "If",
        test: id("a"),
        alternate: [{ type: "If", test: id("b"), consequent: [exprStmt(call(id("y")))], alternate: [exprStmt(call(id("z")))] }],
      },
    ]);
    expect(statements("if a { x() } else while b { y() }")).toMatchObject([{ type: "If", alternate: [{ type: "While" }] }]);
  });

  it("functions with receivers, setters and static methods", () => {
    expect(statements("fn R.m(a) { } ⏎ set R.v(x) { } ⏎ static fn R.make() { }")).toMatchObject([
      { type: "FnDecl", name: "m", receiver: "R", setter: false, isStatic: false, priv: false },
      { type: "FnDecl", name: "v", receiver: "R", setter: true, isStatic: false },
      { type: "FnDecl", name: "make", receiver: "R", setter: false, isStatic: true },
    ]);
    parseError("fn a.b.c() { }", syntaxAt(1, 7, "unexpected '.'"));
    parseError("fn f<T>() { }", syntaxAt(1, 5, "unexpected '<'"));
    parseError("fn Foo.set(v) { }", syntaxAt(1, 8, /'set' is a reserved word/));
    parseError("f = fn(x) { x }", syntaxAt(1, 5, /'fn'/));
  });

  it("spawn statement and expression", () => {
    expect(statements("spawn { work() } ⏎ w = spawn Worker {}")).toMatchObject([
      { type: "SpawnBlock", body: [exprStmt(call(id("work")))] },
      assign("w", { type: "SpawnExpr", value: { type: "Instantiate", target: id("Worker"), overrides: [] } }),
    ]);
  });

  it("super calls", () => {
    expect(statements("x = super.m(a, k: 1).y")).toMatchObject([
      assign("x", { type: "Member", property: "y", object: { type: "SuperCall", method: "m", args: [arg(id("a")), { name: "k", value: num(1) }] } }),
    ]);
  });

  it("instantiation", () => {
    expect(statements("p = Point { x: 1, ⏎ y: 2 }")).toEqual([
      assign("p", {
        type: "Instantiate",
        target: id("Point"),
        overrides: [
          { key: "x", value: { type: "NumberLit", value: 1, raw: "1" } },
          { key: "y", value: { type: "NumberLit", value: 2, raw: "2" } },
        ],
      }),
    ]);
    expect(statements("match P { x: 1 } { _ => 1 }")).toMatchObject([exprStmt({ type: "Match", subject: { type: "Instantiate" }, arms: [{ pattern: { kind: "wildcard" } }] })]);
    parseError("p = P { x: 1, }", syntaxAt(1, 15, "unexpected '}', expected a name"));
    parseError("graph B from mk(A {}) { }", syntaxAt(1, 19, "unexpected '{'"));
  });
});

describe("declarations and statements", () => {
  it("typed declarations report hash as map and keep the type parameter", () => {
    expect(statements("hash h = {} ⏎ map m = {} ⏎ list<:sym> xs = [] ⏎ list < num > ys = [1] ⏎ bignum b = 2")).toMatchObject([
      { type: "TypedDecl", typeWord: "map", typeParam: null, name: "h" },
      { type: "TypedDecl", typeWord: "map", name: "m" },
      { type: "TypedDecl", typeWord: "list", typeParam: ":sym", name: "xs" },
      { type: "TypedDecl", typeWord: "list", typeParam: "num", name: "ys" },
      { type: "TypedDecl", typeWord: "bignum", name: "b" },
    ]);
    parseError("num x", syntaxAt(1, 6, /end of file/));
    parseError("num xs[0] = 1", syntaxAt(1, 7, "unexpected '['"));
  });

  it("priv forms", () => {
    expect(statements("priv fn f() { } ⏎ priv x = 1 ⏎ priv num y = 2 ⏎ priv { z = 3 } ⏎ priv print(1) ⏎ priv x == 1")).toMatchObject([
      { type: "FnDecl", priv: true },
      { type: "Assign", target: id("x"), priv: true },
      { type: "TypedDecl", name: "y", priv: true },
      { type: "PrivBlock", body: [assign("z", num(3))] },
      exprStmt(call(id("print"), num(1))),
      exprStmt(binary("==", id("x"), num(1))),
    ]);
    parseError('priv { "k": 1 }', syntaxAt(1, 11, "unexpected ':'"));
  });

  it("try with every catch shape", () => {
    expect(statements("try { a() } catch ValueError as e { } catch KeyError { } catch as err { } catch { } finally { }")).toMatchObject([
      {
        type: "Try",
        handlers: [
          { type: "CatchClause", errorType: "ValueError", binding: "e" },
          { type: "CatchClause", errorType: "KeyError", binding: null },
          { type: "CatchClause", errorType: null, binding: "err" },
          { type: "CatchClause", errorType: null, binding: null },
        ],
        finalizer: [],
      },
    ]);
    parseError("try { a() }", syntaxAt(1, 12, "unexpected end of file, expected 'catch' or 'finally'"));
    parseError("try { } finally { } catch { }", syntaxAt(1, 21, /'catch'/));
  });

  it("import, load, module, configure", () => {
    expect(statements('import "./geometry" { area, perimeter as perim } ⏎ load dir + "x.gr" ⏎ module M alias S ⏎ configure { error_mode: :lenient, precision: 2 } { x = 1 }')).toMatchObject([
      { type: "Import", path: "./geometry", alias: null, items: [{ name: "area", alias: null }, { name: "perimeter", alias: "perim" }], unsafe: false },
      { type: "Load", path: binary("+", id("dir"), str("x.gr")) },
      { type: "ModuleDecl", name: "M", alias: "S" },
      { type: "Configure", settings: [{ kind: "entry", key: "error_mode" }, { kind: "entry", key: "precision", value: num(2) }], body: [assign("x", num(1))] },
    ]);
    parseError("x = load 'f'", syntaxAt(1, 5, /'load'/));
  });

  it("graph declarations with every member kind", () => {
    const [graph] = statements(
      "graph Account from Base { ⏎ owner: 'x'; balance: 0 ⏎ configure { readable: [:owner, :balance], writable: :owner } ⏎ rule :no_cycles ⏎ rule :max, 3 ⏎ fn deposit(a) when a > 0 { } ⏎ priv fn audit() { } ⏎ static fn open(n) { } ⏎ static set s(v) { } ⏎ set limit(v) { } ⏎ }",
    );
    expect(graph).toMatchObject({
      type: "GraphDecl",
      name: "Account",
      parent: id("Base"),
      members: [
        { kind: "property", name: "owner", value: str("x") },
        { kind: "property", name: "balance" },
        { kind: "configure", entries: [{ key: "readable", symbols: ["owner", "balance"] }, { key: "writable", symbols: ["owner"] }] },
        { kind: "rule", rule: "no_cycles", arg: null },
        { kind: "rule", rule: "max", arg: num(3) },
        { kind: "method", fn: { name: "deposit", guard: binary(">", id("a"), num(0)), priv: false, isStatic: false, setter: false } },
        { kind: "method", fn: { name: "audit", priv: true } },
        { kind: "method", fn: { name: "open", isStatic: true } },
        { kind: "method", fn: { name: "s", isStatic: true, setter: true } },
        { kind: "method", fn: { name: "limit", setter: true } },
      ],
    });
    parseError("graph P { configure { readable: [] } }", syntaxAt(1, 34, "unexpected ']'"));
    parseError("graph P { priv static fn f() { } }", syntaxAt(1, 16, "unexpected 'static'"));
    parseError("graph P { fn f(v) { |0| => 1 } }", syntaxAt(1, 21, "unexpected '|'"));
  });

  it("pattern-matching function bodies", () => {
    expect(statements('fn f(v) { ⏎ |0| => "zero" ⏎ |"s"| => 1 ⏎ |true| => 2 ⏎ |none| => 3 ⏎ |k| if k > 0 => k ⏎ |_| => -1 ⏎ }')[0]).toMatchObject({
      body: [],
      clauses: [
        { pattern: { kind: "literal", value: 0 }, guard: null, body: str("zero") },
        { pattern: { kind: "literal", value: "s" } },
        { pattern: { kind: "literal", value: true } },
        { pattern: { kind: "literal", value: null } },
        { pattern: { kind: "bind", name: "k" }, guard: binary(">", id("k"), num(0)) },
        { pattern: { kind: "wildcard" }, body: { type: "Unary", operator: "-" } },
      ],
    });
    parseError("fn f(v) { |0| => 1 |1| => 2 }", syntaxAt(1, 24, "unexpected '=>'"));
  });

  it("match arms, list patterns and separators", () => {
    const [statement] = statements('label = match r { ⏎ 0 => "zero" ⏎ [only] => ("one") ⏎ [head, ...tail] => tail, _ => "other", ⏎ [a, ...] => a ⏎ }');
    expect((statement as Assign).value).toMatchObject({
      type: "Match",
      arms: [
        { pattern: { kind: "literal", value: 0 } },
        { pattern: { kind: "list", items: [{ kind: "bind", name: "only" }], rest: null } },
        { pattern: { kind: "list", items: [{ kind: "bind", name: "head" }], rest: { name: "tail" } }, body: id("tail") },
        { pattern: { kind: "wildcard" } },
        { pattern: { kind: "list", rest: { name: null } } },
      ],
    });
    parseError("match x { 1 => 2 ⏎ , 2 => 3 }", syntaxAt(2, 1, "unexpected ','"));
    parseError("match x { [...r, a] => 1 }", syntaxAt(1, 18, "unexpected 'a', expected ']'"));
  });

  it("lambdas", () => {
    expect(statements("f = (a, b) => { a + b } ⏎ g = () => 1 ⏎ h = { || 2 }")).toMatchObject([
      assign("f", lambda(["a", "b"], { expression: null, body: [exprStmt(binary("+", id("a"), id("b")))] })),
      assign("g", lambda([], { expression: num(1), body: null })),
      assign("h", lambda([], { expression: num(2) })),
    ]);
    parseError("f = (a, b = 2) => a", syntaxAt(1, 11, "unexpected '='"));
    parseError("x => x", syntaxAt(1, 3, "unexpected '=>'"));
    parseError("f = x => 1 if x else 2", syntaxAt(1, 17, "unexpected 'else'"));
  });
});

describe("§2.7 accepted / rejected pairs", () => {
  const pairs: [accepted: string, rejected: string, rejectedAt: [number, number]][] = [
    ["xs = [1, ⏎ 2]", "xs = [1, 2,]", [1, 12]],
    ["xs = [1 ⏎ , 2]", 'm = {"a": 1 ⏎ , "b": 2}', [2, 1]],
    ['m = {"a": 1, ⏎ "b": 2}', "m = { ⏎ a: 1 ⏎ b: 2 ⏎ }", [3, 1]],
    ["print(1 ⏎ , 2)", "print(1, 2,)", [1, 12]],
    ["x = ([1] ⏎ .length())", "x = (1 + ⏎ 2)", [1, 9]],
    ["y = xs ⏎ .length()", "y = xs. ⏎ length()", [1, 8]],
    ["if c ⏎ { a() }", "fn f() ⏎ { }", [1, 7]],
    ["try { a() } ⏎ catch { b() }", "try { a() } catch ⏎ { b() }", [1, 18]],
    ["if c { a() } else { b() }", "if c { a() } ⏎ else { b() }", [2, 1]],
    ["if c then a() ⏎ else b()", "if c then a() ⏎ ⏎ else b()", [3, 1]],
    ["fn f() { ⏎ return ⏎ }", "fn f() { return }", [1, 17]],
    ["f = x => { ⏎ x + 1 ⏎ }", "f = x => ⏎ x + 1", [1, 9]],
    ["m = P ⏎ { x: 3 }", "graph P ⏎ { x: 1 }", [1, 8]],
    ["module M alias S", "module M ⏎ alias S", [2, 1]],
    ['import "m" { a, b }', 'import "m" { ⏎ a ⏎ }', [1, 13]],
    ["g = graph { type: :dag }", "g = graph { ⏎ type: :dag ⏎ }", [1, 12]],
    ['x = "a" if c else "b"', 'x = "a" if c ⏎ else "b"', [2, 1]],
  ];
  it.each(pairs)("accepts %j, rejects %j", (accepted, rejected, [line, column]) => {
    parseOk(accepted);
    parseError(rejected, syntaxAt(line, column));
  });

  it("the same pairs keep one statement where the line continues", () => {
    expect(statements("y = xs ⏎ .length()")).toMatchObject([assign("y", { type: "MethodCall", object: id("xs"), method: "length" })]);
    expect(statements("x = ([1] ⏎ .length())")).toMatchObject([assign("x", { type: "MethodCall", method: "length" })]);
  });
});

describe("locations", () => {
  it("are 1-based lines and columns with 0-based offsets, covering exactly the node", () => {
    const program = parseOk("x = foo(1)\n  y = (a + b) * 2");
    const [first, second] = program.body as Assign[];
    // Locations compute their positions when read (grammar.peggy, SourceLoc): compare what they read.
    const plain = (loc: Loc) => ({ start: loc.start, end: loc.end });
    expect(plain(first.loc)).toEqual({ start: { offset: 0, line: 1, column: 1 }, end: { offset: 10, line: 1, column: 11 } });
    expect(plain(first.value.loc)).toEqual({ start: { offset: 4, line: 1, column: 5 }, end: { offset: 10, line: 1, column: 11 } });
    expect(second.loc.start).toEqual({ offset: 13, line: 2, column: 3 });
    // The product starts at the parenthesis; the sum inside it does not include it.
    const product = second.value as Expression & { type: "Binary" };
    expect(product.loc.start).toEqual({ offset: 17, line: 2, column: 7 });
    expect(product.left.loc.start).toEqual({ offset: 18, line: 2, column: 8 });
    expect(product.loc.end).toEqual({ offset: 28, line: 2, column: 18 });
  });

  it("span lines for chains and blocks", () => {
    const program = parseOk("evens = nums\n  .filter(n => n > 2)\nfn f() {\n  return 1\n}");
    const chain = (program.body[0] as Assign).value;
    expect(chain.loc.start).toMatchObject({ line: 1, column: 9 });
    expect(chain.loc.end).toMatchObject({ line: 2, column: 22 });
    expect(program.body[1].loc).toMatchObject({ start: { line: 3, column: 1 }, end: { line: 5, column: 2 } });
    expect(program.body[1]).toMatchObject({ nameLoc: { start: { line: 3, column: 4 }, end: { line: 3, column: 5 } } });
  });

  it("include `priv` in the statements it modifies", () => {
    const program = parseOk("priv fn f() { }");
    expect(program.body[0].loc.start.column).toBe(1);
    const call = (parseOk("obj.method(1)").body[0] as ExprStmt).expression;
    expect(call).toMatchObject({ nameLoc: { start: { column: 5 }, end: { column: 11 } } });
  });
});

describe("diagnostics", () => {
  it("never throws and always reports one diagnostic with our wording", () => {
    for (const text of ["(", "x = ", "}", "fn", "graph", "@", "'", "/*", "0x", "if x {", "\u0000", "x = [[[[", "a.b.c(", "match"]) {
      const result = parse(text, "bad.gr");
      expect(result.program).toBeNull();
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0].message).not.toMatch(/Expected .* but .* found/);
    }
  });

  it("classifies lexical and syntax errors", () => {
    parseError("x = 1 $ 2", { code: "GR0002", line: 1, column: 7, message: "unexpected character '$'" });
    parseError("x = `y`", { code: "GR0002", line: 1, column: 5 });
    parseError("x = a \\ b", { code: "GR0002", line: 1, column: 7 });
    parseError("x = 'abc", { code: "GR0002", line: 1, column: 5, message: "unterminated string" });
    parseError('x = "abc\\', { code: "GR0002", line: 1, column: 5, message: "unterminated string" });
    parseError("x = 1;", { code: "GR0001", line: 1, column: 6, message: /';'/ });
    parseError("from = 1", { code: "GR0001", line: 1, column: 1, message: "'from' is a reserved word and cannot be used as a variable name" });
    parseError("total += 1", { code: "GR0001", line: 1, column: 7, message: /no '\+=' operator/ });
  });

  it("handles deep nesting without throwing", () => {
    const deep = "x = " + "(".repeat(2000) + "1" + ")".repeat(2000);
    const result = parse(deep, "deep.gr");
    expect(result.program !== null || result.diagnostics.length === 1).toBe(true);
  });
});
