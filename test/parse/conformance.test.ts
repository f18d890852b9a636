// Every Graphoid file of the shared conformance suite must parse, except the cases whose point is
// a lexical or syntax error (the reference prints nothing and exits 1 before running anything).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "../../compiler/parse/parse.js";

// The suite lives beside the repository (../shared/conformance), as in CI.
const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CONFORMANCE = process.env.GRAPHOID_CONFORMANCE ?? join(repositoryRoot, "..", "shared", "conformance");
const available = existsSync(CONFORMANCE);

/** Cases that are meant not to parse, with the kind of error the file demonstrates. */
const REJECTED: Record<string, "GR0001" | "GR0002"> = {
  "core/lex-error-unexpected-char/main.gr": "GR0002",
  "core/lex-error-unterminated-string/main.gr": "GR0002",
  "core/lex-syntax-error-no-output/main.gr": "GR0001",
  "core/cond-else-next-line-error/main.gr": "GR0001",
  "core/lex-reserved-word-error/main.gr": "GR0001",
  "core/stmt-no-compound-assign/main.gr": "GR0001",
};

function graphoidFiles(directory: string, found: string[] = []): string[] {
  for (const entry of readdirSync(directory).sort()) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) graphoidFiles(path, found);
    else if (entry.endsWith(".gr")) found.push(path);
  }
  return found;
}

if (!available) {
  describe("conformance programs", () => {
    it.skip(`${CONFORMANCE} is absent: the parser's conformance checks are skipped`, () => {});
  });
}

describe.runIf(available)(`conformance programs in ${CONFORMANCE}`, () => {
  const files = available ? graphoidFiles(CONFORMANCE) : [];

  it("finds the suite (main.gr, *_spec.gr and modules)", () => {
    expect(files.filter((file) => file.endsWith("/main.gr")).length).toBeGreaterThan(300);
    expect(files.some((file) => file.endsWith("_spec.gr"))).toBe(true);
    for (const rejected of Object.keys(REJECTED)) expect(files).toContain(join(CONFORMANCE, rejected));
  });

  it("parses every program that the reference runs", () => {
    const failures: string[] = [];
    for (const file of files) {
      const name = relative(CONFORMANCE, file);
      if (name in REJECTED) continue;
      const result = parse(readFileSync(file, "utf8"), file);
      if (result.program === null) {
        const [problem] = result.diagnostics;
        failures.push(`${name}:${problem.loc.start.line}:${problem.loc.start.column}: ${problem.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(Object.entries(REJECTED))("rejects %s with %s", (name, code) => {
    const result = parse(readFileSync(join(CONFORMANCE, name), "utf8"), name);
    expect(result.program).toBeNull();
    expect(result.diagnostics.map((problem) => problem.code)).toEqual([code]);
  });

  it("knows every case that the reference rejects before running (empty output, status 1)", () => {
    // A syntax error prints nothing; so does a run-time error in the first statement, so this only
    // lists candidates, and every candidate that is not in REJECTED must parse (checked above).
    const silentFailures = files
      .filter((file) => file.endsWith("main.gr") || file.endsWith("_spec.gr"))
      .map((file) => join(file, ".."))
      .filter((folder) => readFileSync(join(folder, "expected.rc"), "utf8").trim() === "1")
      .filter((folder) => readFileSync(join(folder, "expected.out"), "utf8") === "")
      .map((folder) => relative(CONFORMANCE, folder));
    for (const name of Object.keys(REJECTED)) expect(silentFailures).toContain(join(name, ".."));
  });
});
