// compile() end to end on small programs: properties of the generated code that express the
// design decisions of docs/ARCHITECTURE.md (closures, names and calls, static types, call-site
// caches, inline behavior checks, generator twins, diagnostics). Substring and regex checks only:
// whole-file snapshots live in fixtures/compile.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import type * as A from "../../compiler/parse/ast.js";
import { COMPILE_OPTIONS, compileOk, jsFunction, lines, parseProgram } from "./helpers.js";

/** Generated modules must be valid JS: strip the ES module syntax and let V8 parse the rest. */
function expectValidJs(code: string): void {
  const body = code.replace(/^import .*$/gm, "").replace(/^export .*$/gm, "");
  expect(() => new Function("$rt", body)).not.toThrow();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("closures (the snapshot model, compiled cheaply)", () => {
  it("a local always assigned before it is read is a plain `let` of the call, read without an undefined check", () => {
    const code = compileOk(lines("fn f(a) {", "  t = a", "  return t", "}"));
    const f = jsFunction(code, "f");
    expect(f).toMatch(/let t;/);
    expect(f).toMatch(/return t;/);
    expect(f).not.toMatch(/t === undefined/);
    // Nothing persists: no cell, no write-back.
    expect(f).not.toMatch(/finally/);
    expect(code).not.toMatch(/t\$p/);
    expectValidJs(code);
  });

  it("a persistent local gets a cell in the creating arrow, a copy on entry and a write-back in `finally`", () => {
    const code = compileOk(lines("count = 0", "fn bump() {", "  count = count + 1", "  return count", "}"));
    expect(code).toMatch(/\(\(count\$p\) => \{/);
    const bump = jsFunction(code, "bump");
    expect(bump).toMatch(/let count = count\$p;/);
    expect(bump).toMatch(/finally \{\s*count\$p = count;\s*\}/);
    // The first read may see undefined (a fresh cell), so it is checked.
    expect(bump).toMatch(/count === undefined \? \$rt\.undefVar\("count"\)/);
    // The cell starts from the definition site's value.
    expect(code).toMatch(/\}\)\(\$rt\.share\(count\)\);/);
    expectValidJs(code);
  });

  it("a captured read-only name becomes a parameter of the creating arrow, called with the shared value", () => {
    const code = compileOk(lines("limit = 10", "fn under(x) {", "  return x < limit", "}"));
    expect(code).toMatch(/\(\(limit\) => \{\s*return \$rt\.fn\("under"/);
    expect(code).toMatch(/\}\)\(\$rt\.share\(limit\)\);/);
    // Not a local of the call, not a cell.
    expect(jsFunction(code, "under")).not.toMatch(/let limit|limit\$p/);
  });

  it("a name certainly undefined at the function's creation is not captured: its read fails as undefined", () => {
    const code = compileOk(lines("fn f() {", "  return later", "}", "later = 1"));
    expect(code).not.toMatch(/\(later\) =>/);
    expect(jsFunction(code, "f")).toMatch(/\$rt\.undefVar\("later"\)/);
  });

  it("a lambda without captures is created directly, without an arrow around it", () => {
    const code = compileOk(lines("add = (a, b) => {", "  total = a + b", "  total", "}"));
    expect(code).toMatch(/add = \$rt\.fn\(null, \["a", "b"\], function\(a, b\) \{/);
    expect(code).toMatch(/let total;/);
  });
});

describe("names and calls", () => {
  it("calls to a once-declared top-level fn go through the function table, recursion included", () => {
    const code = compileOk(lines("fn fib(n) {", "  if n < 2 { return n }", "  return fib(n - 1) + fib(n - 2)", "}", "print(fib(10))"));
    expect(code).toMatch(/const \$F = \$rt\.fnTable\(\$m, \{fib: null\}\);/);
    expect(jsFunction(code, "fib")).toMatch(/\$F\.fib\.impl\(/);
    expect(code).toMatch(/\$rt\.print\(\$F\.fib\.impl\(10\)\)/);
    expect(code).toMatch(/\$rt\.register\(\$F, "fib", \$fn\d+\);/);
  });

  it("an arity the module does not declare goes through the registry; a copy in another variable is called as a value", () => {
    const code = compileOk(lines("fn g(x) { return x }", "print(g(1, 2))", "h = g", "print(h(1))"));
    expect(code).toMatch(/\$rt\.callReg\(\$F, "g", \[1, 2\], null\)/);
    expect(code).toMatch(/\$rt\.callFunction\(h, \[1\], null\)/);
  });

  it("a fn declared twice is called through its variable (it may hold an overload list)", () => {
    const code = compileOk(lines("fn f(x) { return x }", "fn f(x) { return x + 1 }", "print(f(1))"));
    expect(code).not.toMatch(/\$F\.f\.impl/);
    expect(code).toMatch(/\$rt\.callFunction\(f, \[1\], null\)/);
  });

  it("a call of a name that may be undefined tries the variable, then the registry", () => {
    const code = compileOk(lines("xs = f()"));
    expect(code).toMatch(/f !== undefined \? \$rt\.callFunction\(f, \[\], null\) : \$rt\.callReg\(\$F, "f", \[\], null\)/);
  });

  // A parameter is another holder of a name, so a stable fn of that name is not called through the
  // table there: `fn f(x) { return "global" }` ⏎ `fn g(f) { return f(1) }` ⏎
  // `print(g((x) => "param"))` prints "param" (core.md §6.9: the environment before the registry).
  it("a parameter named like a stable fn is called as the parameter", () => {
    const code = compileOk(lines('fn f(x) { return "global" }', "fn g(f) { return f(1) }", "h = (f) => f(2)"));
    expect(jsFunction(code, "g")).toMatch(/\$rt\.callFunction\(f, \[1\], null\)/);
    expect(code).not.toMatch(/\$F\.f\.impl\(2\)/);
  });
});

describe("static types", () => {
  it("typed numeric locals compile to plain `<` and `+` without typeof guards", () => {
    const code = compileOk(lines("i = 0", "total = 0", "while i < 10 {", "  total = total + i", "  i = i + 1", "}", "print(total < 100)"));
    expect(code).toMatch(/while \(i < 10\) \{/);
    expect(code).toMatch(/total = total \+ i;/);
    expect(code).toMatch(/i = i \+ 1;/);
    expect(code).toMatch(/\$rt\.print\(total < 100\)/);
    expect(code).not.toMatch(/typeof/);
    expectValidJs(code);
  });

  it("untyped operands keep the number fast path behind typeof guards and the runtime otherwise", () => {
    const f = jsFunction(compileOk(lines("fn f(a, b) {", "  return a < b", "}")), "f");
    expect(f).toMatch(/typeof a === "number" && typeof b === "number" \? a < b : \$rt\.lt\(a, b\)/);
  });

  it("string concatenation of typed operands uses Graphoid's number format, not JS's", () => {
    const code = compileOk(lines('s = "n="', "n = 5", "t = s + n"));
    expect(code).toMatch(/t = s \+ \$rt\.formatNumber\(n\);/);
  });

  it("division by a variable keeps its zero check even for typed operands", () => {
    const code = compileOk(lines("a = 6", "d = 2", "q = a / d", "r = a / 2"));
    expect(code).toMatch(/d !== 0 \? a \/ d : \$rt\.div\(a, d\)/);
    expect(code).toMatch(/r = a \/ 2;/);
  });
});

describe("method calls", () => {
  it("use a call-site cache per site: `$rt.call<N>($ic…`", () => {
    const code = compileOk(lines("xs = [1]", "print(xs.length())", "print(xs.get(0))"));
    const cache = /const (\$ic\d+) = \$rt\.methodCache\("length", false\);/.exec(code);
    expect(cache).not.toBeNull();
    expect(code).toContain(`$rt.call0(${cache![1]}, xs)`);
    expect(code).toMatch(/const (\$ic\d+) = \$rt\.methodCache\("get", false\);/);
    expect(code).toMatch(/\$rt\.call1\(\$ic\d+, xs, 0\)/);
  });

  it("universal methods, named arguments and more than three arguments take the general entry", () => {
    const code = compileOk(lines("xs = [1]", "print(xs.type(), xs.get(0, default: 1), xs.slice(0, 1, 1, 1))"));
    expect(code).toMatch(/\$rt\.callMethod\(xs, "type", \[\], null\)/);
    expect(code).toMatch(/\$rt\.callMethodNU\(xs, "get", \[0, 1\], \[null, "default"\]\)/);
    expect(code).toMatch(/\$rt\.callMethodNU\(xs, "slice", \[0, 1, 1, 1\], null\)/);
    expect(code).not.toMatch(/methodCache\("(type|slice)"/);
  });

  it("inside a method the cache may reach private methods", () => {
    const code = compileOk(lines("graph C {", "  fn m(xs) {", "    return xs.length()", "  }", "}"));
    expect(code).toMatch(/\$rt\.methodCache\("length", true\)/);
  });
});

describe("inline behavior checks", () => {
  it("known rules produce appendRaw with the clamp inline", () => {
    const code = compileOk(lines("pct = [].add_rule(:validate_range, 0, 100)", "v = 150", "pct.append!(v)"));
    const t = /pct = \$rt\.appendRaw\(pct, \((\$t\d+) = v, /.exec(code);
    expect(t).not.toBeNull();
    const tmp = escape(t![1]!);
    expect(code).toMatch(new RegExp(`${tmp} = ${tmp} < 0 \\? 0 : ${tmp} > 100 \\? 100 : ${tmp}`));
    // v is a typed number: no typeof check, no object check.
    expect(code).not.toMatch(/typeof/);
    expect(code).not.toMatch(/appendBang|applyRules/);
    expectValidJs(code);
  });

  it("an untyped value is checked for objects, which take the rule engine", () => {
    const code = compileOk(lines("pct = [].add_rule(:positive)", "w = g()", "pct.append!(w)"));
    expect(code).toMatch(/\$rt\.appendRaw\(pct, \(typeof \((\$t\d+) = \$rt\.share\(w\)\) === "object" && \1 !== null \? \$rt\.applyRules\(pct, \1\) : /);
    // Numbers are made positive inline, behind their own typeof check.
    expect(code).toMatch(/typeof (\$t\d+) === "number" && \1 < 0 \? -\1 : \1/);
  });

  it("unknown rules take the runtime path", () => {
    const code = compileOk(lines("xs = f()", "xs.append!(3)"));
    expect(code).toMatch(/xs = \$rt\.appendBang\(xs, 3\);/);
    expect(code).not.toMatch(/appendRaw/);
  });

  it("after branches only rules every branch agrees on stay known", () => {
    const code = compileOk(
      lines(
        "c = true",
        "if c {",
        "  same = [].add_rule(:positive)",
        "  differ = [].add_rule(:positive)",
        "} else {",
        "  same = [].add_rule(:positive)",
        "  differ = [].add_rule(:uppercase)",
        "}",
        "same.append!(1)",
        "differ.append!(1)",
      ),
    );
    expect(code).toMatch(/same = \$rt\.appendRaw\(same, /);
    expect(code).toMatch(/differ = \$rt\.appendBang\(differ, 1\);/);
  });

  it("a loop that may change a variable's rules makes them unknown inside and after it", () => {
    const code = compileOk(lines("xs = [].add_rule(:positive)", "while f() {", "  xs.append!(1)", "  xs = g()", "}", "xs.append!(2)"));
    expect(code).not.toMatch(/appendRaw/);
    const kept = compileOk(lines("xs = [].add_rule(:positive)", "while f() {", "  xs.append!(1)", "}", "xs.append!(2)"));
    expect(kept.match(/appendRaw/g)).toHaveLength(2);
  });
});

describe("tasks: generator twins only where needed", () => {
  it("a module without task features has no generators", () => {
    const code = compileOk(lines("fn work(n) { return n * 2 }", "print([1].map(x => work(x)))"));
    expect(code).not.toMatch(/function\*/);
    expect(code).not.toMatch(/yield/);
    expect(code).toMatch(/const \$info = \{file: "t\.gr", tasks: false\};/);
  });

  it("a module with spawn gives every function a generator twin and runs the spawn block as one", () => {
    const code = compileOk(lines("fn work(n) { return n * 2 }", "c = channel()", "spawn {", "  c.send(work(21))", "}", "print(c.receive())"));
    expect(code).toMatch(/const \$info = \{file: "t\.gr", tasks: true\};/);
    expect(code).toMatch(/function work\(n\) \{/);
    expect(code).toMatch(/function\* work\$g\(n\) \{/);
    // Inside the task, table calls and method calls delegate to generator forms.
    expect(code).toMatch(/yield\* \$F\.work\.gen\(21\)/);
    expect(code).toMatch(/yield\* \$rt\.callMethodG\(/);
    expect(code).toMatch(/\$rt\.spawnTask\(/);
    // A spawned task gets deep copies of what it captures.
    expect(code).toMatch(/\$rt\.copyForTask\(c\)/);
    expectValidJs(code);
  });
});

describe("diagnostics and run-time failures", () => {
  it("an unknown annotation is GR0003 at the annotation's position", () => {
    const result = compile(lines("x = 1", "  @memoize", "  fn f() { }"), COMPILE_OPTIONS);
    expect(result.code).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d!.code).toBe("GR0003");
    expect(d!.file).toBe("t.gr");
    expect(d!.message).toContain("@memoize");
    expect(d!.loc.start).toMatchObject({ line: 2, column: 3 });
    expect(d!.loc.end).toMatchObject({ line: 2, column: 11 });
  });

  it("an unknown annotation option is GR0004 at the option", () => {
    const result = compile(lines("@circuit_breaker(failure_threshold: 3, bogus: 1)", "fn f() { }"), COMPILE_OPTIONS);
    expect(result.diagnostics.map((d) => [d.code, d.loc.start.line, d.loc.start.column])).toEqual([["GR0004", 1, 40]]);
  });

  it("a syntax error comes back as a diagnostic from compile(), with no code", () => {
    const result = compile("x = (1 +\n", COMPILE_OPTIONS);
    expect(result.code).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["GR0001"]);
  });

  it("`load` of a missing literal path compiles to a run-time failure at that statement, after earlier output", () => {
    const result = compile(lines("print(0)", 'load "nope.gr"', "print(1)"), COMPILE_OPTIONS);
    expect(result.diagnostics).toEqual([]);
    const code = result.code!;
    expect(code).toMatch(/\$rt\.print\(0\);\s*\$rt\.loadFailed\("nope\.gr", null\);\s*\$rt\.print\(1\);/);
  });

  it("`load` of a file that does not parse fails at run time with the parse message; a found file is compiled in place", () => {
    const loaded = parseProgram(lines("helper = 41"));
    const code = compileOk(lines('load "bad.gr"', 'load "good.gr"', "print(helper + 1)"), {
      loadFile: (path: string): A.Program | { error: string } | null => (path === "bad.gr" ? { error: "bad.gr:1:3: unexpected ')'" } : loaded),
    });
    expect(code).toContain(`$rt.loadFailed("bad.gr", "bad.gr:1:3: unexpected ')'")`);
    expect(code).toMatch(/helper = 41;/);
    // The loaded names are ordinary variables of the loading scope, typed like any other.
    expect(code).toMatch(/\$rt\.print\(helper \+ 1\)/);
  });

  it("names a catch body creates vanish at its end: the compiled handler resets them", () => {
    const code = compileOk(lines("try {", '  raise "x"', "} catch as e {", "  made = 1", "}", "print(made)"));
    expect(code).toMatch(/const (\$had\d+) = made !== undefined;[\s\S]*if \(!\1\) \{\s*made = undefined;\s*\}/);
    expect(code).toMatch(/const (\$had\d+) = e !== undefined;[\s\S]*if \(!\1\) \{\s*e = undefined;\s*\}/);
  });

  // Names a catch body creates in any way vanish at its end (core.md §5.1):
  //   try { raise "x" } catch { for v in [1, 2] { } } ⏎ print(v)   fails with `Undefined variable: v`.
  it("every name first created in a catch body vanishes, however it was bound", () => {
    const handlers = [
      ["for v in [1, 2] { }"],
      ["r = match 5 { v => v }"],
      ["try {", "  v = 1", "} catch { }"],
      ["r = if true {", "  v = 1", "  v", "} else {", "  0", "}"],
    ];
    for (const body of handlers) {
      const code = compileOk(lines("try {", '  raise "x"', "} catch {", ...body.map((l) => "  " + l), "}", "print(v)"));
      expect(code, body.join(" ⏎ ")).toMatch(/if \(!\$had\d+\) \{\s*v = undefined;\s*\}/);
    }
  });

  it("`x.m!()` on something that is not a variable is a run-time failure, not a compile error", () => {
    expect(compileOk("[1].append!(2)\n")).toMatch(/\$rt\.bangNeedsVariable\("append"\)/);
  });

  // A top-level `return` ends only its statement (core.md §1), so the read below keeps its check
  // and fails with `Undefined variable: x` (see scopes.test.ts).
  it("a read after a top-level return keeps its undefined check", () => {
    expect(compileOk(lines("return", "print(x)"))).toMatch(/x === undefined \? \$rt\.undefVar\("x"\)/);
  });
});
