// compiler/lower/rules.ts: the behavior rules lowering knows a list or hash variable carries, so
// write sites can apply them inline (collections.md §7; DESIGN.md decision 3). Every unknown must
// come out as null ("take the runtime path"), never as a guess.
import { describe, expect, it } from "vitest";
import { RuleFacts, inlinable, mergeFacts, ruleChangingWrites, rulesAfterBang, rulesOf } from "../../compiler/lower/rules.js";
import type { KnownBehavior } from "../../compiler/lower/ir.js";
import type * as A from "../../compiler/parse/ast.js";
import { lines, parseProgram, sorted } from "./helpers.js";

/** The expression `text` (parsed as the value of an assignment). */
function expr(text: string): A.Expression {
  const [stmt] = parseProgram(`v = ${text}\n`).body;
  return (stmt as A.Assign).value;
}

/** The `x.m!(…)` method call of a statement. */
function bangCall(text: string): A.MethodCall {
  const [stmt] = parseProgram(text + "\n").body;
  const call = (stmt as A.ExprStmt).expression;
  if (call.type !== "MethodCall" || !call.bang) throw new Error(`not a bang call: ${text}`);
  return call;
}

const rule = (name: string, ...args: (number | string | boolean | null)[]): KnownBehavior => ({ name, args });
const POSITIVE = rule("positive");
const UPPER = rule("uppercase");
/** `entries` set on `base` (a new layer of it when given). */
function facts(entries: Record<string, KnownBehavior[]>, base?: RuleFacts): RuleFacts {
  const out = base ? base.layer() : new RuleFacts();
  for (const [name, rules] of Object.entries(entries)) out.set(name, rules);
  return out;
}
const NONE_KNOWN = new RuleFacts();

describe("rulesOf: the rules a value certainly carries", () => {
  it("collection literals carry no rules", () => {
    expect(rulesOf(NONE_KNOWN, expr("[1, 2]"))).toEqual([]);
    expect(rulesOf(NONE_KNOWN, expr('{"a": 1}'))).toEqual([]);
  });

  it("add_rule chains, in attach order", () => {
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:positive).add_rule(:uppercase)"))).toEqual([POSITIVE, UPPER]);
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:none_to_zero)"))).toEqual([rule("none_to_zero")]);
  });

  it("attaching an identical rule again is ignored; the same rule with other arguments is not identical", () => {
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:positive).add_rule(:uppercase).add_rule(:positive)"))).toEqual([POSITIVE, UPPER]);
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, 0, 10).add_rule(:validate_range, 0, 10)"))).toEqual([rule("validate_range", 0, 10)]);
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, 0, 10).add_rule(:validate_range, 0, 5)"))).toEqual([
      rule("validate_range", 0, 10),
      rule("validate_range", 0, 5),
    ]);
  });

  it("validate_range needs exactly two literal numbers", () => {
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, 0.5, 10)"))).toEqual([rule("validate_range", 0.5, 10)]);
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, 0)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, 0, 10, 20)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr('[].add_rule(:validate_range, "0", 10)'))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, lo, 10)"))).toBeNull();
  });

  it("rules without an inline form, arguments to argument-less rules, and odd first arguments are unknown", () => {
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:no_dups)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:my_rule)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:positive, 3)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr('[].add_rule("positive")'))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(rule_var)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule()"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, 0, max: 10)"))).toBeNull();
  });

  it("graph rules on a list or hash are accepted and inert", () => {
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:no_cycles).add_rule(:positive)"))).toEqual([rule("no_cycles"), POSITIVE]);
  });

  it("remove_rule drops every rule of that name; removing validate_range fails at run time, so it is unknown", () => {
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:positive).add_rule(:uppercase).remove_rule(:positive)"))).toEqual([UPPER]);
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:positive).remove_rule(:lowercase)"))).toEqual([POSITIVE]);
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:validate_range, 0, 1).remove_rule(:validate_range)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:positive).remove_rule(:positive, 1)"))).toBeNull();
    expect(rulesOf(NONE_KNOWN, expr("[].add_rule(:positive).remove_rule(name)"))).toBeNull();
  });

  it("variables carry their known facts; unknown variables and other expressions are unknown", () => {
    const known = facts({ xs: [POSITIVE] });
    expect(rulesOf(known, expr("xs"))).toEqual([POSITIVE]);
    expect(rulesOf(known, expr("xs.add_rule(:uppercase)"))).toEqual([POSITIVE, UPPER]);
    expect(rulesOf(known, expr("ys"))).toBeNull();
    expect(rulesOf(known, expr("f()"))).toBeNull();
    expect(rulesOf(known, expr("xs[0]"))).toBeNull();
  });

  it("operations that keep the receiver's rules do; others do not; `!` forms are not values with rules", () => {
    const known = facts({ xs: [POSITIVE] });
    for (const m of ["append(1)", "prepend(1)", "insert(0, 1)", "remove(1)", "remove_at_index(0)", "clear()"]) {
      expect(rulesOf(known, expr(`xs.${m}`)), m).toEqual([POSITIVE]);
    }
    expect(rulesOf(known, expr("xs.map(x => x)"))).toBeNull();
    expect(rulesOf(known, expr("xs.sort()"))).toBeNull();
    expect(rulesOf(known, expr("xs.add_rule!(:uppercase)"))).toBeNull();
  });
});

