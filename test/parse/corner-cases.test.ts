// Every verified corner case of grammar.md §6, numbered as there. Accepted cases must parse (and
// have the tree shape the table states); rejected ones must give one GR0001/GR0002 diagnostic at
// the offending token.
import { describe, expect, it } from "vitest";
import {
  arg,
  assign,
  binary,
  call,
  exprStmt,
  id,
  lexicalAt,
  num,
  parseError,
  parseOk,
  statements,
  str,
  syntaxAt,
} from "./helpers.js";

describe("§6.1 tokens", () => {
  it("1: `x = 1e3` is `x = 1` then the statement `e3`", () => {
    expect(statements("x = 1e3")).toMatchObject([assign("x", num(1)), exprStmt(id("e3"))]);
  });
  it("2: `print(1e3)` is rejected at `e3`", () => {
    parseError("print(1e3)", syntaxAt(1, 8, "unexpected 'e3', expected"));
  });
  it("3: `y = 2x` is `y = 2` then `x`", () => {
    expect(statements("y = 2x")).toMatchObject([assign("y", num(2)), exprStmt(id("x"))]);
  });
  it("4: `x = 1_000` is `x = 1` then `_000`", () => {
    expect(statements("x = 1_000")).toMatchObject([assign("x", num(1)), exprStmt(id("_000"))]);
  });
  it("5: `x = 1.` is rejected after the dot", () => {
    parseError("x = 1.", syntaxAt(1, 7, /end of file/));
  });
  it("6: `.5` and `2.5.round()`", () => {
    expect(statements("print(.5)")).toMatchObject([exprStmt(call(id("print"), num(0.5)))]);
    expect(statements("print(2.5.round())")).toMatchObject([
      exprStmt(call(id("print"), { type: "MethodCall", object: num(2.5), method: "round", args: [] })),
    ]);
  });
  it("7: `x = 1..5` is rejected at `.5`", () => {
    parseError("x = 1..5", syntaxAt(1, 7));
  });
  it("8: hex and binary literals with separators", () => {
    expect(statements("print(0xFF_FF, 0b1010, 0X1f)")).toMatchObject([
      exprStmt(call(id("print"), num(65535), num(10), num(31))),
    ]);
    expect(statements("print(0xFF_)")).toMatchObject([exprStmt(call(id("print"), num(255)))]);
    expect(statements("x = 0x7FFFFFFFFFFFFFFF")).toMatchObject([assign("x", num(2 ** 63))]);
  });
  it("9: malformed or oversized hex/binary literals are lexical errors", () => {
    parseError("0x1G", lexicalAt(1, 1, /hex literal/));
    parseError("0b102", lexicalAt(1, 1, /binary literal/));
    parseError("0x", lexicalAt(1, 1, /hex literal/));
    parseError("0x8000000000000000", lexicalAt(1, 1, /64 bits/));
    parseError("x = 1 + 0x_", lexicalAt(1, 9));
  });
  it("10: an unknown escape stands for the character itself", () => {
    expect(statements('print("a\\qb")')).toMatchObject([exprStmt(call(id("print"), str("aqb")))]);
    expect(statements("print('\\n\\t\\r\\\\\\'\\\"')")).toMatchObject([exprStmt(call(id("print"), str("\n\t\r\\'\"")))]);
  });
  it("11: `\\u0041` is `u0041`", () => {
    expect(statements('print("\\u0041")')).toMatchObject([exprStmt(call(id("print"), str("u0041")))]);
  });
  it('12: `x = """abc"""` is `x = ""` then two string statements', () => {
    expect(statements('x = """abc"""')).toMatchObject([assign("x", str("")), exprStmt(str("abc")), exprStmt(str(""))]);
  });
  it('13: `{"a":1}` is rejected (`:1` is a symbol)', () => {
    parseError('m = {"a":1}', syntaxAt(1, 9, /symbol :1/));
  });
  it('14: `{"a":"b"}` and `k::sym` are fine', () => {
    expect(statements('print({"a":"b"})')).toMatchObject([
      exprStmt(call(id("print"), { type: "MapLit", entries: [{ key: "a", value: str("b") }] })),
    ]);
    expect(statements("f(k::sym)")).toMatchObject([
      exprStmt({ type: "Call", args: [{ name: "k", value: { type: "SymbolLit", name: "sym" } }] }),
    ]);
  });
  it("15: `x=~5` is the expression `x =~ 5`", () => {
    expect(statements("x=~5")).toMatchObject([exprStmt(binary("=~", id("x"), num(5)))]);
  });
  it("16: `a.+1` is element-wise addition", () => {
    expect(statements("a = [1, 2] ⏎ print(a.+1)")[1]).toMatchObject(exprStmt(call(id("print"), binary(".+", id("a"), num(1)))));
  });
  it("17: `xs.0` is two statements; inside brackets it is rejected", () => {
    expect(statements("xs.0")).toMatchObject([exprStmt(id("xs")), exprStmt(num(0))]);
    parseError("print(xs.0)", syntaxAt(1, 9));
  });
  it("18: `x = 6 /*2*/ 3` is `x = 6` then `3`", () => {
    expect(statements("x = 6 /*2*/ 3")).toMatchObject([assign("x", num(6)), exprStmt(num(3))]);
  });
  it("19: a block comment hides a line break", () => {
    expect(statements("x = 1 + /* ⏎ */ 2")).toMatchObject([assign("x", binary("+", num(1), num(2)))]);
  });
  it("20: no-break space, form feed and byte-order mark are lexical errors", () => {
    parseError("x =\u00a01", lexicalAt(1, 4, /no-break space/));
    parseError("x = 1\n\fy = 2", lexicalAt(2, 1, /form feed/));
    parseError("\ufeffx = 1", lexicalAt(1, 1, /byte-order mark/));
    parseError("x = 1 /* never closed", lexicalAt(1, 7, "unterminated block comment"));
  });
  it("21: Unicode identifiers", () => {
    expect(statements("x² = 4 ⏎ café = 1 ⏎ total٣ = 2")).toMatchObject([
      assign("x²", num(4)),
      assign("café", num(1)),
      assign("total٣", num(2)),
    ]);
    parseError("x = ٣", lexicalAt(1, 5));
  });
  it("22: symbols may be keywords or start with digits", () => {
    expect(statements("print(:if, :true, :32bit)")).toMatchObject([
      exprStmt({
        type: "Call",
        args: [
          arg({ type: "SymbolLit", name: "if" }),
          arg({ type: "SymbolLit", name: "true" }),
          arg({ type: "SymbolLit", name: "32bit" }),
        ],
      }),
    ]);
  });
  it("23: `@` is a lexical error except as a statement-start annotation (graphoid-js extension)", () => {
    parseError("x = @name", lexicalAt(1, 5, "unexpected character '@'"));
    parseError("print(1) @name", lexicalAt(1, 10));
    parseError("@name fn f() { }", syntaxAt(1, 7, "unexpected 'fn', expected a line break"));
    parseError("@name ⏎ x = 1", syntaxAt(2, 1, /annotation must be followed by a function declaration/));
    expect(statements("@name ⏎ fn f() { }")).toMatchObject([{ type: "FnDecl", annotations: [{ name: "name", args: [] }] }]);
  });
});

