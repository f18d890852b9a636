// `graphoid run`'s caches: compiled modules (reused while every source is unchanged) and the V8
// code of the runtime (compiler/cli/runtime-loader.ts), which must never change what a run does.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGraphoid } from "../golden-support.js";

const work = mkdtempSync(join(tmpdir(), "graphoid-run-cache-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `graphoid run main.gr` in `dir` with its own TMPDIR, so the caches start empty. */
function run(dir: string): { stdout: string; stderr: string; status: number | null } {
  return runGraphoid(dir, ["run", "main.gr"], { TMPDIR: join(dir, "tmp") });
}

/** Files of the cache directory (one per installation under $TMPDIR/graphoid-js-USER/). */
function cacheFiles(dir: string): string[] {
  const user = readdirSync(join(dir, "tmp"))[0]!;
  const installation = readdirSync(join(dir, "tmp", user))[0]!;
  const root = join(dir, "tmp", user, installation);
  return readdirSync(root).map((name) => join(root, name));
}

describe("graphoid run with its caches", () => {
  const dir = mkdtempSync(join(work, "p-"));
  const program = ["fn half(n) {", "  return n / 2", "}", "print(half(7))", "print(half(1) / 0)", ""].join("\n");
  writeFileSync(join(dir, "main.gr"), program);

  it("gives the same output, errors and status from a cold cache, a warm one and a damaged one", () => {
    const cold = run(dir);
    expect(cold.stdout).toBe("3.5\n");
    expect(cold.stderr).toContain("main.gr:5:7: error: RuntimeError: Division by zero");
    expect(cold.status).toBe(1);
    const codeFile = cacheFiles(dir).find((f) => /runtime-.*\.code$/.test(f));
    expect(codeFile).toBeDefined();
    expect(cacheFiles(dir).some((f) => /manifest-.*\.json$/.test(f))).toBe(true);

    expect(run(dir)).toEqual(cold);

    // V8 rejects code that does not match; the runtime then compiles from source and replaces it.
    writeFileSync(codeFile!, "not V8 code");
    expect(run(dir)).toEqual(cold);
    expect(run(dir)).toEqual(cold);
  });

  it("recompiles when a source changes", () => {
    writeFileSync(join(dir, "main.gr"), program.replace("n / 2", "n * 2"));
    const changed = run(dir);
    expect(changed.stdout).toBe("14\n");
    expect(changed.stderr).toContain("main.gr:5:7: error: RuntimeError: Division by zero");
  });
});