describe("rulesAfterBang: a variable's rules after `x.m!(…)`", () => {
  const known = facts({ xs: [POSITIVE] });

  it("rule-keeping mutations (and pop!) leave them as they were", () => {
    for (const m of ["append!(1)", "prepend!(1)", "insert!(0, 1)", "remove!(1)", "remove_at_index!(0)", "clear!()", "pop!()"]) {
      expect(rulesAfterBang(known, "xs", bangCall(`xs.${m}`)), m).toEqual([POSITIVE]);
    }
  });

  it("add_rule! adds like add_rule (and may become unknown)", () => {
    expect(rulesAfterBang(known, "xs", bangCall("xs.add_rule!(:uppercase)"))).toEqual([POSITIVE, UPPER]);
    expect(rulesAfterBang(known, "xs", bangCall("xs.add_rule!(:positive)"))).toEqual([POSITIVE]);
    expect(rulesAfterBang(known, "xs", bangCall("xs.add_rule!(:my_rule)"))).toBeNull();
  });

  it("anything else, or a variable with no known facts, is unknown", () => {
    expect(rulesAfterBang(known, "xs", bangCall("xs.sort!()"))).toBeNull();
    expect(rulesAfterBang(known, "xs", bangCall("xs.remove_rule!(:positive)"))).toBeNull();
    expect(rulesAfterBang(known, "ys", bangCall("ys.append!(1)"))).toBeNull();
  });
});

describe("inlinable", () => {
  it("only when every rule is an inline transformation or inert", () => {
    expect(inlinable([])).toBe(true);
    expect(inlinable([POSITIVE, rule("validate_range", 0, 1), rule("no_cycles"), rule("lowercase"), rule("round_to_int"), rule("none_to_empty")])).toBe(true);
    expect(inlinable([POSITIVE, rule("no_duplicates")])).toBe(false);
    expect(inlinable([rule("my_rule")])).toBe(false);
  });
});

