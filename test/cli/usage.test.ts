// The `graphoid` command line: help, version, and usage errors with exit status 2, whether the
// command is part of dist/cli.js (run) or loaded when used (build, check, test).
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGraphoid } from "../golden-support.js";

const work = mkdtempSync(join(tmpdir(), "graphoid-usage-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  return runGraphoid(work, args, { TMPDIR: work });
}

describe("graphoid", () => {
  it("prints help (status 0), or usage when given nothing (status 2), and its version", () => {
    expect(cli("--help")).toMatchObject({ status: 0, stdout: expect.stringContaining("graphoid run FILE.gr") });
    expect(cli()).toMatchObject({ status: 2, stdout: expect.stringContaining("Usage:") });
    expect(cli("--version")).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect(cli("build", "--help")).toMatchObject({ status: 0, stdout: expect.stringContaining("graphoid build") });
  });

  it.each([
    [["bogus"], "unknown command 'bogus'"],
    [["run"], "run needs a FILE.gr"],
    [["run", "--fast", "x.gr"], "unknown option --fast"],
    [["build", "x.gr"], "build needs -o OUT.mjs"],
    [["check"], "check needs exactly one FILE.gr"],
    // Raised inside the `test` command, which is loaded when used.
    [["test", "no-such-dir"], "no such directory: no-such-dir"],
  ])("graphoid %j is a usage error: status 2 and a pointer to --help", (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`graphoid: ${message}\nRun \`graphoid --help\` for usage.\n`);
    expect(r.stdout).toBe("");
  });

  it("check: status 0 for a good file, 1 with the diagnostic for a bad one", () => {
    writeFileSync(join(work, "good.gr"), "print(1 + 2)\n");
    writeFileSync(join(work, "bad.gr"), "print(1 +)\n");
    expect(cli("check", "good.gr")).toMatchObject({ status: 0 });
    const bad = cli("check", "bad.gr");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.gr:1:\d+: error\[GR\d{4}\]: /);
  });
});
