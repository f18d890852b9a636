// The reflect, runtime and modules namespaces (runtime.md §3.2, §3.6) as registered method tables.
import { describe, expect, it } from "vitest";
import "../../runtime/reflect/index.js";
import { currentScope } from "../../runtime/reflect/index.js";
import { namespaces } from "../../runtime/methods/table.js";
import { GrList } from "../../runtime/values/list.js";
import { GrMap } from "../../runtime/values/map.js";
import { display } from "../../runtime/values/format.js";
import type { Value } from "../../runtime/values/value.js";

function ns(name: string, method: string, ...args: Value[]): Value {
  const impl = namespaces[name]?.[method];
  if (!impl) throw new Error(`${name}.${method} is not registered`);
  return impl(null, args, null);
}

describe("runtime namespace", () => {
  it("reports the reference's version and plausible numbers", () => {
    expect(ns("runtime", "version")).toBe("0.1.0");
    expect(ns("runtime", "uptime")).toBeGreaterThanOrEqual(0);
    const memory = ns("runtime", "memory") as GrMap;
    expect([...memory.entries.keys()]).toEqual(["used"]);
    expect(memory.entries.get("used")).toBeGreaterThanOrEqual(0);
    expect(ns("runtime", "module_count")).toBe(0);
  });

  it("rejects arguments with the reference's wording", () => {
    expect(() => ns("runtime", "version", 1)).toThrow("runtime.version() takes no arguments, got 1");
    expect(() => ns("reflect", "universe", 1)).toThrow("reflect.universe() takes no arguments, but got 1");
    expect(() => ns("reflect", "module")).toThrow("reflect.module() expects 1 argument (module name), but got 0");
  });
});

describe("reflect namespace", () => {
  it("has no modules before any import and no FFI taint", () => {
    expect(display(ns("reflect", "loaded_modules"))).toBe("[]");
    expect(ns("reflect", "module", "json")).toBe(null);
    expect(ns("modules", "info", "json")).toBe(null);
    expect([ns("reflect", "tainted", "x"), ns("reflect", "taint_source", "x")]).toEqual([false, null]);
  });

  it("current_scope lists defined names and the snapshot, always as global at depth 0", () => {
    const s = currentScope([], ["a", "b", "later"], [1, "two", undefined], ["outer"], "function") as GrMap;
    expect(s.entries.get("type")).toBe("global");
    expect(s.entries.get("depth")).toBe(0);
    expect((s.entries.get("variables") as GrList).items).toEqual(["a", "b", "outer"]);
    expect(() => currentScope([1], [], [], [], "global")).toThrow("reflect.current_scope() takes no arguments, but got 1");
  });
});
