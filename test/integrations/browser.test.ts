// The browser target: `graphoid build main.gr -o out.mjs --target browser` gives one ES module
// with no Node built-ins that runs with only browser globals. It runs here in a `node:vm` context
// that has no `process`, `require` or `Buffer`; and, when /usr/bin/chromium exists (.ci/run
// installs it), in headless Chromium.
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import vm from "node:vm";
import { webcrypto } from "node:crypto";
import * as esbuild from "esbuild";
import { cleanup, graphoid, program, project } from "./support.js";

afterAll(cleanup);

/** Uses what browsers have, and the host-only modules, each failing clearly. */
const browserProgram = {
  ...program,
  "main.gr": [
    'import "./greet"',
    'import "fs"',
    'import "io"',
    'import "os"',
    'import "json"',
    "print(greet.hello(\"browser\"))",
    "print([1, 2, 3].map(x => x * 2))",
    'print(json.to_string({"ok": true}))',
    'try {\n  fs.open("x.txt", "r")\n} catch as e {\n  print("fs: " + e.message())\n}',
    'try {\n  io.read_file("x.txt")\n} catch as e {\n  print("io: " + e.message())\n}',
    'try {\n  os.input("? ")\n} catch as e {\n  print("input: " + e.message())\n}',
    "print(os.args())",
    "greet.fail(1)",
    "",
  ].join("\n"),
};

const expectedOut = [
  "hello browser",
  "[2, 4, 6]",
  '{"ok": true}',
  "fs: fs.open is not available in the browser (no file system)",
  "io: io.read_file is not available in the browser (no file system)",
  "input: input is not available in the browser",
  "[]",
];

function build(dir: string, ...extra: string[]): string {
  const r = graphoid(["build", "main.gr", "-o", "out.mjs", "--target", "browser", ...extra], dir);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return readFileSync(join(dir, "out.mjs"), "utf8");
}

/** Runs an ES module bundle (no imports) as a script in a context with only browser globals. */
function runInBrowserLikeContext(code: string): { log: string[]; error: string[]; status: unknown; globals: Record<string, string> } {
  const script = esbuild.transformSync(code, { format: "iife", globalName: "__bundle", target: "es2022" }).code;
  const log: string[] = [];
  const error: string[] = [];
  const context = vm.createContext({
    console: { log: (...a: unknown[]) => log.push(a.join(" ")), error: (...a: unknown[]) => error.push(a.join(" ")), warn: () => {}, info: () => {} },
    setTimeout,
    clearTimeout,
    queueMicrotask,
    performance: { now: () => performance.now(), timeOrigin: performance.timeOrigin },
    TextEncoder,
    TextDecoder,
    URL,
    crypto: webcrypto,
    atob,
    btoa,
  });
  vm.runInContext("globalThis.window = globalThis; globalThis.self = globalThis;", context);
  vm.runInContext(script, context, { filename: "out.mjs" });
  const globals = vm.runInContext("({ process: typeof process, require: typeof require, Buffer: typeof Buffer, module: typeof module })", context) as Record<string, string>;
  return { log, error, status: (vm.runInContext("__bundle", context) as { status: unknown }).status, globals };
}

describe("graphoid build --target browser", () => {
  it("runs with only browser globals, and host-only modules fail clearly", () => {
    const dir = project(browserProgram);
    const result = runInBrowserLikeContext(build(dir, "--sourcemap", "none"));
    expect(result.globals).toEqual({ process: "undefined", require: "undefined", Buffer: "undefined", module: "undefined" });
    expect(result.log).toEqual(expectedOut);
    expect(result.status).toBe(1);
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatch(/error: RuntimeError: Division by zero$/);
  });

  it("contains no Node built-ins, imports nothing, and stays small", () => {
    const dir = project(browserProgram);
    const code = build(dir, "--sourcemap", "none");
    expect(code).not.toMatch(/\bfrom\s*["'](node:)?(fs|path|os|url|module|crypto|child_process|worker_threads)["']/);
    expect(code).not.toMatch(/["']node:[a-z_]+["']/);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/^\s*import\s/m);
    const minified = esbuild.transformSync(code, { minify: true, format: "esm" }).code;
    // Runtime, standard library modules used and the program (measured: ~230 KB, ~130 KB minified).
    expect(code.length).toBeLessThan(400_000);
    expect(minified.length).toBeLessThan(200_000);
  });

  it("writes a source map that leads back to the .gr files", () => {
    const dir = project(browserProgram);
    build(dir);
    const map = JSON.parse(readFileSync(join(dir, "out.mjs.map"), "utf8")) as { sources: string[] };
    expect(map.sources).toEqual(expect.arrayContaining(["main.gr", "greet.gr"]));
  });
});

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

describe("in headless Chromium", () => {
  it.skipIf(!chromium)("runs the browser bundle in a page", () => {
    const dir = project(browserProgram);
    const code = build(dir, "--sourcemap", "none");
    // A page that shows console output in the DOM. Module scripts from file: URLs are blocked, so
    // the bundle is inlined (an inline module script may export).
    const page = [
      "<!doctype html><html><body><pre id=out></pre>",
      "<script>",
      "const out = document.getElementById('out');",
      "console.log = (...a) => { out.textContent += a.join(' ') + '\\n'; };",
      "console.error = (...a) => { out.textContent += 'ERR ' + a.join(' ') + '\\n'; };",
      "</script>",
      `<script type="module">${code.replace(/<\/script/gi, "<\\/script")}</script>`,
      "</body></html>",
    ].join("\n");
    writeFileSync(join(dir, "index.html"), page);
    const r = spawnSync(
      chromium!,
      ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", `--user-data-dir=${join(dir, "profile")}`, "--dump-dom", `file://${join(dir, "index.html")}`],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const pre = /<pre id="out">([\s\S]*?)<\/pre>/.exec(r.stdout)?.[1] ?? "";
    const text = pre.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    expect(text.split("\n").slice(0, expectedOut.length)).toEqual(expectedOut);
    expect(text).toMatch(/ERR .*error: RuntimeError: Division by zero/);
  });

  it.skipIf(chromium)("is skipped: /usr/bin/chromium is not installed (.ci/run installs it; apt-get install -y chromium)", () => {});
});