describe("§6.2 line breaks", () => {
  it("24: a line cannot start with a binary operator", () => {
    parseError("x = 1 ⏎ + 2", syntaxAt(2, 1, "unexpected '+', expected a statement"));
  });
  it("25: `-2` on the next line is a separate statement", () => {
    expect(statements("x = 1 ⏎ -2")).toMatchObject([assign("x", num(1)), exprStmt({ type: "Unary", operator: "-", operand: num(2) })]);
  });
  it("26: `(3)` on the next line calls the previous operand", () => {
    expect(statements("y = f ⏎ (3)")).toMatchObject([assign("y", call(id("f"), num(3)))]);
  });
  it("27: `[1, 2]` on the next line is an index with two expressions", () => {
    parseError("x = 5 ⏎ [1, 2].each(g)", syntaxAt(2, 3, "unexpected ',', expected ']'"));
  });
  it("28: the `}` of a statement does not continue", () => {
    expect(statements("if c { a() } ⏎ [1].each(g)")).toMatchObject([{ type: "If" }, exprStmt({ type: "MethodCall", method: "each" })]);
  });
  it("29: a method chain continues across blank and comment lines", () => {
    expect(statements("xs = [1] ⏎ ⏎ # c ⏎ .length()")).toMatchObject([
      assign("xs", { type: "MethodCall", object: { type: "ListLit" }, method: "length" }),
    ]);
  });
  it("30: an if/for body brace may be on the next line", () => {
    expect(statements("if x > 0 ⏎ { print(x) }")).toMatchObject([{ type: "If", consequent: [exprStmt(call(id("print"), id("x")))] }]);
    expect(statements("for v in xs ⏎ { print(v) }")).toMatchObject([{ type: "For", variable: "v", iterable: id("xs") }]);
  });
  it("31: a function body brace may not", () => {
    parseError("fn f() ⏎ { return 1 }", syntaxAt(1, 7, "unexpected line break, expected '{'"));
  });
  it("32: ... unless a `when` guard intervenes", () => {
    expect(statements("fn f(x) when x > 1 ⏎ { return 1 }")).toMatchObject([
      { type: "FnDecl", name: "f", guard: binary(">", id("x"), num(1)), body: [{ type: "Return", value: num(1) }] },
    ]);
  });
  it("33: `if ok {}`: the reference rejects it (`ok {}` is an instantiation, then no body); we accept the braces as the empty body (README policy 6)", () => {
    const empty = { type: "If", test: id("ok"), consequent: [], alternate: null };
    expect(statements("ok = true ⏎ if ok {}")).toMatchObject([assign("ok", { type: "BoolLit", value: true }), empty]);
    expect(statements("if ok { ⏎ }")).toMatchObject([empty]);
    expect(statements("while busy {} ⏎ for x in items {} ⏎ if not done {} else { a() } ⏎ if (ok) {}")).toMatchObject([
      { type: "While", test: id("busy"), body: [] },
      { type: "For", iterable: id("items"), body: [] },
      { type: "If", test: { type: "Unary", operator: "not", operand: id("done") }, consequent: [], alternate: [exprStmt(call(id("a")))] },
      { type: "If", test: id("ok"), consequent: [] },
    ]);
    expect(statements("fn f(x) when ok {} ⏎ x = if ready {} else { 2 }")).toMatchObject([
      { type: "FnDecl", guard: id("ok"), body: [], clauses: null },
      assign("x", { type: "IfExpr", test: id("ready"), consequent: [], alternate: [exprStmt(num(2))] }),
    ]);
    // Where a body does follow, the meaning is the reference's: `ready {}` is an instantiation.
    expect(statements("if ready {} ⏎ { a() }")).toMatchObject([
      { type: "If", test: { type: "Instantiate", target: id("ready"), overrides: [] }, consequent: [exprStmt(call(id("a")))] },
    ]);
    // Braces with overrides are not a body.
    parseError("if ok { x: 1 }", syntaxAt(1, 15, /end of file/));
  });
  it("34: empty bodies are fine after other conditions", () => {
    expect(statements("if ok == true {}")).toMatchObject([{ type: "If", consequent: [] }]);
    expect(statements("if ok() {}")).toMatchObject([{ type: "If", test: call(id("ok")), consequent: [] }]);
    expect(statements("if m.a {}")).toMatchObject([{ type: "If", test: { type: "Member", property: "a" }, consequent: [] }]);
  });
  it("35: `if ok then {}`", () => {
    expect(statements("if ok then {}")).toMatchObject([{ type: "If", test: id("ok"), consequent: [], alternate: null }]);
  });
  it("36: one line break may precede `else` after a then-statement", () => {
    expect(statements('if false then print("a") ⏎ else print("b")')).toMatchObject([
      { type: "If", consequent: [exprStmt(call(id("print"), str("a")))], alternate: [exprStmt(call(id("print"), str("b")))] },
    ]);
  });
  it("37: ... but not a blank or comment line", () => {
    parseError('if false then print("a") ⏎ ⏎ else print("b")', syntaxAt(3, 1, /'else'/));
    parseError('if false then print("a") ⏎ # note ⏎ else print("b")', syntaxAt(3, 1, /'else'/));
  });
  it("38: the else-statement may be on the next line", () => {
    expect(statements('if c { a() } else ⏎ print("b")')).toMatchObject([{ type: "If", alternate: [exprStmt(call(id("print"), str("b")))] }]);
  });
  it("39: ... but a `{` there starts a map literal", () => {
    parseError('if c { a() } else ⏎ { print("b") }', syntaxAt(2, 8, "unexpected '(', expected ':'"));
  });
  it("40: `else` on the line after `}` is rejected; a block comment can hide the line break", () => {
    parseError("if c { a() } # note ⏎ else { b() }", syntaxAt(2, 1, /'else'/));
    expect(statements("if c { a() } /* ⏎ */ else { b() }")).toMatchObject([{ type: "If", alternate: [exprStmt(call(id("b")))] }]);
  });
  it("41: the line break before `else` belongs to the outer then-statement", () => {
    expect(statements('if false then if true { print("inner") } ⏎ else print("outer")')).toMatchObject([
      {
        type: "If",
        test: { type: "BoolLit", value: false },
        consequent: [{ type: "If", alternate: null }],
        alternate: [exprStmt(call(id("print"), str("outer")))],
      },
    ]);
  });
  it("42: blank lines between `}` and `finally`", () => {
    expect(statements("try { a() } ⏎ ⏎ finally { b() }")).toMatchObject([
      { type: "Try", handlers: [], finalizer: [exprStmt(call(id("b")))] },
    ]);
  });
  it("43: the `{` of a match may follow line breaks", () => {
    expect(statements('x = match v ⏎ { ⏎ 1 => "a" ⏎ }')).toMatchObject([
      assign("x", { type: "Match", subject: id("v"), arms: [{ pattern: { kind: "literal", value: 1 }, body: str("a") }] }),
    ]);
  });
  it("44: instantiation across a line break", () => {
    expect(statements("p = P ⏎ { x: 3 }")).toMatchObject([
      assign("p", { type: "Instantiate", target: id("P"), overrides: [{ key: "x", value: num(3) }] }),
    ]);
  });
  it("45: a promoted bare block on the next line", () => {
    expect(statements('P.run ⏎ { print("x") }')).toMatchObject([
      exprStmt({
        type: "MethodCall",
        object: id("P"),
        method: "run",
        bang: false,
        args: [arg({ type: "Lambda", params: [], body: [exprStmt(call(id("print"), str("x")))] })],
      }),
    ]);
  });
  it("46: `return` then a line break returns nothing", () => {
    expect(statements("return ⏎ 5")).toMatchObject([{ type: "Return", value: null }, exprStmt(num(5))]);
  });
  it("47: no line break at the edges of an index", () => {
    parseError("print(xs[ ⏎ 1])", syntaxAt(1, 10, "unexpected line break, expected an expression"));
  });
  it("48: an if expression continues with a method on the next line", () => {
    expect(statements('x = if c { "a" } else { "b" } ⏎ .upper()')).toMatchObject([
      assign("x", { type: "MethodCall", object: { type: "IfExpr", negate: false }, method: "upper" }),
    ]);
  });
  it("49: an expression-bodied lambda continues", () => {
    expect(statements("f = x => x ⏎ (3)")).toMatchObject([
      assign("f", { type: "Lambda", params: ["x"], expression: call(id("x"), num(3)), body: null }),
    ]);
  });
  it("50: a comment after a comma in an argument list", () => {
    expect(statements("print(1, # first ⏎ 2)")).toMatchObject([exprStmt(call(id("print"), num(1), num(2)))]);
  });
});

