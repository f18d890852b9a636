// How an uncaught error is reported: its position and the Graphoid call chain under it.
import { describe, expect, it } from "vitest";
import { formatCallers, formatUncaught, type RunOutcome } from "../../runtime/program.js";
import { GrErrorValue, type StackFrame } from "../../runtime/values/error.js";

function outcome(frames: StackFrame[]): RunOutcome {
  return { status: 1, error: { value: new GrErrorValue("RuntimeError", "boom"), frames } };
}

const at = (fn: string, line: number): StackFrame => ({ function: fn, file: "/p/main.gr", line, column: 3 });

describe("uncaught error reports", () => {
  it("name the first frame's position and the error", () => {
    expect(formatUncaught(outcome([at("f", 2)]), (f) => f.replace("/p/", ""))).toBe("main.gr:2:3: error: RuntimeError: boom");
    expect(formatUncaught(outcome([]))).toBe("error: RuntimeError: boom");
  });

  it("list the callers, the module top level by that name", () => {
    expect(formatCallers(outcome([at("f", 2), at("g", 5), at("<main>", 9)]))).toEqual([
      "  at g (/p/main.gr:5:3)",
      "  at top level (/p/main.gr:9:3)",
    ]);
  });

  it("show a run of identical frames once, with its count", () => {
    const frames = [at("f", 1), ...Array.from({ length: 30 }, () => at("f", 1)), at("<main>", 4)];
    expect(formatCallers(outcome(frames))).toEqual(["  at f (/p/main.gr:1:3) ×30", "  at top level (/p/main.gr:4:3)"]);
  });

  it("stop after the limit and say how many frames are left", () => {
    const frames = [at("a", 1), at("b", 2), at("c", 3), at("d", 4), at("e", 5)];
    expect(formatCallers(outcome(frames), (f) => f, 2)).toEqual(["  at b (/p/main.gr:2:3)", "  at c (/p/main.gr:3:3)", "  … 2 more"]);
  });
});
