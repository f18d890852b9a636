import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, display, errorOf, errorTypeOf, fn1, hash, lambda, list, shown, sym } from "./helpers.js";
import { indexList, listAppendInPlace, listSetIndexInPlace } from "../../runtime/methods/list.js";
import { indexMap, mapSetInPlace } from "../../runtime/methods/map.js";
import { applyBehaviors, attachBehavior } from "../../runtime/rules/behavior.js";
import { clampRange, roundHalfAwayFromZero } from "../../runtime/rules/behaviors.js";
import { host, installHost } from "../../runtime/host.js";
import { GrList } from "../../runtime/values/list.js";
import { GrMap } from "../../runtime/values/map.js";
import type { Value } from "../../runtime/values/value.js";

const out = (...parts: string[]) => parts.join(" ");
const rule = (xs: Value, name: string, ...args: Value[]) => call(xs, "add_rule", sym(name), ...args);
/** `xs.append!(v)` as compiled code does it on an owned list. */
const appendBang = (xs: Value, v: Value) => listAppendInPlace(xs as GrList, v);

let stderr: string[] = [];
const originalStderr = host.stderr;
beforeEach(() => {
  stderr = [];
  installHost({ stderr: (t) => void stderr.push(t) });
});
afterEach(() => installHost({ stderr: originalStderr }));

describe("attaching (conformance collections/behavior-new-vs-bang, behavior-none-to-zero)", () => {
  it("returns a new list and applies retroactively", () => {
    const temps = list(21, null, -4);
    const fixed = rule(rule(temps, "none_to_zero"), "positive");
    expect(out(display(temps), display(fixed))).toBe("[21, none, -4] [21, 0, 4]");
  });

  it("applies to every later insert", () => {
    let ys = rule(list(1, null, 3, null), "none_to_zero");
    expect(display(ys)).toBe("[1, 0, 3, 0]");
    appendBang(ys, null);
    ys = call(ys, "prepend", null);
    expect(display(ys)).toBe("[0, 1, 0, 3, 0, 0]");
    ys = call(ys, "insert", 2, null);
    listSetIndexInPlace(ys as GrList, 1, null);
    expect(display(ys)).toBe("[0, 0, 0, 0, 3, 0, 0]");
    appendBang(ys, "text");
    appendBang(ys, false);
    expect(display(ys)).toBe("[0, 0, 0, 0, 3, 0, 0, text, false]");
    expect(shown(rule(list(), "none_to_zero"), "append", null)).toBe("[0]");
  });

  it("the standard worked example (collections.md §7.3)", () => {
    const readings = list(12, null, -7);
    let clean = rule(rule(readings, "none_to_zero"), "positive");
    expect(out(display(readings), display(clean))).toBe("[12, none, -7] [12, 0, 7]");
    appendBang(clean, -3);
    clean = call(clean, "insert", 0, null);
    expect(display(clean)).toBe("[0, 12, 0, 7, 3]");
    listSetIndexInPlace(clean as GrList, 1, -100);
    expect(display(clean)).toBe("[0, 100, 0, 7, 3]");
    const plain = call(clean, "map", fn1((n) => (n as number) + 1));
    appendBang(plain, -1);
    expect(display(plain)).toBe("[1, 101, 1, 8, 4, -1]");
    expect(shown(list(250, 40, -9), "add_rule", sym("validate_range"), 0, 100)).toBe("[100, 40, 0]");
    expect(display(rule(list(0.5, 1.5, -0.5), "round_to_int"))).toBe("[1, 2, -1]");
  });
});

