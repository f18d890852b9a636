// compiler/project.ts: a program is the entry file plus every module it imports, resolved on disk
// in the order of core.md §8.2 — native modules, then `./`/`../` paths relative to the importer,
// then the importer's folder, ./src, ./lib and the standard library. Each test builds a small
// tree in a temporary directory.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Project, type ProjectResult } from "../../compiler/project.js";
import { lines } from "./helpers.js";

let roots: string[] = [];
afterEach(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots = [];
});

interface Tree {
  root: string;
  /** Absolute path of a file of the tree. */
  path: (rel: string) => string;
  /** Builds the program whose entry is `app/main.gr` (cwd = the tree's root). */
  build: (entry?: string) => ProjectResult & { entryCode: string | null };
}

/** Writes `files` (relative path → text) under a fresh directory; `std/` is the stdlib folder. */
function tree(files: Record<string, string>): Tree {
  const root = mkdtempSync(join(tmpdir(), "graphoid-project-"));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const path = (rel: string) => join(root, rel);
  return {
    root,
    path,
    build: (entry = "app/main.gr") => {
      const project = new Project({
        outDir: path("out"),
        runtimeSpecifier: "graphoid-js/runtime",
        stdlibDir: path("std"),
        cwd: root,
        sourcemap: "none",
      });
      const result = project.build(entry);
      return { ...result, entryCode: result.entry ? readFileSync(result.entry.output, "utf8") : null };
    },
  };
}

/** The files a build compiled, relative to the tree's root. */
const compiled = (t: Tree, r: ProjectResult) => [...r.files.keys()].map((f) => f.slice(t.root.length + 1)).sort();

