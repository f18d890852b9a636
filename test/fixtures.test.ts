// Golden fixtures (fixtures/): real output of compiled programs against expected files.
// UPDATE=1 rewrites the expected files (read every one before committing); FILTER=text picks cases.
//   run/<case>/main.gr      → expected.out (+ expected.rc)      stdout and exit status
//   errors/<case>/main.gr   → expected.err (+ expected.rc)      stderr of `graphoid run`
//   compile/<case>/main.gr  → expected.mjs                      the generated module
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { discoverCases, runCases, updateCase, describeFailure, runCase } from "../compiler/cli/golden.js";
import { compile } from "../compiler/index.js";
import { root, graphoid, update, filter, jobs } from "./golden-support.js";

const fixtures = join(root, "fixtures");

describe("fixtures/run", () => {
  const dir = join(fixtures, "run");
  const cases = existsSync(dir) ? discoverCases(dir, filter) : [];
  it(`runs ${cases.length} programs with the expected output`, async () => {
    const results = await runCases(cases, { graphoid, parallel: jobs });
    const failed = results.filter((r) => !r.passed);
    if (update) failed.forEach(updateCase);
    for (const r of failed) console.log(describeFailure(r));
    expect(update ? [] : failed.map((r) => r.case.name)).toEqual([]);
  });
});

describe("fixtures/errors", () => {
  const dir = join(fixtures, "errors");
  const cases = existsSync(dir) ? discoverCases(dir, filter) : [];
  for (const c of cases) {
    it(c.name, async () => {
      const r = await runCase(c, { graphoid });
      const expectedFile = join(c.dir, "expected.err");
      const rcFile = join(c.dir, "expected.rc");
      const expectedStatus = existsSync(rcFile) ? Number(readFileSync(rcFile, "utf8").trim()) : 1;
      const outFile = join(c.dir, "expected.out");
      if (update) {
        writeFileSync(expectedFile, r.stderr);
        if (r.stdout !== "" || existsSync(outFile)) writeFileSync(outFile, r.stdout);
        if (r.status !== 1) writeFileSync(rcFile, `${r.status}\n`);
        return;
      }
      expect(r.stderr).toBe(readFileSync(expectedFile, "utf8"));
      expect(r.stdout).toBe(existsSync(outFile) ? readFileSync(outFile, "utf8") : "");
      expect(r.status).toBe(expectedStatus);
    });
  }
});

describe("fixtures/compile", () => {
  const dir = join(fixtures, "compile");
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => filter === null || n.includes(filter)).sort() : [];
  for (const name of names) {
    it(name, () => {
      const source = readFileSync(join(dir, name, "main.gr"), "utf8");
      const result = compile(source, { file: "main.gr", sourcemap: "none", runtimeSpecifier: "graphoid-js/runtime" });
      expect(result.diagnostics).toEqual([]);
      const code = result.code!;
      // An expectation must always be valid JS.
      expect(() => transformSync(code, { format: "esm", loader: "js" })).not.toThrow();
      const expectedFile = join(dir, name, "expected.mjs");
      if (update) writeFileSync(expectedFile, code);
      else expect(code).toBe(readFileSync(expectedFile, "utf8"));
    });
  }
});
