// The Node loader: `node --import graphoid-js/register app.gr` runs a program as `graphoid run`
// does, `.gr` files import from JavaScript as compiled modules, and runtime errors report `.gr`
// positions.
import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { cleanup, dist, graphoid, node, program, project, root } from "./support.js";

afterAll(cleanup);

const register = dist("register.js");

describe("node --import graphoid-js/register", () => {
  it("runs a .gr entry: output, exit status, and the error at its .gr position", () => {
    const dir = project(program);
    const ran = node(["--import", register, "main.gr"], dir);
    expect(ran.stdout).toBe("hello Ada\n2\n");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(
      ["greet.gr:6:10: error: RuntimeError: Division by zero", "  4 | count = 2", "  5 | fn fail(n) {", "> 6 |   return n / 0", "    |          ^", "  7 | }", ""].join("\n"),
    );
    // Exactly what `graphoid run` reports (with the Graphoid call chain).
    const cli = graphoid(["run", "main.gr"], dir);
    expect(ran.stderr).toBe(cli.stderr);
    expect(ran.stdout).toBe(cli.stdout);
    expect(ran.status).toBe(cli.status);
  });

  it("resolves through the package's exports", () => {
    const dir = project(program);
    const ran = node(["--import", "graphoid-js/register", join(dir, "main.gr")], root);
    expect(ran.stdout).toBe("hello Ada\n2\n");
    expect(ran.status).toBe(1);
  });

  it("reports compile errors in the entry like the CLI", () => {
    const dir = project({ "main.gr": 'print("a"\nx = )\n' });
    const ran = node(["--import", register, "main.gr"], dir);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(/^main\.gr:2:1: error\[GR0001\]: /);
    expect(ran.stderr).toContain("> 2 | x = )");
  });

  it("gives the program its arguments and the Node host (files, environment)", () => {
    const dir = project({
      "main.gr": [
        'import "os"',
        'import "io"',
        "args = os.args()",
        "print(args[args.length() - 1])",
        'io.write_file("out.txt", "written")',
        'print(io.read_file("out.txt"))',
        'print(os.env("GRAPHOID_TEST_VAR"))',
        "",
      ].join("\n"),
    });
    const ran = node(["--import", register, "main.gr", "last-arg"], dir, { GRAPHOID_TEST_VAR: "from-env" });
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe("last-arg\nwritten\nfrom-env\n");
  });

  it("runs a `load` with a computed path (the compiler loads for that module only)", () => {
    const dir = project({ "main.gr": 'name = "part" + ".gr"\nload name\nprint(shared)\n', "part.gr": "shared = 7\n" });
    const ran = node(["--import", register, "main.gr"], dir);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe("7\n");
  });
});

describe(".gr modules imported from JavaScript", () => {
  it("are compiled modules: load() runs them once and returns their public names", () => {
    const dir = project({
      ...program,
      "app.mjs": [
        'import * as greet from "./greet.gr";',
        'import { load, run, toJS, fromJS } from "graphoid-js/run";',
        "const a = load(greet);",
        "const b = load(greet);",
        'console.log(a.hello("JS"), a.count, a === b || Object.keys(a).join() === Object.keys(b).join());',
        'try { a.fail(2); } catch (e) { console.log(e.name, e.message, /greet\\.gr:6:10/.test(e.stack)); }',
        "console.log(JSON.stringify(toJS(fromJS({ xs: [1, 'two', null], h: { k: true } }))));",
        "",
      ].join("\n"),
    });
    const ran = node(["--import", register, "app.mjs"], dir);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe('hello JS 2 true\nGraphoidError Division by zero true\n{"xs":[1,"two",null],"h":{"k":true}}\n');
  });

  it("run() runs one as the main program and returns its status", () => {
    const dir = project({
      "main.gr": 'print("from graphoid")\nx = [1][3]\n',
      "app.mjs": ['import * as main from "./main.gr";', 'import { run } from "graphoid-js/run";', "const r = run(main, { reportError: false });", "console.log(r.status, r.error);", ""].join("\n"),
    });
    const ran = node(["--import", register, "app.mjs"], dir);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(/^from graphoid\n1 \/\S*main\.gr:2:\d+: error: /);
  });

  it("Graphoid functions take JavaScript callbacks and return JavaScript values", () => {
    const dir = project({
      "lib.gr": ["fn apply_all(f, xs) {", "  out = []", "  for x in xs {", "    out.append!(f(x))", "  }", "  return out", "}", "fn area(r) { return r * r }", "fn area(w, h) { return w * h }", ""].join("\n"),
      "app.mjs": [
        'import * as lib from "./lib.gr";',
        'import { load } from "graphoid-js/run";',
        "const m = load(lib);",
        "console.log(JSON.stringify(m.apply_all((n) => n * 10, [1, 2, 3])), m.area(3), m.area(2, 5));",
        "",
      ].join("\n"),
    });
    const ran = node(["--import", register, "app.mjs"], dir);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe("[10,20,30] 9 10\n");
  });
});

describe("node --loader graphoid-js/loader", () => {
  it("works too (with --enable-source-maps for .gr positions)", () => {
    const dir = project(program);
    const ran = node(["--no-warnings", "--enable-source-maps", "--loader", dist("loader.js"), "main.gr"], dir);
    expect(ran.stdout).toBe("hello Ada\n2\n");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("greet.gr:6:10: error: RuntimeError: Division by zero");
  });
});
