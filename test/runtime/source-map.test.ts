// Reading source maps for error positions (runtime/values/source-map.ts): the VLQ decoding against
// maps written by the `source-map` library, and lookups as Node's own support does them.
import { afterEach, describe, expect, it } from "vitest";
import { SourceMapGenerator } from "source-map";
import { decodeMappings, originalPosition } from "../../runtime/values/source-map.js";
import { host, installHost } from "../../runtime/host.js";

const savedSourceMap = host.sourceMap;
afterEach(() => installHost({ sourceMap: savedSourceMap }));

/** A map of generated.js with the given (generated line, column) → (source, line, column) mappings, 1-based lines, 0-based columns. */
function mapOf(mappings: [number, number, string, number, number][]): string {
  const generator = new SourceMapGenerator({ file: "generated.js" });
  for (const [line, column, source, originalLine, originalColumn] of mappings) {
    generator.addMapping({ generated: { line, column }, source, original: { line: originalLine, column: originalColumn } });
  }
  return generator.toString();
}

describe("decodeMappings", () => {
  it("decodes what the source-map library encodes, including large and negative deltas", () => {
    const mappings: [number, number, string, number, number][] = [
      [1, 0, "a.gr", 1, 0],
      [1, 17, "a.gr", 40, 3],
      [1, 5000, "b.gr", 2, 1],
      [3, 2, "a.gr", 1, 9],
      [3, 70000, "a.gr", 123456, 0],
    ];
    const raw = JSON.parse(mapOf(mappings)) as { sources: string[]; mappings: string };
    const decoded = Array.from(decodeMappings(raw.mappings));
    const expected = mappings.flatMap(([l, c, s, ol, oc]) => [l - 1, c, raw.sources.indexOf(s), ol - 1, oc]);
    expect(decoded).toEqual(expected);
  });

  it("rejects text that is not base64 VLQ", () => {
    expect(() => decodeMappings("AA!A")).toThrow();
  });
});

describe("originalPosition", () => {
  const json = mapOf([
    [2, 4, "main.gr", 7, 2],
    [2, 20, "main.gr", 8, 0],
    [5, 0, "lib/util.gr", 1, 0],
  ]);

  it("finds the last mapping at or before the position, as Node does, and resolves the source", () => {
    installHost({ sourceMap: (script) => (script === "file:///app/out.mjs" ? { json, url: "file:///app/out.mjs.map" } : null) });
    expect(originalPosition("file:///app/out.mjs", 2, 5)).toEqual({ source: "/app/main.gr", line: 7, column: 3 });
    expect(originalPosition("file:///app/out.mjs", 2, 30)).toEqual({ source: "/app/main.gr", line: 8, column: 1 });
    // Before any mapping on line 5's own segment: still line 2's last mapping.
    expect(originalPosition("file:///app/out.mjs", 4, 1)).toEqual({ source: "/app/main.gr", line: 8, column: 1 });
    expect(originalPosition("file:///app/out.mjs", 6, 9)).toEqual({ source: "/app/lib/util.gr", line: 1, column: 1 });
    expect(originalPosition("file:///app/out.mjs", 1, 1)).toBeNull();
  });

  it("knows nothing of scripts without a map, or whose map names no .gr source", () => {
    const tsOnly = mapOf([[1, 0, "runtime.ts", 1, 0]]);
    installHost({ sourceMap: (script) => (script === "file:///rt.js" ? { json: tsOnly, url: "file:///rt.js.map" } : null) });
    expect(originalPosition("file:///rt.js", 1, 1)).toBeNull();
    expect(originalPosition("node:internal/x", 1, 1)).toBeNull();
  });
});
