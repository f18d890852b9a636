// `graphoid spec` (runtime.md §1.1): which files are found, and how several files share one run.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { discoverSpecFiles, buildDriver } from "../../compiler/cli/spec.js";
import { runGraphoid } from "../golden-support.js";

const work = mkdtempSync(join(tmpdir(), "graphoid-spec-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(root: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

function spec(cwd: string, ...args: string[]): { stdout: string; status: number | null } {
  const { stdout, status } = runGraphoid(cwd, ["spec", ...args]);
  return { stdout, status };
}

describe("discovery", () => {
  const root = tree(join(work, "found"), {
    "b_spec.gr": "",
    "B_spec.gr": "",
    "a/deep_spec.gr": "",
    "a/helper.gr": "",
    ".hidden/x_spec.gr": "",
    "node_modules/y_spec.gr": "",
    "target/z_spec.gr": "",
    "spec.gr": "",
  });

  it("searches directories recursively, skipping dot entries, target and node_modules, sorted bytewise", () => {
    expect(discoverSpecFiles(root).map((p) => p.slice(root.length))).toEqual(["/B_spec.gr", "/a/deep_spec.gr", "/b_spec.gr"]);
  });

  it("takes a file only when its name ends in _spec.gr", () => {
    expect(discoverSpecFiles(join(root, "b_spec.gr"))).toEqual([join(root, "b_spec.gr")]);
    expect(discoverSpecFiles(join(root, "spec.gr"))).toEqual([]);
    expect(discoverSpecFiles(join(root, "missing"))).toEqual([]);
  });
});

describe("driver", () => {
  it("stops before the first file that does not parse", () => {
    const d = buildDriver(
      [
        { file: "/x/a_spec.gr", source: "print(1)\n" },
        { file: "/x/b_spec.gr", source: "print((\n" },
        { file: "/x/c_spec.gr", source: "print(3)\n" },
      ],
      3,
    );
    expect(d.complete).toBe(false);
    expect(d.segments.map((s) => s.file)).toEqual(["/x/a_spec.gr"]);
    expect(d.parseErrors.length).toBeGreaterThan(0);
    expect(d.text).toContain(`print("Running 3 spec file(s)...")`);
  });
});

describe("graphoid spec", () => {
  it("runs every file in one namespace and prints one final summary", () => {
    const root = tree(join(work, "shared"), {
      "a_spec.gr": `limit = 3\nfn small(n) { return n < limit }\nbefore_each { print("hook from a") }\ndescribe "a" {\n  it "uses its function" { expect(small(2)).to_be_truthy() }\n}\n`,
      "b_spec.gr": `describe "b" {\n  it "sees a's names" { expect(small(5)).to_be_falsy() }\n  it "fails" { expect(limit).to_equal(4) }\n}\n`,
    });
    const r = spec(root);
    expect(r.stdout).toBe(
      [
        "Running 2 spec file(s)...",
        "",
        "a",
        "hook from a",
        "    PASS: uses its function",
        "b",
        "hook from a",
        "    PASS: sees a's names",
        "hook from a",
        "    FAIL: fails",
        "      Error: Expected 4 but got 3",
        "",
        "============================================================",
        "FINAL SUMMARY",
        "============================================================",
        "2 passed, 1 failed, 0 skipped, 3 total",
        "",
        "Failed tests:",
        "  b > fails",
        "    Error: Expected 4 but got 3",
        "",
        "SOME TESTS FAILED",
        "",
      ].join("\n"),
    );
    expect(r.status).toBe(1);
  });

  it("aborts at a file that does not parse, after running the files before it", () => {
    const root = tree(join(work, "broken"), {
      "a_spec.gr": `it "runs" { expect(1).to_equal(1) }\n`,
      "b_spec.gr": `it "never" {\n`,
    });
    const r = spec(root, ".");
    expect(r.stdout).toBe("Running 2 spec file(s)...\n\n  PASS: runs\n");
    expect(r.status).toBe(1);
  });

  it("reports when there is nothing to run", () => {
    const root = tree(join(work, "empty"), { "notes.gr": "" });
    const r = spec(root, "./");
    expect(r.stdout).toBe("No spec files found in: .\nSpec files must end with _spec.gr\n");
    expect(r.status).toBe(1);
  });
});
