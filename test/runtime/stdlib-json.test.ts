// json.parse / json.to_string (runtime.md §4.7): the reference's forgiving parser and its printer.
import { describe, expect, it } from "vitest";
import { jsonParse, jsonToString } from "../../runtime/stdlib/json.js";
import { display } from "../../runtime/values/format.js";
import { GrList } from "../../runtime/values/list.js";
import { GrMap } from "../../runtime/values/map.js";
import { sym } from "../../runtime/values/symbol.js";
import { GrTime } from "../../runtime/stdlib/time.js";
import { GrBigNum } from "../../runtime/values/bignum.js";
import type { Value } from "../../runtime/values/value.js";

const shown = (text: string) => display(jsonParse(text));

describe("json.parse", () => {
  it("reads objects, arrays, strings, literals and numbers", () => {
    expect(shown('{"a": [1, -2.5, 2e2, 1E-2], "b": {"c": null}, "t": true, "f": false}')).toBe(
      '{"a": [1, -2.5, 200, 0.01], "b": {"c": none}, "t": true, "f": false}',
    );
    expect(shown("  7  ")).toBe("7");
    expect(shown("\t[\n1,\r\n2\n]\n")).toBe("[1, 2]");
    expect(shown("[]")).toBe("[]");
    expect(shown("{}")).toBe("{}");
  });

  it("keeps the escaped character of unknown escapes", () => {
    expect(jsonParse('"a\\nb\\tc\\rd\\"e\\\\f"')).toBe('a\nb\tc\rd"e\\f');
    expect(jsonParse('"\\u0041"')).toBe("u0041");
    expect(jsonParse('"\\/"')).toBe("/");
  });

  it("gives none for syntax errors and never throws", () => {
    for (const bad of ["{bad", "nope", "[1, 2", "", "   ", "[", '"open', '{"a" 1}', '{"a": 1,}', "tru", '{"x": [1, oops]}']) {
      expect(jsonParse(bad)).toBeNull();
    }
  });

  it("reads a missing value or an unconvertible number run as 0", () => {
    expect(shown('{"broken": }')).toBe('{"broken": 0}');
    expect(shown("[1,,2]")).toBe("[1, 0, 2]");
    expect(shown("[1,]")).toBe("[1, 0]");
    expect(shown("[--1]")).toBe("[0]");
    expect(shown("[1.2.3]")).toBe("[0]");
    expect(jsonParse("xyz")).toBe(0);
  });

  it("ignores text after the first value", () => {
    expect(shown("[1, 2] trailing words")).toBe("[1, 2]");
    expect(shown('{"a": 1}}}')).toBe('{"a": 1}');
  });

  it("lets a later duplicate key win", () => {
    expect(shown('{"k": 1, "k": 2}')).toBe('{"k": 2}');
  });

  it("survives very deep nesting", () => {
    expect(jsonParse("[".repeat(200000))).toBeNull();
  });
});

describe("json.to_string", () => {
  it("prints with Graphoid number forms and ', ' / ': ' separators", () => {
    const value = new GrMap(
      new Map<string, Value>([
        ["k", new GrList([1, 0.5, -0.0000001, 2 ** 70, null, false])],
        ["s", "q\"b\\n\nr\rt\t"],
      ]),
    );
    expect(jsonToString(value)).toBe('{"k": [1, 0.5, -0.0000001, 1180591620717411303424, null, false], "s": "q\\"b\\\\n\\nr\\rt\\t"}');
  });

  it("prints bignums as numbers", () => {
    expect(jsonToString(new GrBigNum(1.5))).toBe("1.5");
  });

  it("quotes other values in their text form", () => {
    expect(jsonToString(sym("ready"))).toBe('":ready"');
    expect(jsonToString(new GrTime(86400))).toBe('"1970-01-02T00:00:00+00:00"');
  });

  it("round-trips through parse", () => {
    const text = '{"items": [1, 2.5, "three", [], {}], "ok": true, "none": null}';
    expect(jsonToString(jsonParse(text))).toBe(text);
  });
});
