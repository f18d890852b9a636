import { describe, expect, it } from "vitest";
import { call, display, errorOf, hash, list, shown, sym } from "./helpers.js";
import { indexMap, mapGetProperty, mapMethodFallback, mapSetInPlace } from "../../runtime/methods/map.js";
import { settings } from "../../runtime/config.js";
import { GrMap } from "../../runtime/values/map.js";
import { GrList } from "../../runtime/values/list.js";

const out = (...parts: string[]) => parts.join(" ");

describe("reading (conformance collections/hash-access-missing, core/value-index-assign-rules)", () => {
  const opts = hash({ mode: "fast", retries: 3 });
  it("index and property reads", () => {
    expect(out(display(indexMap(opts, "mode")), display(mapGetProperty(opts, "retries")))).toBe("fast 3");
    expect(errorOf(() => indexMap(opts, "owner"))).toBe("Key 'owner' not found");
    expect(errorOf(() => mapGetProperty(opts, "owner"))).toBe("Property 'owner' not found");
    expect(errorOf(() => indexMap(opts, 0))).toBe(
      "Type error: expected indexable type (list, map, string, or graph), got map",
    );
  });

  it("lenient mode softens only the index read", () => {
    const saved = settings.errorMode;
    settings.errorMode = "lenient";
    try {
      expect(indexMap(opts, "owner")).toBe(null);
      expect(errorOf(() => mapGetProperty(opts, "owner"))).toBe("Property 'owner' not found");
    } finally {
      settings.errorMode = saved;
    }
  });

  it("nested reads", () => {
    const nested = hash({ a: hash({ b: hash({ c: 3 }) }) });
    expect(indexMap(indexMap(indexMap(nested, "a") as GrMap, "b") as GrMap, "c")).toBe(3);
  });
});

describe("h.k() fallback (conformance collections/hash-dot-method-fallback)", () => {
  const h = hash({ greeting: "hi", size: "big" });
  it("a key that is not a method name returns its value", () => {
    expect(call(h, "greeting")).toBe("hi");
    expect(mapGetProperty(h, "greeting")).toBe("hi");
    expect(out(shown(h, "size"), display(mapGetProperty(h, "size")))).toBe("2 big");
    expect(errorOf(() => call(h, "missing"))).toBe("Map does not have method 'missing'");
    expect(errorOf(() => mapMethodFallback(h, "missing"))).toBe("Map does not have method 'missing'");
  });

  it("a key wins over a spec-only extension method of the same name", () => {
    expect(call(hash({ rules: "mine" }), "rules")).toBe("mine");
    expect(shown(call(hash({}), "add_rule", sym("positive")), "rules")).toBe("[:positive]");
  });
});

describe("methods (conformance collections/hash-methods, hash-remove)", () => {
  const h = hash({ b: 2, a: 1, c: 3 });
  it("sizes, keys, values, has_key", () => {
    expect(["size", "len", "length", "is_empty"].map((m) => shown(h, m)).join(" ")).toBe("3 3 3 false");
    expect(shown(h, "keys")).toBe("[b, a, c]");
    expect(shown(h, "values")).toBe("[2, 1, 3]");
    expect(shown(call(h, "values"), "sort")).toBe("[1, 2, 3]");
    expect(["a", "A", ""].map((k) => call(h, "has_key", k))).toEqual([true, false, false]);
    expect(errorOf(() => call(h, "has_key", 1))).toBe("has_key() requires a string argument");
    expect(out(shown(hash({}), "keys"), shown(hash({}), "values"), shown(hash({}), "is_empty"))).toBe("[] [] true");
    expect(out(shown(h, "to_num"), shown(hash({}), "to_bool"), shown(h, "to_bool"))).toBe("3 false true");
  });

  it("remove returns a new hash", () => {
    const g = hash({ a: 1, b: 2 });
    expect(out(shown(g, "remove", "a"), shown(g, "size"))).toBe('{"b": 2} 2');
    expect(shown(call(g, "remove", "zzz"), "size")).toBe("2");
    expect(errorOf(() => call(g, "remove", 1))).toBe("remove() requires a string key, got num");
    expect(display(g)).toBe('{"a": 1, "b": 2}');
  });

  it("values gain a holder", () => {
    const inner = list(1);
    const vs = call(hash({ k: inner }), "values") as GrList;
    expect(vs.items[0]).toBe(inner);
    expect(inner.shared).toBe(true);
  });
});

describe("writing (conformance collections/hash-write)", () => {
  it("inserts and replaces in place, keeping key order", () => {
    const m = hash({});
    mapSetInPlace(m, "a", 1);
    expect(display(m)).toBe('{"a": 1}');
    mapSetInPlace(m, "b", "bee");
    mapSetInPlace(m, "a", list(1, 2));
    expect(display(m)).toBe('{"a": [1, 2], "b": bee}');
    expect(errorOf(() => mapSetInPlace(m, 1, "x"))).toBe("Invalid index assignment target");
  });

  it("frozen hashes reject writes (collections/freeze-hash)", () => {
    const m = call(hash({ k: 1 }), "freeze") as GrMap;
    for (const k of ["j", "k"]) expect(errorOf(() => mapSetInPlace(m, k, 2))).toBe("Cannot modify frozen graph");
    expect(out(display(m), shown(m, "size"))).toBe('{"k": 1} 1');
  });

  it("remove on a frozen hash silently returns it unchanged (reference gap)", () => {
    const m = call(hash({ k: 1 }), "freeze");
    expect(shown(m, "remove", "k")).toBe('{"k": 1}');
  });
});