describe("mergeFacts: after alternative paths only what every path agrees on", () => {
  it("keeps identical lists, drops differing ones and names the other path does not know", () => {
    const before = new RuleFacts();
    const path = facts(
      {
        same: [POSITIVE, UPPER],
        otherRule: [POSITIVE],
        otherArgs: [rule("validate_range", 0, 10)],
        otherOrder: [POSITIVE, UPPER],
        longer: [POSITIVE],
        missing: [POSITIVE],
        bothEmpty: [],
      },
      before,
    );
    const other = facts(
      {
        same: [POSITIVE, UPPER],
        otherRule: [UPPER],
        otherArgs: [rule("validate_range", 0, 5)],
        otherOrder: [UPPER, POSITIVE],
        longer: [POSITIVE, UPPER],
        bothEmpty: [],
        onlyOther: [POSITIVE],
      },
      before,
    );
    mergeFacts(before, [path, other]);
    expect(before.names()).toEqual(["bothEmpty", "same"]);
    expect(before.get("same")).toEqual([POSITIVE, UPPER]);
    // The paths are left alone.
    expect(other.names().length).toBe(7);
  });

  it("a path sees the facts before it; what no path changes stays, what one path forgets goes", () => {
    const before = facts({ kept: [POSITIVE], changed: [POSITIVE], forgotten: [UPPER] });
    const path = before.layer();
    expect(path.get("kept")).toEqual([POSITIVE]);
    path.set("changed", [UPPER]);
    path.delete("forgotten");
    expect(path.get("forgotten")).toBeUndefined();
    expect(before.get("forgotten")).toEqual([UPPER]);
    const other = before.layer();
    other.set("changed", [UPPER]);
    mergeFacts(before, [path, other]);
    expect(before.names()).toEqual(["changed", "kept"]);
    expect(before.get("changed")).toEqual([UPPER]);
  });

  it("a path that clears everything keeps nothing it did not set again", () => {
    const before = facts({ a: [POSITIVE], b: [UPPER] });
    const path = before.layer();
    path.clear();
    path.set("b", [UPPER]);
    expect(path.names()).toEqual(["b"]);
    mergeFacts(before, [path, before.layer()]);
    expect(before.names()).toEqual(["b"]);
  });
});

describe("ruleChangingWrites: what a loop or try body may change", () => {
  const changed = (...body: string[]) => sorted(ruleChangingWrites(parseProgram(lines(...body)).body, (s) => s.alias ?? s.path));

  it("rule-keeping updates of a name do not count", () => {
    expect(changed("xs.append!(1)", "xs.pop!()", "xs[0] = 5", "m.k = 1", "xs = xs.append(1).insert(0, 2)")).toEqual([]);
  });

  it("other writes do", () => {
    expect(changed("xs.sort!()")).toEqual(["xs"]);
    expect(changed("xs = ys")).toEqual(["xs"]);
    expect(changed("xs = ys.append(1)")).toEqual(["xs"]);
    expect(changed("xs = xs.map(x => x)")).toEqual(["xs"]);
    // Reassigning a name to itself is counted (conservatively) as a change.
    expect(changed("xs = xs")).toEqual(["xs"]);
    expect(changed("list xs = []")).toEqual(["xs"]);
  });

  it("looks into nested statements, match bindings and every binding form", () => {
    expect(
      changed(
        "if c {",
        "  a = 1",
        "} else {",
        "  while d {",
        "    b.sort!()",
        "  }",
        "}",
        "for item in items { }",
        "try {",
        "  e = 1",
        "} catch as err {",
        "  f = 1",
        "} finally {",
        "  g = 1",
        "}",
        "r = match v { bound => bound }",
        "fn h() { }",
        "graph K { }",
        'import "csv" { parse as p }',
      ),
    ).toEqual(["K", "a", "b", "bound", "e", "err", "f", "g", "h", "item", "p", "r"]);
  });

  // Every expression kind is walked (compiler/analyze/bindings.ts), so a match binding anywhere
  // counts; before the shared walker, a match in a list literal let stale rule facts survive.
  it("a match binding anywhere in an expression counts as a write", () => {
    for (const stmt of ["ys = [match other { xs => xs }]", 'ys = {"k": match other { xs => xs }}', "ys = not (match other { xs => xs })", "ys = 1 if (match other { xs => xs }) else 2"]) {
      expect(changed(stmt), stmt).toEqual(["xs", "ys"]);
    }
  });

  it("a match binding in the expression kinds the walk does visit counts as a write", () => {
    expect(changed("ys = f(match other { xs => xs })")).toEqual(["xs", "ys"]);
    expect(changed("ys = 1 + (match other { xs => xs })")).toEqual(["xs", "ys"]);
  });

  it("a computed-path `load` may change anything; an import rebinds only its name", () => {
    expect(changed('load p + ".gr"')).toContain("*");
    expect(changed('import "random"')).toEqual(["random"]);
    expect(changed('import "./m" as q', 'import "./n" { a, b as c }')).toEqual(["a", "c", "q"]);
  });
});