/** How the entry binds `import` results: `name = $rt.importCompiled($m, "<absolute file>", …)`. */
function importedAs(code: string, t: Tree, rel: string): string | null {
  const key = JSON.stringify(t.path(rel));
  const found = new RegExp(`(\\w+) = \\$rt\\.importCompiled\\(\\$m, ${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).exec(code);
  return found ? found[1]! : null;
}

const MODULE = 'print("loaded")\n';

describe("resolution order (core.md §8.2)", () => {
  it("a bare name: the importer's folder, then ./src, then ./lib, then the standard library", () => {
    const t = tree({
      "app/main.gr": lines('import "a"', 'import "b"', 'import "c"', 'import "d"'),
      "app/a.gr": MODULE,
      "src/a.gr": MODULE,
      "src/b.gr": MODULE,
      "lib/a.gr": MODULE,
      "lib/b.gr": MODULE,
      "lib/c.gr": MODULE,
      "std/a.gr": MODULE,
      "std/b.gr": MODULE,
      "std/c.gr": MODULE,
      "std/d.gr": MODULE,
    });
    const r = t.build();
    expect(r.diagnostics).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(compiled(t, r)).toEqual(["app/a.gr", "app/main.gr", "lib/c.gr", "src/b.gr", "std/d.gr"]);
    expect(importedAs(r.entryCode!, t, "app/a.gr")).toBe("a");
    expect(importedAs(r.entryCode!, t, "src/b.gr")).toBe("b");
    expect(importedAs(r.entryCode!, t, "lib/c.gr")).toBe("c");
    expect(importedAs(r.entryCode!, t, "std/d.gr")).toBe("d");
  });

  it("src and lib are relative to the working directory, not to the importer", () => {
    const t = tree({
      "app/main.gr": lines('import "./sub/inner"'),
      "app/sub/inner.gr": lines('import "util"'),
      "app/sub/src/util.gr": MODULE, // next to the importer's folder: not a place that is searched
      "src/util.gr": MODULE,
    });
    const r = t.build();
    expect(compiled(t, r)).toEqual(["app/main.gr", "app/sub/inner.gr", "src/util.gr"]);
  });

  it("each candidate is tried exactly, then with `.gr`", () => {
    const t = tree({
      "app/main.gr": lines('import "./exact"', 'import "./rel"', 'import "./rel.gr"', 'import "../shared/common"'),
      "app/exact": MODULE,
      "app/exact.gr": MODULE,
      "app/rel.gr": MODULE,
      "shared/common.gr": MODULE,
    });
    const r = t.build();
    expect(r.missing).toEqual([]);
    // `./rel` and `./rel.gr` are one module, compiled once.
    expect(compiled(t, r)).toEqual(["app/exact", "app/main.gr", "app/rel.gr", "shared/common.gr"]);
    expect(importedAs(r.entryCode!, t, "app/exact")).toBe("exact");
    expect(r.entryCode!.match(/\$rt\.importCompiled\(\$m, "[^"]*rel\.gr"/g)).toHaveLength(2);
  });

  it("a `./` path is only relative to the importer: no ./src, ./lib or stdlib fallback", () => {
    const t = tree({ "app/main.gr": lines('import "./util"'), "src/util.gr": MODULE, "std/util.gr": MODULE });
    const r = t.build();
    expect(compiled(t, r)).toEqual(["app/main.gr"]);
    expect(r.missing.map((d) => d.code)).toEqual(["GR0010"]);
    expect(r.absent).toEqual([t.path("app/util"), t.path("app/util.gr")]);
  });

  it("native module names come first, even when a file of that name exists", () => {
    const t = tree({ "app/main.gr": lines('import "random"', 'import "constants"'), "app/random.gr": MODULE });
    const r = t.build();
    expect(compiled(t, r)).toEqual(["app/main.gr"]);
    expect(r.entryCode).toMatch(/rand = \$rt\.importNative\(\$m, "random", "random"\);/);
    // `constants` binds as `const`, a JS reserved word: its variable is `const$`.
    expect(r.entryCode).toMatch(/const\$ = \$rt\.importNative\(\$m, "constants", "constants"\);/);
    expect(r.absent).toEqual([]);
  });

  it("records every path looked at before the one found (the compile cache watches them)", () => {
    const t = tree({ "app/main.gr": lines('import "c"'), "lib/c.gr": MODULE });
    const r = t.build();
    expect(r.absent).toEqual([t.path("app/c"), t.path("app/c.gr"), t.path("src/c"), t.path("src/c.gr"), t.path("lib/c")]);
  });
});

describe("modules that cannot be imported fail at run time", () => {
  it("a missing module: a `missing` diagnostic at the import, a run-time failure in the code, every candidate absent", () => {
    const t = tree({ "app/main.gr": lines('print("before")', 'import "nope"', 'print("after")') });
    const r = t.build();
    expect(r.diagnostics).toEqual([]);
    expect(r.missing).toHaveLength(1);
    const [d] = r.missing;
    expect(d).toMatchObject({ code: "GR0010", file: t.path("app/main.gr"), message: "module 'nope' not found" });
    expect(d!.loc.start).toMatchObject({ line: 2, column: 1 });
    // Earlier output is kept: the failure is where the import is.
    expect(r.entryCode).toMatch(/\$rt\.print\("before"\);\s*nope = \$rt\.moduleNotFound\("nope"\);\s*\$rt\.print\("after"\);/);
    expect(r.absent).toEqual(
      ["app/nope", "app/nope.gr", "src/nope", "src/nope.gr", "lib/nope", "lib/nope.gr", "std/nope", "std/nope.gr"].map(t.path),
    );
  });

  it("a module of the reference's library that graphoid-js does not provide", () => {
    const t = tree({ "app/main.gr": lines('import "crypto"') });
    const r = t.build();
    expect(r.missing.map((d) => d.code)).toEqual(["GR0013"]);
    expect(r.entryCode).toMatch(/\$rt\.moduleUnavailable\("crypto"\)/);
  });

  it("a module that does not parse is deferred: reported in `missing`, compiled as a run-time failure with its message", () => {
    const t = tree({ "app/main.gr": lines('print("before")', 'import "./bad"'), "app/bad.gr": "x = (1 +\n" });
    const r = t.build();
    expect(r.diagnostics).toEqual([]);
    expect(r.missing.map((d) => [d.code, d.file])).toEqual([["GR0001", t.path("app/bad.gr")]]);
    expect(compiled(t, r)).toEqual(["app/main.gr"]);
    expect(r.entryCode).toMatch(/bad = \$rt\.moduleBroken\("\.\/bad", "app\/bad\.gr:1:9: unexpected line break[^"]*"\);/);
  });

  it("an entry that does not parse stops the build with its diagnostic", () => {
    const t = tree({ "app/main.gr": "print(\n" });
    const r = t.build();
    expect(r.entry).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([["GR0001", t.path("app/main.gr")]]);
  });

  it("an import cycle compiles (it is reported when the program runs)", () => {
    const t = tree({ "app/main.gr": lines('import "./a"'), "app/a.gr": lines('import "./b"'), "app/b.gr": lines('import "./a"') });
    const r = t.build();
    expect(r.diagnostics).toEqual([]);
    expect(compiled(t, r)).toEqual(["app/a.gr", "app/b.gr", "app/main.gr"]);
  });
});

describe("the name an import binds", () => {
  it("`module X alias Y` binds Y, `module X` binds X, `as` overrides both, otherwise the file name", () => {
    const t = tree({
      "app/main.gr": lines('import "./aliased"', 'import "./named"', 'import "./named" as mine', 'import "./plain"'),
      "app/aliased.gr": lines("module Helpers alias H", MODULE),
      "app/named.gr": lines("module Tools", MODULE),
      "app/plain.gr": MODULE,
    });
    const r = t.build();
    const code = r.entryCode!;
    expect(importedAs(code, t, "app/aliased.gr")).toBe("H");
    expect(code).toMatch(/Tools = \$rt\.importCompiled\(\$m, "[^"]*named\.gr"/);
    expect(code).toMatch(/mine = \$rt\.importCompiled\(\$m, "[^"]*named\.gr"/);
    expect(importedAs(code, t, "app/plain.gr")).toBe("plain");
    // The analysis agrees: the bound names are the module's variables.
    expect(code).toMatch(/let H;/);
    expect(code).toMatch(/let Tools;/);
  });

  it("a module without a declaration inherits its importer's name (and alias)", () => {
    const t = tree({
      "app/main.gr": lines("module mainx", 'import "./helpers"', "print(mainx)"),
      "app/helpers.gr": MODULE,
    });
    expect(importedAs(t.build().entryCode!, t, "app/helpers.gr")).toBe("mainx");
    const aliased = tree({
      "app/main.gr": lines("module mainx alias mx", 'import "./helpers"'),
      "app/helpers.gr": MODULE,
    });
    expect(importedAs(aliased.build().entryCode!, aliased, "app/helpers.gr")).toBe("mx");
    // A module's own declaration wins over the inherited name.
    const own = tree({
      "app/main.gr": lines("module mainx", 'import "./helpers"'),
      "app/helpers.gr": lines("module Helpers", MODULE),
    });
    expect(importedAs(own.build().entryCode!, own, "app/helpers.gr")).toBe("Helpers");
  });
});

describe("load with a literal path", () => {
  it("is found relative to the working directory first, then to the loading file, and compiled in place", () => {
    const t = tree({
      "app/main.gr": lines('load "data.gr"', 'load "near"', "print(where, near)"),
      "data.gr": lines('where = "cwd"'),
      "app/data.gr": lines('where = "app"'),
      "app/near.gr": lines("near = 1"),
    });
    const r = t.build();
    expect(r.diagnostics).toEqual([]);
    expect(r.entryCode).toMatch(/where = "cwd";/);
    expect(r.entryCode).not.toMatch(/"app"/);
    expect(r.entryCode).toMatch(/near = 1;/);
    expect(r.sources.has(t.path("data.gr"))).toBe(true);
  });
});
