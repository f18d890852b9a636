// Declarations: compile(…, { dts: true }) and `graphoid build --dts` emit `.d.ts` text built with
// the TypeScript compiler API, loaded only when asked for; the declarations type-check against
// TypeScript consumers (and catch their mistakes).
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync, symlinkSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { compile } from "../../compiler/index.js";
import { cleanup, dist, graphoid, node, project, root } from "./support.js";

afterAll(cleanup);

const lib = [
  "fn hello(name) {",
  '  return "hello " + name',
  "}",
  "fn area(r) { return r * r }",
  "fn area(w, h) { return w * h }",
  "fn sum(...xs) { return xs.length() }",
  "count = 2",
  "list<num> nums = [1, 2]",
  'label = "lib"',
  "twice = x => x * 2",
  "priv secret = 1",
  "settings = {}",
  "",
].join("\n");

function typeCheck(dir: string, files: string[], options: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram(
    files.map((f) => join(dir, f)),
    { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], ...options },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.fileName.slice(dir.length + 1) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

describe("compile(…, { dts: true })", () => {
  it("declares load, info and the module's public names", () => {
    const result = compile(lib, { file: "/virtual/lib.gr", dts: true });
    expect(result.diagnostics).toEqual([]);
    const dts = result.dts!;
    expect(dts).toContain("export interface Exports {");
    expect(dts).toContain("readonly count: number;");
    expect(dts).toContain("readonly nums: number[];");
    expect(dts).toContain("readonly label: string;");
    expect(dts).toContain("readonly settings: Record<string, unknown>;");
    expect(dts).toMatch(/readonly area: \{\s*\(r\?: unknown\): unknown;\s*\(w\?: unknown, h\?: unknown\): unknown;\s*\}/);
    expect(dts).toMatch(/readonly sum: \{\s*\(\.\.\.xs: unknown\[\]\): unknown;\s*\}/);
    expect(dts).not.toContain("secret");
    expect(dts).toContain("export declare function load(module: object): void;");
    // The declaration itself is valid TypeScript.
    const dir = project({ "lib.d.ts": dts });
    expect(typeCheck(dir, ["lib.d.ts"])).toEqual([]);
  });

  it("is null unless asked for, and only then loads typescript", () => {
    expect(compile(lib, { file: "/virtual/lib.gr" }).dts).toBeNull();
    const script = (dts: boolean) =>
      [
        `import { createRequire } from "node:module";`,
        `const { compile } = await import(${JSON.stringify(dist("compiler.js"))});`,
        `compile("x = 1", { file: "/v/x.gr", dts: ${dts} });`,
        `const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => /[\\\\/]typescript[\\\\/]/.test(k));`,
        `console.log(loaded);`,
      ].join("\n");
    expect(node(["--input-type=module", "-e", script(false)], root).stdout).toBe("false\n");
    expect(node(["--input-type=module", "-e", script(true)], root).stdout).toBe("true\n");
  });

  it("types `load()` of graphoid-js/run for a consumer that imports the .gr file", () => {
    const dir = project({
      "lib.gr": lib,
      "consumer.ts": [
        'import * as lib from "./lib.gr";',
        'import { load, run } from "graphoid-js/run";',
        "const m = load(lib);",
        'const greeting: unknown = m.hello("TS");',
        "const n: number = m.count + m.nums[0]!;",
        "const a: unknown = m.area(2, 3);",
        "const status: 0 | 1 = run(lib).status;",
        "export { greeting, n, a, status };",
        "",
      ].join("\n"),
      "wrong.ts": ['import * as lib from "./lib.gr";', 'import { load } from "graphoid-js/run";', "const m = load(lib);", "const s: string = m.count;", "m.missing;", "export { s };", ""].join("\n"),
      "package.json": '{ "type": "module" }\n',
    });
    writeFileSync(join(dir, "lib.d.gr.ts"), compile(lib, { file: join(dir, "lib.gr"), dts: true }).dts!);
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(root, join(dir, "node_modules", "graphoid-js"), "dir");
    expect(typeCheck(dir, ["consumer.ts"], { allowArbitraryExtensions: true })).toEqual([]);
    const errors = typeCheck(dir, ["wrong.ts"], { allowArbitraryExtensions: true });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/Type 'number' is not assignable to type 'string'/);
    expect(errors[1]).toMatch(/Property 'missing' does not exist/);
  });
});

describe("graphoid build --dts", () => {
  it("writes the bundle's declarations, which a TypeScript consumer type-checks against", () => {
    const dir = project({
      "lib.gr": lib,
      "consumer.ts": [
        'import { load, run, status } from "./lib-browser.mjs";',
        'import * as nodeBundle from "./lib.mjs";',
        "const m = nodeBundle.load();",
        "const total: number = m.count + m.nums.length;",
        'const text: unknown = m.hello("TS");',
        "const r = run({ deterministic: true });",
        "const s: 0 | 1 = r.status;",
        "const e: string | null = r.error;",
        "const fromBrowser: 0 | 1 = status;",
        "load().twice(2);",
        "export { total, text, s, e, fromBrowser };",
        "",
      ].join("\n"),
      "package.json": '{ "type": "module" }\n',
    });
    const built = graphoid(["build", "lib.gr", "-o", "lib.mjs", "--dts"], dir);
    expect(built.stderr).toBe("");
    expect(built.stdout).toBe("wrote lib.mjs\nwrote lib.d.mts\n");
    expect(graphoid(["build", "lib.gr", "-o", "lib-browser.mjs", "--target", "browser", "--dts"], dir).status).toBe(0);
    expect(readFileSync(join(dir, "lib-browser.d.mts"), "utf8")).toContain("export declare const status: 0 | 1;");
    expect(typeCheck(dir, ["consumer.ts"])).toEqual([]);

    // The node bundle imported from JavaScript does not run the program; load() gives its names.
    const used = node(["--input-type=module", "-e", 'const m = await import("./lib.mjs"); const x = m.load(); console.log(x.count, x.area(3), x.twice(4), x.sum(1, 2, 3));'], dir);
    expect(used.stderr).toBe("");
    expect(used.stdout).toBe("2 9 8 3\n");
  });
});
