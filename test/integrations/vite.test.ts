// The Vite plugin (graphoid-js/vite). Vite is not a dependency: the plugin's hooks are tested by
// calling them as Vite would. When some package in node_modules brings Vite along (vitest does),
// a real Vite build runs too; otherwise that test is skipped.
import { afterAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cleanup, dist, node, program, project } from "./support.js";

// The source, not dist/vite.js: Vite (which runs these tests) misreads the source-map template
// in the bundled compiler as a source map comment and warns.
import { graphoidVite } from "../../compiler/integrations/vite.js";

afterAll(cleanup);

describe("the plugin's hooks", () => {
  it("resolve the runtime and graphoid-js/run to the package's files, and nothing else", () => {
    const plugin = graphoidVite();
    expect(plugin.enforce).toBe("pre");
    expect(plugin.resolveId("graphoid-js/runtime")).toBe(dist("runtime.js"));
    expect(plugin.resolveId("graphoid-js/run")).toBe(dist("run.js"));
    expect(plugin.resolveId("./x.js")).toBeNull();
  });

  it("load a .gr file as an ES module with its source map, and watch what it depends on", () => {
    const dir = project(program);
    const plugin = graphoidVite({ cwd: dir });
    plugin.configResolved({ root: dir, command: "serve" });
    const watched: string[] = [];
    const warnings: string[] = [];
    const context = { addWatchFile: (f: string) => watched.push(f), warn: (m: string) => warnings.push(m) };
    const result = plugin.load.call(context, join(dir, "main.gr"))!;
    expect(result.code).toContain('from "graphoid-js/runtime"');
    expect(result.code).toContain(JSON.stringify(join(dir, "greet.gr")));
    expect(result.code).not.toContain("sourceMappingURL");
    expect(JSON.parse(result.map!).sources).toEqual([join(dir, "main.gr")]);
    expect(watched).toContain(join(dir, "greet.gr"));
    expect(warnings).toEqual([]);
    expect(plugin.load.call(context, join(dir, "other.js"))).toBeNull();
  });

  it("fail a module that does not compile, with its position", () => {
    const dir = project({ "main.gr": 'print("a")\nx = )\n' });
    const plugin = graphoidVite({ cwd: dir });
    let error: (Error & { loc?: unknown; id?: string }) | null = null;
    try {
      plugin.load.call(undefined, join(dir, "main.gr"));
    } catch (e) {
      error = e as Error & { loc?: unknown };
    }
    expect(error).not.toBeNull();
    expect(error!.message).toMatch(/main\.gr:2:5: error\[GR0001\]/);
    expect(error!.loc).toEqual({ file: join(dir, "main.gr"), line: 2, column: 4 });
    expect(error!.id).toBe(join(dir, "main.gr"));
  });
});

const vite = await import("vite" as string).catch(() => null);

describe("with Vite", () => {
  it.skipIf(!vite)("builds a JavaScript entry that imports .gr modules", async () => {
    const dir = project({
      ...program,
      "app.mjs": ['import * as greet from "./greet.gr";', 'import { load } from "graphoid-js/run";', 'console.log(load(greet).hello("vite"));', ""].join("\n"),
    });
    await vite!.build({
      root: dir,
      configFile: false,
      logLevel: "silent",
      plugins: [graphoidVite()],
      build: { outDir: join(dir, "out"), ssr: join(dir, "app.mjs"), minify: false, sourcemap: true, rollupOptions: { output: { format: "es" } } },
    });
    const out = readdirSync(join(dir, "out")).find((f) => /\.m?js$/.test(f))!;
    const ran = node([join(dir, "out", out)], dir);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe("hello vite\n");
  });

  it.skipIf(vite)("is skipped: Vite is not installed (it is not a dependency of graphoid-js)", () => {});
});