describe("§6.3 statements", () => {
  it("51: a block cannot follow a suffix condition", () => {
    parseError("x = 1 if x == 1 { print(1) }", syntaxAt(1, 17, /suffix condition/));
  });
  it("52: `break 1` is `break` then the statement `1`", () => {
    expect(statements("break 1")).toMatchObject([{ type: "Break" }, exprStmt(num(1))]);
  });
  it("53: `break if done` starts an if statement", () => {
    parseError("for i in xs { break if done }", syntaxAt(1, 29, "unexpected '}', expected"));
  });
  it("54: `return 1 if false` returns the conditional", () => {
    expect(statements("fn f() { return 1 if false }")).toMatchObject([
      { type: "FnDecl", body: [{ type: "Return", value: { type: "Conditional", consequent: num(1), alternate: null, negate: false } }] },
    ]);
  });
  it("55: `raise` takes the whole conditional", () => {
    expect(statements('raise "bad" if false')).toMatchObject([
      exprStmt({ type: "Raise", value: { type: "Conditional", consequent: str("bad"), test: { type: "BoolLit", value: false } } }),
    ]);
  });
  it("56: `print \"hello\"` is two statements", () => {
    expect(statements('print "hello"')).toMatchObject([exprStmt(id("print")), exprStmt(str("hello"))]);
  });
  it("57: `t x { … }` is `t` then a command call of `x`", () => {
    expect(statements("t x { print(1) }")).toMatchObject([
      exprStmt(id("t")),
      exprStmt({ type: "Call", callee: id("x"), command: true, args: [arg({ type: "Lambda", params: [], body: [exprStmt(call(id("print"), num(1)))] })] }),
    ]);
  });
  it("58: `P {}` at statement start is a command call", () => {
    expect(statements("graph P { x: 1 } ⏎ P {}")).toMatchObject([
      { type: "GraphDecl", name: "P", members: [{ kind: "property", name: "x", value: num(1) }] },
      exprStmt({ type: "Call", callee: id("P"), command: true, args: [arg({ type: "Lambda", params: [], body: [] })] }),
    ]);
  });
  it("59: `P { x: 2 }` and `P {}.f()` at statement start are rejected", () => {
    parseError("P { x: 2 }", syntaxAt(1, 6, "unexpected ':'"));
    parseError("P {}.f()", syntaxAt(1, 5, "unexpected '.'"));
  });
  it('60: `p = P { "x": 3 }` is `p = P` then a map statement', () => {
    expect(statements('p = P { "x": 3 }')).toMatchObject([assign("p", id("P")), exprStmt({ type: "MapLit", entries: [{ key: "x" }] })]);
  });
  it("61: `priv` before other statements is ignored", () => {
    expect(statements('priv print("hi")')).toMatchObject([exprStmt(call(id("print"), str("hi")))]);
    expect(statements("priv if true { }")).toMatchObject([{ type: "If", consequent: [] }]);
  });
  it("62: declarations do not take lambdas", () => {
    parseError("priv f = x => x", syntaxAt(1, 12, "unexpected '=>'"));
    parseError("num f = x => x", syntaxAt(1, 11, "unexpected '=>'"));
  });
  it("63: typed graph and tree declarations", () => {
    expect(statements("graph<num> g = graph{}")).toMatchObject([
      { type: "TypedDecl", typeWord: "graph", typeParam: "num", name: "g", value: { type: "GraphLit", tree: false, parent: null, entries: [] } },
    ]);
    expect(statements("tree<num> t = tree{}")).toMatchObject([
      { type: "TypedDecl", typeWord: "tree", typeParam: "num", name: "t", value: { type: "GraphLit", tree: true } },
    ]);
  });
  it("64: bad type parameters and `graph name = …`", () => {
    parseError("hash<num> h = {}", syntaxAt(1, 5, /type parameter/));
    parseError("list<none> xs = []", syntaxAt(1, 6));
    parseError("graph g = graph{}", syntaxAt(1, 9, "unexpected '='"));
  });
  it("65: a statement starting with a type word is a declaration", () => {
    parseError('graph{}.add_node("a", 1)', syntaxAt(1, 6, "unexpected '{'"));
  });
  it("66: `list.` at statement start is the namespace", () => {
    expect(statements("list.upto(2).each(f)")).toMatchObject([
      exprStmt({ type: "MethodCall", method: "each", object: { type: "MethodCall", method: "upto", object: id("list") } }),
    ]);
  });
  it("67: `static` needs `fn` and a receiver", () => {
    parseError("static fn f() { }", syntaxAt(1, 11, /receiver/));
    parseError("static set P.x(v) { }", syntaxAt(1, 8, "unexpected 'set', expected 'fn'"));
  });
  it("68: unusual parameter lists parse", () => {
    expect(statements("fn f(...rest, b) { }")).toMatchObject([
      { type: "FnDecl", params: [{ name: "rest", variadic: true }, { name: "b", variadic: false }] },
    ]);
    expect(statements("fn f(a = 1, b) { }")).toMatchObject([{ type: "FnDecl", params: [{ name: "a", default: num(1) }, { name: "b", default: null }] }]);
    expect(statements("fn f(a, a) { }")).toMatchObject([{ type: "FnDecl", params: [{ name: "a" }, { name: "a" }] }]);
  });
  it("69: pattern clauses are not separated by commas", () => {
    parseError("fn f(v) { ⏎ |0| => 1, ⏎ |1| => 2 ⏎ }", syntaxAt(2, 9, "unexpected ','"));
  });
  it("70: a single pattern clause on the brace line", () => {
    expect(statements("fn f(v) { |0| => 1 }")).toMatchObject([
      { type: "FnDecl", body: [], clauses: [{ type: "PatternClause", pattern: { kind: "literal", value: 0 }, guard: null, body: num(1) }] },
    ]);
  });
  it("71: import selection trailing comma, `as … unsafe`", () => {
    expect(statements('import "m" { a, }')).toMatchObject([{ type: "Import", path: "m", alias: null, items: [{ name: "a", alias: null }], unsafe: false }]);
    expect(statements('import "m" as q unsafe')).toMatchObject([{ type: "Import", path: "m", alias: "q", items: null, unsafe: true }]);
  });
  it("72: `as` with a selection, and an empty selection, are rejected", () => {
    parseError('import "m" as q { a }', syntaxAt(1, 17, /either 'as' or a selection/));
    parseError('import "m" { }', syntaxAt(1, 14, "unexpected '}', expected a name"));
  });
  it("73: configure flags without or with a trailing comma", () => {
    expect(statements("configure { :integer :unsigned }")).toMatchObject([
      { type: "Configure", settings: [{ kind: "flag", name: "integer" }, { kind: "flag", name: "unsigned" }], body: null },
    ]);
    expect(statements("configure { :integer, }")).toMatchObject([{ type: "Configure", settings: [{ kind: "flag", name: "integer" }] }]);
  });
  it("74: double commas and string keys in configure are rejected", () => {
    parseError("configure { :integer,, :unsigned }", syntaxAt(1, 22, "unexpected ','"));
    parseError('configure { "k": 1 }', syntaxAt(1, 13, "unexpected string"));
  });
  it("75: the scoped configure body must start on the same line", () => {
    parseError("configure { :integer } ⏎ { x = 1 }", syntaxAt(2, 5, "unexpected '=', expected ':'"));
  });
  it("76: precision accepts whole numbers written as decimals or hex", () => {
    expect(statements("precision 2.0 { }")).toMatchObject([{ type: "Precision", places: 2, body: [] }]);
    expect(statements("precision 0x2 { }")).toMatchObject([{ type: "Precision", places: 2, body: [] }]);
    expect(statements("precision :int { x = 1 }")).toMatchObject([{ type: "Precision", places: "int", body: [assign("x", num(1))] }]);
  });
  it("77: precision needs a body and a non-negative whole number or :int", () => {
    parseError("precision 2", syntaxAt(1, 12, "unexpected end of file, expected '{'"));
    parseError("precision -1 { }", syntaxAt(1, 11, "unexpected '-'"));
    parseError("precision :high { }", syntaxAt(1, 11, /precision takes/));
    parseError("precision 2.5 { }", syntaxAt(1, 11, /precision takes/));
  });
  it("78: `spawn C {}` at statement start", () => {
    parseError("spawn C {}", syntaxAt(1, 7, "unexpected 'C', expected '{'"));
  });
  it("79: catch types are single names", () => {
    parseError("try { } catch a.B { }", syntaxAt(1, 16, "unexpected '.'"));
    parseError("try { } catch (e) { }", syntaxAt(1, 15, "unexpected '('"));
  });
  it("80: `static` before a property is ignored", () => {
    expect(statements("graph P { static x: 5 }")).toMatchObject([{ type: "GraphDecl", members: [{ kind: "property", name: "x", value: num(5) }] }]);
  });
  it("81: the comma after a rule belongs to the rule", () => {
    parseError("graph P { rule :no_cycles, x: 1 }", syntaxAt(1, 29, "unexpected ':'"));
  });
  it("82: graph-body separators", () => {
    expect(statements("graph P { , a: 1 ,, ; b: 2 }")).toMatchObject([
      { type: "GraphDecl", members: [{ kind: "property", name: "a" }, { kind: "property", name: "b" }] },
    ]);
    expect(statements("graph P { x: 1 y: 2 }")).toMatchObject([
      { type: "GraphDecl", members: [{ kind: "property", name: "x" }, { kind: "property", name: "y" }] },
    ]);
  });
  it("83: statements, `include` and receivers are not graph members", () => {
    parseError("graph P { include Q }", syntaxAt(1, 19, "unexpected 'Q', expected ':'"));
    parseError("graph P { x = 1 }", syntaxAt(1, 13, "unexpected '=', expected ':'"));
    parseError("graph P { fn P.f() { } }", syntaxAt(1, 15, "unexpected '.', expected '('"));
  });
  it("84: the parent may be a call", () => {
    expect(statements("graph B from A(:dag) { }")).toMatchObject([
      { type: "GraphDecl", name: "B", kind: null, parent: call(id("A"), { type: "SymbolLit", name: "dag" }), members: [] },
    ]);
  });
  it("85: kind before `from`", () => {
    expect(statements("graph P(:dag) from A { }")).toMatchObject([{ type: "GraphDecl", name: "P", kind: "dag", parent: id("A") }]);
  });
  it("86: configure symbol lists without commas", () => {
    expect(statements("graph P { configure { readable: [:a :b] } }")).toMatchObject([
      { type: "GraphDecl", members: [{ kind: "configure", entries: [{ key: "readable", symbols: ["a", "b"] }] }] },
    ]);
  });
});

