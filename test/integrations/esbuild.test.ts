// The esbuild plugin (graphoid-js/esbuild): `.gr` entries become runnable bundles, `.gr` imports
// from JavaScript give compiled modules for graphoid-js/run, diagnostics become esbuild messages
// with positions, and bundle source maps lead back to `.gr` files.
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { cleanup, node, program, project } from "./support.js";

// The source (dist/esbuild.js is the same code; the CLI's `build` tests use the built one): Vite,
// which runs these tests, misreads the source-map template in the bundled compiler and warns.
import { graphoidPlugin } from "../../compiler/integrations/esbuild.js";

afterAll(cleanup);

async function bundle(dir: string, entry: string, extra: esbuild.BuildOptions = {}) {
  return esbuild.build({
    entryPoints: [join(dir, entry)],
    outfile: join(dir, "out.mjs"),
    bundle: true,
    format: "esm",
    platform: "node",
    sourcemap: true,
    logLevel: "silent",
    plugins: [graphoidPlugin()],
    ...extra,
  });
}

describe("a .gr entry point", () => {
  it("bundles the program and its modules into a runnable Node module", async () => {
    const dir = project(program);
    const result = await bundle(dir, "main.gr");
    expect(result.errors).toEqual([]);
    const ran = node(["out.mjs"], dir);
    expect(ran.stdout).toBe("hello Ada\n2\n");
    expect(ran.status).toBe(1);
    // Node's source maps are off: the runtime reads the bundle's map for the `.gr` position.
    expect(ran.stderr).toContain("greet.gr:6:10: error: RuntimeError: Division by zero");
    expect(ran.stderr).toContain("> 6 |   return n / 0");
  });

  it("reports the call chain with Graphoid names, though esbuild renames the functions", async () => {
    const dir = project({ "main.gr": ["fn g() { h() }", 'fn h() { raise "boom" }', "g()", ""].join("\n") });
    await bundle(dir, "main.gr");
    // esbuild renames these functions in the bundle (g2, h2): the frames must not show it.
    expect(readFileSync(join(dir, "out.mjs"), "utf8")).toMatch(/function g\d/);
    const ran = node(["out.mjs"], dir);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("main.gr:2:10: error: RuntimeError: boom");
    expect(ran.stderr).toContain("  at g (main.gr:1:10)\n  at top level (main.gr:3:1)");
  });

  it("chains the compiled modules' source maps into the bundle's", async () => {
    const dir = project(program);
    await bundle(dir, "main.gr");
    const map = JSON.parse(readFileSync(join(dir, "out.mjs.map"), "utf8")) as { sources: string[] };
    expect(map.sources).toContain("main.gr");
    expect(map.sources).toContain("greet.gr");
  });

  it("bundles for the browser: the program runs when the bundle loads and exports its status", async () => {
    const dir = project(program);
    await bundle(dir, "main.gr", { platform: "browser" });
    const code = readFileSync(join(dir, "out.mjs"), "utf8");
    expect(code).not.toMatch(/from\s*"node:|require\("(node:)?fs"\)/);
    const ran = node(["--input-type=module", "-e", `import("./out.mjs").then((m) => console.log("status", m.status))`], dir);
    expect(ran.stdout).toBe("hello Ada\n2\nstatus 1\n");
    expect(ran.stderr).toContain("Division by zero");
  });

  it("resolves modules from src/ and the standard library", async () => {
    const dir = project({
      "main.gr": ['import "util"', 'import "json"', "print(util.twice(21))", 'print(json.to_string({"a": [1, 2]}))', ""].join("\n"),
      "src/util.gr": "fn twice(n) { return n * 2 }\n",
    });
    const result = await bundle(dir, "main.gr", { absWorkingDir: dir });
    expect(result.errors).toEqual([]);
    const ran = node(["out.mjs"], dir);
    expect(ran.stderr).toBe("");
    expect(ran.stdout.split("\n")[0]).toBe("42");
    expect(ran.stdout).toContain('"a"');
  });

  it("deterministic entries use seeded randomness", async () => {
    const dir = project({ "main.gr": 'import "random"\nprint(rand.random())\n' });
    await bundle(dir, "main.gr", { plugins: [graphoidPlugin({ deterministic: true })] });
    const first = node(["out.mjs"], dir);
    expect(first.stdout).toMatch(/^0\.\d+\n$/);
    expect(node(["out.mjs"], dir).stdout).toBe(first.stdout);
  });
});

describe("diagnostics", () => {
  it("become esbuild errors with file, line and column", async () => {
    const dir = project({ "main.gr": 'import "./bad"\nprint(1)\n', "bad.gr": 'print("ok")\nx = (1 +\n' });
    // The imported module does not parse: that is a run-time error at its import (core.md §7.7)
    // and a warning for the bundle.
    const warned = await bundle(dir, "main.gr");
    expect(warned.warnings.some((w) => w.location?.file.endsWith("bad.gr") && /GR0001/.test(w.text))).toBe(true);

    const broken = project({ "main.gr": 'print("a")\nx = )\n' });
    const failure = await bundle(broken, "main.gr").then(
      () => null,
      (e: esbuild.BuildFailure) => e,
    );
    expect(failure).not.toBeNull();
    const error = failure!.errors[0]!;
    expect(error.pluginName).toBe("graphoid");
    expect(error.text).toMatch(/\[GR0001\]$/);
    expect(error.location).toMatchObject({ line: 2, column: 4, lineText: "x = )" });
    expect(error.location!.file.endsWith("main.gr")).toBe(true);
  });

  it("warn about imports that resolve to nothing (they fail at run time)", async () => {
    const dir = project({ "main.gr": 'print("before")\nimport "nowhere"\n' });
    const result = await bundle(dir, "main.gr");
    expect(result.warnings.map((w) => w.text)).toEqual(["module 'nowhere' not found [GR0010]"]);
    expect(result.warnings[0]!.location).toMatchObject({ line: 2, column: 0 });
    const ran = node(["out.mjs"], dir);
    expect(ran.stdout).toBe("before\n");
    expect(ran.stderr).toMatch(/main\.gr:2:1: error: .*nowhere/);
  });
});

describe("importing .gr from JavaScript", () => {
  const files = {
    ...program,
    "app.mjs": [
      'import * as greet from "./greet.gr";',
      'import { load, run } from "graphoid-js/run";',
      "const m = load(greet);",
      'console.log(m.hello("JS"), m.count, typeof m.fail);',
      "console.log(Object.keys(m).join(','));",
      'try { m.fail(1); } catch (e) { console.log("caught", e.message); }',
      "",
    ].join("\n"),
  };

  it("gives the compiled module; load() runs it once and converts values", async () => {
    const dir = project(files);
    const result = await bundle(dir, "app.mjs");
    expect(result.errors).toEqual([]);
    const ran = node(["out.mjs"], dir);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe("hello JS 2 function\nhello,count,fail\ncaught Division by zero\n");
  });

  it("bundles one runtime, shared by compiled modules and graphoid-js/run", async () => {
    const dir = project(files);
    await bundle(dir, "app.mjs");
    const code = readFileSync(join(dir, "out.mjs"), "utf8");
    expect(code.match(/var GrList = class/g)).toHaveLength(1);
  });
});
