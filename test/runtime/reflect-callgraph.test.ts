// The call graph (runtime.md §3.4): nodes for function values created while tracing is on, call
// counts, "calls" and "exception" edges, ids for repeated names, and the untraced path.
import { beforeEach, describe, expect, it } from "vitest";
import { fn } from "../../runtime/functions.js";
import { callFunction } from "../../runtime/call.js";
import { rtError, GraphoidError } from "../../runtime/values/error.js";
import { GrMap } from "../../runtime/values/map.js";
import { callGraph, enableCallTracing, resetCallGraph } from "../../runtime/reflect/callgraph.js";
import type { GrGraph } from "../../runtime/graph/graph.js";
import type { Value } from "../../runtime/values/value.js";

function edges(g: GrGraph): string[] {
  return [...g.dataEdges()].map((e) => `${e.from} -> ${e.to} ${e.type}`);
}

function count(g: GrGraph, id: string): Value {
  const v = g.nodes.get(id)?.value;
  return v instanceof GrMap ? v.entries.get("call_count")! : null;
}

describe("call graph", () => {
  it("records nothing before tracing is enabled", () => {
    const f = fn("quiet", [], () => 1, -1, null, "fn");
    callFunction(f, []);
    expect(callGraph().nodes.size).toBe(0);
  });

  describe("with tracing on", () => {
    beforeEach(() => {
      enableCallTracing();
      resetCallGraph();
    });

    it("counts calls and records caller -> callee edges, none from top-level code", () => {
      const leaf = fn("leaf", ["x"], (x: number) => x * 2, -1, null, "fn");
      const middle = fn("middle", ["x"], (x: number) => (callFunction(leaf, [x]) as number) + 1, -1, null, "fn");
      fn("unused", [], () => 0, -1, null, "fn");
      expect(callFunction(middle, [3])).toBe(7);
      callFunction(middle, [1]);
      callFunction(leaf, [1]);
      const g = callGraph();
      expect([...g.nodes.keys()]).toEqual(["fn:leaf", "fn:middle", "fn:unused"]);
      expect([count(g, "fn:leaf"), count(g, "fn:middle"), count(g, "fn:unused")]).toEqual([3, 2, 0]);
      expect(edges(g)).toEqual(["fn:middle -> fn:leaf calls"]);
      expect((g.nodes.get("fn:middle")!.value as GrMap).entries.get("name")).toBe("middle");
    });

    it("adds an exception edge for each function an error propagates out of into a caller", () => {
      const leaf = fn("leaf", [], () => {
        throw rtError("deep");
      }, -1, null, "fn");
      const middle = fn("middle", [], () => callFunction(leaf, []), -1, null, "fn");
      const top = fn("top", [], () => callFunction(middle, []), -1, null, "fn");
      expect(() => callFunction(top, [])).toThrow(GraphoidError);
      expect(edges(callGraph())).toEqual([
        "fn:leaf -> fn:middle exception",
        "fn:middle -> fn:leaf calls",
        "fn:middle -> fn:top exception",
        "fn:top -> fn:middle calls",
      ]);
    });

    it("names anonymous functions fn:anonymous and gives a repeated name its own id", () => {
      fn(null, [], () => 1, -1, null, "lambda");
      fn(null, [], () => 2, -1, null, "lambda");
      fn("twice", [], () => 1, -1, null, "fn");
      fn("twice", [], () => 2, -1, null, "fn");
      expect([...callGraph().nodes.keys()]).toEqual(["fn:anonymous", "fn:anonymous#2", "fn:twice", "fn:twice#2"]);
    });

    it("returns a new graph each time", () => {
      fn("a", [], () => 1, -1, null, "fn");
      const first = callGraph();
      first.putNode("mine", 1);
      expect(callGraph().nodes.has("mine")).toBe(false);
    });
  });
});