describe("§6.4 expressions", () => {
  it("87: prefix minus binds tighter than `**`; `**` is right-associative", () => {
    expect(statements("print(-2 ** 2)")).toMatchObject([
      exprStmt(call(id("print"), binary("**", { type: "Unary", operator: "-", operand: num(2) }, num(2)))),
    ]);
    expect(statements("print(2 ** 3 ** 2)")).toMatchObject([exprStmt(call(id("print"), binary("**", num(2), binary("**", num(3), num(2)))))]);
  });
  it("88: bitwise operators bind tighter than comparisons; shifts looser than `+`", () => {
    expect(statements("print(5 & 3 == 1)")).toMatchObject([exprStmt(call(id("print"), binary("==", binary("&", num(5), num(3)), num(1))))]);
    expect(statements("print(1 + 2 << 1)")).toMatchObject([exprStmt(call(id("print"), binary("<<", binary("+", num(1), num(2)), num(1))))]);
  });
  it("89: no unary plus, no prefix `!`, no `!<`", () => {
    parseError("print(+3)", syntaxAt(1, 7, "unexpected '+', expected an expression"));
    parseError("print(!true)", syntaxAt(1, 7, "unexpected '!'"));
    parseError("x = 1 !< 2", syntaxAt(1, 7, "unexpected '!'"));
  });
  it("90: conditionals do not chain", () => {
    parseError("x = 1 if false else 2 if true else 3", syntaxAt(1, 31, "unexpected 'else'"));
  });
  it("91: no `else if` in an if expression", () => {
    parseError("x = if false { 1 } else if true { 2 }", syntaxAt(1, 25, "unexpected 'if', expected '{'"));
  });
  it("92: `unless` block expression", () => {
    expect(statements("x = unless false { 1 }")).toMatchObject([
      assign("x", { type: "IfExpr", negate: true, test: { type: "BoolLit", value: false }, consequent: [exprStmt(num(1))], alternate: null }),
    ]);
  });
  it("93: lambdas only where LambdaOrExpr is allowed", () => {
    parseError("f = x => y => x + y", syntaxAt(1, 12, "unexpected '=>'"));
    parseError("fs = [x => x]", syntaxAt(1, 9, "unexpected '=>'"));
    parseError("f = (x => x)", syntaxAt(1, 8, "unexpected '=>'"));
  });
  it("94: lambdas as map values; block lambdas", () => {
    expect(statements('m = {"f": x => x}')).toMatchObject([
      assign("m", { type: "MapLit", entries: [{ key: "f", value: { type: "Lambda", params: ["x"], expression: id("x") } }] }),
    ]);
    expect(statements("f = { |a, b| a + b }")).toMatchObject([
      assign("f", { type: "Lambda", params: ["a", "b"], expression: binary("+", id("a"), id("b")), body: null }),
    ]);
  });
  it("95: a block lambda argument may end its parameters with a comma; a trailing block may not", () => {
    expect(statements("print([1].map({ |a,| a }))")).toMatchObject([
      exprStmt(call(id("print"), { type: "MethodCall", method: "map", args: [arg({ type: "Lambda", params: ["a"] })] })),
    ]);
    parseError("print([1].map { |a,| a })", syntaxAt(1, 20, "unexpected '|'"));
  });
  it("96: type words as trailing-block parameters, but not in the body", () => {
    expect(statements("print([1, 2].map { |list| 1 })")).toMatchObject([
      exprStmt(call(id("print"), { type: "MethodCall", method: "map", args: [arg({ type: "Lambda", params: ["list"], expression: num(1) })] })),
    ]);
    parseError("print([1, 2].map { |list| list })", syntaxAt(1, 32, "unexpected '}'"));
  });
  it("97: a trailing block needs pipes", () => {
    parseError("print(w() { 7 })", syntaxAt(1, 11, "unexpected '{', expected ',' or ')'"));
  });
  it("98: a command-style method call needs its block", () => {
    parseError('print(m.a "str")', syntaxAt(1, 16, "unexpected ')', expected '{'"));
    parseError("x = m.a 5", syntaxAt(1, 10, "unexpected end of file, expected '{'"));
  });
  it("99: a command-style method call in an assignment", () => {
    expect(statements('x = P.it "a" { print(1) }')).toMatchObject([
      assign("x", { type: "MethodCall", object: id("P"), method: "it", args: [arg(str("a")), arg({ type: "Lambda", params: [], body: [exprStmt(call(id("print"), num(1)))] })] }),
    ]);
  });
  it("100: match arm bodies are single primaries", () => {
    parseError("print(match 2 { n => n * 2 })", syntaxAt(1, 24, "unexpected '*'"));
    parseError("print(match 2 { n => -1 })", syntaxAt(1, 22, "unexpected '-'"));
    parseError("print(match 2 { s => s.upper() })", syntaxAt(1, 23, "unexpected '.'"));
  });
  it("101: parenthesised arm bodies; list patterns without commas", () => {
    expect(statements("match 2 { n => (n * 2) }")).toMatchObject([
      exprStmt({ type: "Match", arms: [{ pattern: { kind: "bind", name: "n" }, body: binary("*", id("n"), num(2)) }] }),
    ]);
    expect(statements("match [1, 2] { [a b] => (a + b) }")).toMatchObject([
      exprStmt({
        type: "Match",
        arms: [{ pattern: { kind: "list", items: [{ kind: "bind", name: "a" }, { kind: "bind", name: "b" }], rest: null } }],
      }),
    ]);
  });
  it("102: two arms on one line need a comma", () => {
    parseError('match x { 1 => "a" 2 => "b" }', syntaxAt(1, 20, "unexpected number 2"));
  });
  it("103: no symbol patterns and no guards in match", () => {
    parseError("match v { :a => 1 }", syntaxAt(1, 11, "unexpected symbol :a"));
    parseError("match v { n if n > 1 => 1 }", syntaxAt(1, 13, "unexpected 'if', expected '=>'"));
  });
  it("104: instantiation of a parenthesised name", () => {
    expect(statements("p = (P) { x: 3 }")).toMatchObject([assign("p", { type: "Instantiate", target: id("P"), overrides: [{ key: "x", value: num(3) }] })]);
  });
  it("105: `m.P { x: 1 }` is a promoted bare block, which fails", () => {
    parseError("m.P { x: 1 }", syntaxAt(1, 8, "unexpected ':'"));
  });
  it("106: `graph from A {}` instantiates A and loses the literal's braces", () => {
    parseError("g = graph from A {}", syntaxAt(1, 20, "unexpected end of file, expected '{'"));
    expect(statements("g = graph from m.A {}")).toMatchObject([
      assign("g", { type: "GraphLit", parent: { type: "Member", object: id("m"), property: "A" }, entries: [], tree: false }),
    ]);
  });
  it("107: named arguments need a space after the colon before letters and digits", () => {
    parseError("f(a:1)", syntaxAt(1, 4, "unexpected symbol :1"));
    expect(statements("f(a: 1)")).toMatchObject([exprStmt({ type: "Call", args: [{ name: "a", value: num(1), mutable: false }] })]);
    expect(statements('f(a:"x")')).toMatchObject([exprStmt({ type: "Call", args: [{ name: "a", value: str("x") }] })]);
  });
  it("108: assignment is not an expression", () => {
    parseError("f(x = 1)", syntaxAt(1, 5, "unexpected '='"));
  });
  it("109: `super.f` needs parentheses", () => {
    parseError("super.f", syntaxAt(1, 8, "unexpected end of file, expected '('"));
  });
  it("110: nothing conditional follows a conditional", () => {
    parseError("print(1 if true if true else false)", syntaxAt(1, 17, "unexpected 'if'"));
  });
  it("111: a space before the `!` of a mutating call", () => {
    expect(statements("xs.sort !()")).toMatchObject([exprStmt({ type: "MethodCall", object: id("xs"), method: "sort", bang: true, args: [] })]);
  });
  it("112: `do … end` parses as unrelated expressions", () => {
    expect(statements("[1].each do |x| print(x) end")).toMatchObject([
      exprStmt({ type: "Member", property: "each" }),
      exprStmt(binary("|", binary("|", id("do"), id("x")), call(id("print"), id("x")))),
      exprStmt(id("end")),
    ]);
  });
});
