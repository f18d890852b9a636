// The shared conformance suite (../shared/conformance): every case must pass except the ones in
// conformance-known-failures.txt, and every listed case must still fail, so the list only shrinks.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { discoverCases, runCases, describeFailure } from "../compiler/cli/golden.js";
import { root, graphoid, filter, jobs } from "./golden-support.js";

const suite = join(root, "..", "shared", "conformance");
const knownFile = join(root, "test", "conformance-known-failures.txt");

function knownFailures(): Set<string> {
  if (!existsSync(knownFile)) return new Set();
  return new Set(
    readFileSync(knownFile, "utf8")
      .split("\n")
      .map((l) => l.replace(/#.*/, "").trim())
      .filter((l) => l !== ""),
  );
}

describe("shared conformance suite", () => {
  if (!existsSync(suite)) {
    it.skip("../shared/conformance is absent: conformance cases skipped", () => {});
    return;
  }
  it("passes every case outside the known-failures list, and none inside it", async () => {
    const cases = discoverCases(suite, filter);
    const known = knownFailures();
    const results = await runCases(cases, { graphoid, parallel: jobs });
    const passed = results.filter((r) => r.passed);
    const unexpected = results.filter((r) => !r.passed && !known.has(r.case.name));
    const fixed = results.filter((r) => r.passed && known.has(r.case.name));
    console.log(`conformance: ${passed.length} passed, ${results.length - passed.length} failed (${cases.length} cases)`);
    for (const r of unexpected) console.log(describeFailure(r));
    expect(unexpected.map((r) => r.case.name), "cases that fail but are not known failures").toEqual([]);
    expect(fixed.map((r) => r.case.name), "known failures that now pass: remove them from test/conformance-known-failures.txt").toEqual([]);
  });
});