describe("order and duplicates (conformance collections/behavior-chaining-order, behavior-duplicate-attach)", () => {
  it("runs in attach order", () => {
    const vr = (xs: Value, lo: number, hi: number) => rule(xs, "validate_range", lo, hi);
    expect(out(display(vr(vr(list(5, 50), 0, 10), 20, 30)), display(vr(vr(list(5, 50), 20, 30), 0, 10)))).toBe("[20, 20] [10, 10]");
    expect(out(display(vr(rule(list(null), "none_to_zero"), 1, 5)), display(rule(vr(list(null), 1, 5), "none_to_zero")))).toBe(
      "[1] [0]",
    );
    const e = vr(rule(list(-5), "positive"), -10, -1);
    const f = rule(vr(list(-5), -10, -1), "positive");
    expect(out(display(e), display(f))).toBe("[-1] [5]");
    appendBang(e, -7);
    appendBang(f, -7);
    expect(out(display(e), display(f))).toBe("[-1, -1] [5, 7]");
    expect(display(rule(rule(list(-2.5), "round_to_int"), "positive"))).toBe("[3]");
  });

  it("ignores an identical rule", () => {
    let a = rule(rule(list(-1), "positive"), "positive");
    a = call(a, "remove_rule", sym("positive"));
    appendBang(a, -2);
    expect(display(a)).toBe("[1, -2]");
    const c = rule(rule(rule(list(), "positive"), "validate_range", -10, -1), "positive");
    appendBang(c, -5);
    appendBang(c, 3);
    expect(display(c)).toBe("[-1, -1]");
    const d = rule(rule(list(), "validate_range", 0, 5), "validate_range", 0, 5);
    appendBang(d, 7);
    expect(display(d)).toBe("[5]");
  });
});

describe("the standard behaviors", () => {
  it("none_to_empty (collections/behavior-none-to-empty)", () => {
    let names = rule(list("ann", null), "none_to_empty");
    expect(out(display(names), shown(indexList(names as GrList, 1), "length"))).toBe("[ann, ] 0");
    appendBang(names, null);
    expect(out(shown(names, "size"), shown(names, "join", "|"))).toBe("3 ann||");
    expect(shown(names, "to_string")).toBe('["ann", "", ""]');
    const n = rule(list(0, null), "none_to_empty") as GrList;
    expect(out(display(n), shown(n.items[0]!, "type"), shown(n.items[1]!, "type"))).toBe("[0, ] num string");
    names = call(names, "insert", 0, null);
    listSetIndexInPlace(names as GrList, 1, null);
    expect(shown(names, "to_string")).toBe('["", "", "", ""]');
    expect(display(rule(hash({ k: null }), "none_to_empty"))).toBe('{"k": }');
  });

  it("positive (collections/behavior-positive)", () => {
    let xs = rule(list(-3, 0, 2, -0.5), "positive");
    expect(display(xs)).toBe("[3, 0, 2, 0.5]");
    appendBang(xs, -10);
    xs = call(xs, "prepend", -1);
    expect(display(xs)).toBe("[1, 3, 0, 2, 0.5, 10]");
    listSetIndexInPlace(xs as GrList, 0, -99);
    expect(out(display(indexList(xs as GrList, 0)), shown(xs, "size"))).toBe("99 6");
    const mixed = rule(list("-5", null, -5), "positive");
    expect(display(mixed)).toBe("[-5, none, 5]");
  });

  it("round_to_int rounds halves away from zero (collections/behavior-round-half-away)", () => {
    expect(display(rule(list(0.5, 1.5, 2.5, -0.5, -1.5, -2.5), "round_to_int"))).toBe("[1, 2, 3, -1, -2, -3]");
    const s = rule(list(2.4, 2.6, -2.4, -2.6, 7, 0.49999), "round_to_int");
    expect(display(s)).toBe("[2, 3, -2, -3, 7, 0]");
    for (const v of [3.5, -3.5, -0.4]) appendBang(s, v);
    expect(display(s)).toBe("[2, 3, -2, -3, 7, 0, 4, -4, -0]");
    expect(display(rule(list("1.5", true), "round_to_int"))).toBe("[1.5, true]");
  });

  it("uppercase and lowercase (collections/behavior-case-conversion)", () => {
    const up = rule(list("MiXed", "straße", 1, null), "uppercase");
    expect(display(up)).toBe("[MIXED, STRASSE, 1, none]");
    appendBang(up, "late");
    expect(indexList(up as GrList, -1)).toBe("LATE");
    const low = call(rule(list("ÀBC", "Quiet"), "lowercase"), "prepend", "LOUD");
    expect(display(low)).toBe("[loud, àbc, quiet]");
    const h = rule(hash({ k: "value" }), "uppercase") as GrMap;
    mapSetInPlace(h, "j", "other");
    expect(out(display(indexMap(h, "k")), display(indexMap(h, "j")))).toBe("VALUE OTHER");
  });

  it("validate_range clamps numbers (collections/behavior-validate-range)", () => {
    let score = rule(list(180, 35, -12, 100, 0), "validate_range", 0, 100);
    expect(display(score)).toBe("[100, 35, 0, 100, 0]");
    appendBang(score, 101);
    appendBang(score, -0.5);
    score = call(score, "insert", 0, 55.5);
    expect(display(score)).toBe("[55.5, 100, 35, 0, 100, 0, 100, 0]");
    listSetIndexInPlace(score as GrList, 1, 1000);
    expect(out(display(indexList(score as GrList, 1)), shown(score, "size"))).toBe("100 8");
    expect(display(rule(list(0.1, 0.9), "validate_range", 0.25, 0.75))).toBe("[0.25, 0.75]");
    expect(display(rule(list("x", null, 5), "validate_range", 1, 3))).toBe("[x, none, 3]");
  });

  it("no_frozen (collections/behavior-no-frozen)", () => {
    const a = rule(list(1), "no_frozen");
    const message = "Cannot add frozen element (no_frozen rule active)";
    expect(errorOf(() => appendBang(a, call(list(2), "freeze")))).toBe(message);
    expect(errorOf(() => appendBang(a, call(5, "freeze")))).toBe(message);
    appendBang(a, list(3));
    expect(display(a)).toBe("[1, [3]]");
    expect(errorOf(() => rule(list(call(list(1), "freeze"), 2), "no_frozen"))).toBe(message);
  });

  it("copy_elements stores unfrozen copies (collections/behavior-copy-elements)", () => {
    const f = call(list(2, list(3)), "freeze");
    const b = rule(list(), "copy_elements") as GrList;
    appendBang(b, f);
    expect(out(display(b), shown(b.items[0]!, "is_frozen"), shown(f, "is_frozen"))).toBe("[[2, [3]]] false true");
    const c = list(call(list(1), "freeze"), call("s", "freeze"));
    const c2 = rule(c, "copy_elements") as GrList;
    expect(out(shown(c.items[0]!, "is_frozen"), shown(c2.items[0]!, "is_frozen"), shown(c2.items[1]!, "is_frozen"))).toBe(
      "true false false",
    );
    appendBang(b, f);
    expect(out(shown(b, "size"), shown(b.items[1]!, "is_frozen"))).toBe("2 false");
  });

  it("shallow_freeze_only freezes the collection at once (reference behavior)", () => {
    const xs = rule(list(1, list(2)), "shallow_freeze_only") as GrList;
    expect(call(xs, "is_frozen")).toBe(true);
    expect(call(xs.items[1]!, "is_frozen")).toBe(false);
    expect(errorOf(() => appendBang(xs, 3))).toBe("Cannot modify frozen graph");
  });
});

describe("no_duplicates (conformance collections/behavior-no-duplicates-list)", () => {
  it("rejects later duplicates with a RuleViolation", () => {
    let l = rule(list(1, 2, 3), "no_duplicates");
    expect(out(display(l), shown(l, "length"))).toBe("[1, 2, 3] 3");
    appendBang(l, 4);
    expect(display(l)).toBe("[1, 2, 3, 4]");
    expect(errorTypeOf(() => appendBang(l, 2))).toBe("RuleViolation");
    expect(errorTypeOf(() => (l = call(l, "prepend", 1)))).toBe("RuleViolation");
    expect(out(display(l), shown(l, "length"))).toBe("[1, 2, 3, 4] 4");
  });

  it("works on hashes under the no_dups alias", () => {
    const h = rule(hash({ a: 1 }), "no_dups") as GrMap;
    expect(errorTypeOf(() => mapSetInPlace(h, "b", 1))).toBe("RuleViolation");
    mapSetInPlace(h, "c", 2);
    mapSetInPlace(h, "a", 1);
    expect(out(shown(h, "size"), shown(h, "has_key", "b"))).toBe("2 false");
  });

  it("attaching removes later duplicates, keeping the first", () => {
    const d = rule(list(1, 1, 2, 1), "no_duplicates");
    expect(out(shown(d, "length"), display(d))).toBe("2 [1, 2]");
    expect(display(rule(list(1, 2, 3, 2, 4, 3, 5), "no_dups"))).toBe("[1, 2, 3, 4, 5]");
  });

  it("reports like a graph rule: doubled prefix and a WARNING on stderr", () => {
    const l = rule(list(1), "no_duplicates");
    expect(errorOf(() => appendBang(l, 1))).toBe(
      "Graph rule violated: no_duplicates - Graph rule violated: no_duplicates - Value 1 already exists in collection",
    );
    expect(stderr.join("")).toBe("WARNING: Graph rule violated: no_duplicates - Value 1 already exists in collection\n");
  });

  it("replacing a slot compares against the other slots only", () => {
    const l = rule(list(1, 2), "no_duplicates") as GrList;
    listSetIndexInPlace(l, 0, 1);
    expect(errorTypeOf(() => listSetIndexInPlace(l, 0, 2))).toBe("RuleViolation");
  });
});

describe("persistence (conformance collections/behavior-persistence)", () => {
  it("append/prepend/insert/remove/remove_at_index/clear keep rules; the rest do not", () => {
    const base = rule(list(1, -2), "positive");
    const kept = [
      call(base, "append", 0),
      call(base, "prepend", 0),
      call(base, "insert", 1, 0),
      call(base, "remove", 1),
      call(base, "remove_at_index", 0),
      call(base, "clear"),
    ];
    for (const k of kept) {
      appendBang(k, -100);
      expect(indexList(k as GrList, -1)).toBe(100);
    }
    const identity = fn1((n) => n);
    const dropped = [
      call(base, "map", identity),
      call(base, "filter", fn1(() => true)),
      call(base, "reject", fn1(() => false)),
      call(base, "sort"),
      call(base, "reverse"),
      call(base, "uniq"),
      call(base, "compact"),
      call(base, "slice", 0, 2),
    ];
    for (const d of dropped) {
      appendBang(d, -100);
      expect(indexList(d as GrList, -1)).toBe(-100);
    }
  });

  it("equality ignores rules", () => {
    expect(call(rule(list(1, 2, 3), "positive"), "to_string")).toBe("[1, 2, 3]");
  });
});

describe("hashes (conformance collections/behavior-hash)", () => {
  it("behaviors apply to values written by index or dot assignment", () => {
    const h = rule(rule(hash({ a: null, b: -2 }), "none_to_zero"), "positive") as GrMap;
    expect(out(display(indexMap(h, "a")), display(indexMap(h, "b")), shown(h, "size"))).toBe("0 2 2");
    mapSetInPlace(h, "c", null);
    mapSetInPlace(h, "d", -4);
    expect(out(display(indexMap(h, "c")), display(indexMap(h, "d")), shown(h, "size"))).toBe("0 4 4");
    let r = rule(hash({ n: 2.5 }), "round_to_int");
    expect(display(r)).toBe('{"n": 3}');
    r = rule(r, "validate_range", 0, 1);
    mapSetInPlace(r as GrMap, "m", 9);
    expect(out(display(indexMap(r as GrMap, "n")), display(indexMap(r as GrMap, "m")))).toBe("1 1");
    const s = call(r, "remove", "n") as GrMap;
    mapSetInPlace(s, "p", -3);
    expect(out(shown(s, "size"), display(indexMap(s, "m")), display(indexMap(s, "p")), shown(s, "has_key", "n"))).toBe(
      "2 1 0 false",
    );
  });
});

describe("remove_rule (conformance collections/behavior-remove-rule)", () => {
  it("drops the behavior; transformed values stay", () => {
    const x = rule(list(-1), "positive");
    appendBang(x, -5);
    const y = call(x, "remove_rule", sym("positive"));
    appendBang(y, -6);
    appendBang(x, -7);
    expect(out(display(x), display(y))).toBe("[1, 5, 7] [1, 5, -6]");
    let z = rule(rule(list(null), "none_to_zero"), "positive");
    z = call(z, "remove_rule", sym("none_to_zero"));
    appendBang(z, null);
    appendBang(z, -9);
    expect(display(z)).toBe("[0, none, 9]");
    expect(shown(list(1), "remove_rule", sym("positive"))).toBe("[1]");
  });
});

describe("argument errors (conformance collections/behavior-validate-range-errors)", () => {
  it("exact messages", () => {
    expect(errorOf(() => rule(list(1), "validate_range", 1))).toBe("validate_range requires 2 arguments (min, max), but got 1");
    expect(errorOf(() => rule(list(1), "validate_range", "a", 2))).toBe("validate_range min must be a number, got string");
    expect(errorOf(() => rule(list(1), "validate_range", 1, 2, 3))).toBe("add_rule() expects 1-3 arguments, but got 4");
    expect(errorOf(() => rule(list(1), "no_such_behavior"))).toBe("Unknown rule: :no_such_behavior");
    expect(errorOf(() => rule(list(1), "constructor"))).toBe("Unknown rule: :constructor");
    expect(errorOf(() => call(list(1), "remove_rule", sym("toString")))).toBe("Unknown rule: :toString");
    expect(errorOf(() => call(rule(list(1), "validate_range", 0, 5), "remove_rule", sym("validate_range")))).toBe(
      "Unknown rule: :validate_range",
    );
    expect(errorOf(() => call(list(1), "add_rule"))).toBe("add_rule() expects 1-3 arguments, but got 0");
    expect(errorOf(() => call(list(1), "add_rule", 5))).toBe("add_rule() expects a symbol, got num");
    expect(errorOf(() => call(list(1), "add_rule", fn1((x) => x)))).toBe("add_rule() expects a symbol, got function");
  });
});

describe("spec-only extensions (collections.md §7.6)", () => {
  it("mapping rules", () => {
    const table = hash({ "1": "one", true: "yes", none: "nothing", sym: "symbol" });
    const xs = call(list(1, true, null, sym("sym"), 2), "add_mapping_rule", table);
    expect(display(xs)).toBe("[one, yes, nothing, symbol, 2]");
    const withDefault = call(list(1, 2), "add_mapping_rule", table, "?");
    expect(display(withDefault)).toBe("[one, ?]");
  });

  it("custom and conditional rules", () => {
    const doubled = call(list(1, 2), "add_custom_rule", fn1((x) => (x as number) * 2));
    appendBang(doubled, 5);
    expect(display(doubled)).toBe("[2, 4, 10]");
    const isNegative = fn1((x) => typeof x === "number" && x < 0);
    const cond = call(list(-1, 2), "add_rule", isNegative, fn1(() => 0), fn1((x) => (x as number) + 100));
    expect(display(cond)).toBe("[0, 102]");
    expect(display(call(list(-1, 2), "add_rule", isNegative, fn1(() => 0)))).toBe("[0, 2]");
  });

  it("bundles, introspection, clear_rules", () => {
    const xs = call(list(null, -1), "add_rules", list(sym("positive"), sym("none_to_zero"), list(sym("validate_range"), 0, 5)));
    expect(display(xs)).toBe("[0, 1]");
    expect(shown(xs, "rules")).toBe("[:none_to_zero, :positive, :validate_range]");
    expect([call(xs, "has_rule", sym("positive")), call(xs, "has_rule", sym("no_dups"))]).toEqual([true, false]);
    const cleared = call(xs, "clear_rules");
    appendBang(cleared, -3);
    expect(display(cleared)).toBe("[0, 1, -3]");
    expect(call(rule(list(), "no_dups"), "has_rule", sym("no_duplicates"))).toBe(true);
  });
});

describe("the behavior model for the compiler", () => {
  it("standard transformations are pure exported functions", () => {
    expect([roundHalfAwayFromZero(2.5), roundHalfAwayFromZero(-2.5), Object.is(roundHalfAwayFromZero(-0.4), -0)]).toEqual([
      3, -3, true,
    ]);
    expect([clampRange(-1, 0, 10), clampRange(11, 0, 10), clampRange(5, 0, 10)]).toEqual([0, 10, 5]);
  });

  it("attachBehavior and applyBehaviors", () => {
    const xs = attachBehavior(list(-1), "positive", []);
    expect(display(xs)).toBe("[1]");
    expect(applyBehaviors(xs.rules, -4)).toBe(4);
    expect(applyBehaviors(null, -4)).toBe(-4);
    const h = attachBehavior(hash({ k: null }), "none_to_zero", []);
    expect(display(h)).toBe('{"k": 0}');
  });

  it("a lambda rule is called with exactly one argument", () => {
    const seen: Value[][] = [];
    const f = lambda(["a", "b"], (a, b) => (seen.push([a, b]), a));
    call(list(7), "add_custom_rule", f);
    expect(seen).toEqual([[7, null]]);
  });
});
