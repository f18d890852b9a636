// The call graph (runtime.md §3.4). Counting every call costs time, so nothing is recorded until a
// program that uses `reflect.call_graph()` turns tracing on; from then on every function value
// created gets a node, and its body is wrapped to count calls and record `calls` and `exception`
// edges against the function that is running when it is called.
import { GrGraph } from "../graph/graph.js";
import { GrMap } from "../values/map.js";
import type { GrFunction } from "../values/function.js";
import { listenForFunctions } from "../reflect-hooks.js";

interface FnNode {
  id: string;
  name: string;
  calls: number;
}

type Label = "calls" | "exception";

const fnNodes: FnNode[] = [];
/** One edge per ordered pair, as in a graph; a later label replaces an earlier one in place. */
const fnEdges = new Map<string, { from: string; to: string; label: Label }>();
/** How many functions have taken each id, so a second `fn:NAME` gets its own. */
const idUses = new Map<string, number>();
/** The traced functions currently running, innermost last. */
const running: FnNode[] = [];

function addEdge(from: string, to: string, label: Label): void {
  const key = from + "\u0000" + to;
  const existing = fnEdges.get(key);
  if (existing) existing.label = label;
  else fnEdges.set(key, { from, to, label });
}

function nodeFor(f: GrFunction): FnNode {
  const name = f.name ?? "anonymous";
  const base = "fn:" + name;
  const uses = idUses.get(base) ?? 0;
  idUses.set(base, uses + 1);
  const node: FnNode = { id: uses === 0 ? base : `${base}#${uses + 1}`, name, calls: 0 };
  fnNodes.push(node);
  return node;
}

/** Gives a new function value its node and wraps its bodies. */
function trace(f: GrFunction): void {
  const node = nodeFor(f);
  const impl = f.impl;
  f.impl = function (this: unknown, ...args: unknown[]) {
    node.calls++;
    const caller = running.length > 0 ? running[running.length - 1]! : null;
    if (caller !== null) addEdge(caller.id, node.id, "calls");
    running.push(node);
    try {
      return impl.apply(this, args);
    } catch (e) {
      // The error propagates from this function into its caller.
      if (caller !== null) addEdge(node.id, caller.id, "exception");
      throw e;
    } finally {
      running.pop();
    }
  };
  const gen = f.gen;
  if (gen !== null) {
    // Task bodies interleave, so there is no single running function to blame: count only.
    f.gen = function* (this: unknown, ...args: unknown[]) {
      node.calls++;
      return yield* gen.apply(this, args);
    };
  }
}

let tracing = false;

export function enableCallTracing(): void {
  if (tracing) return;
  tracing = true;
  listenForFunctions(trace);
}

/** `reflect.call_graph()`: a new graph of what was recorded so far. */
export function callGraph(): GrGraph {
  const g = new GrGraph();
  for (const n of fnNodes) {
    g.putNode(
      n.id,
      new GrMap(
        new Map<string, string | number>([
          ["name", n.name],
          ["call_count", n.calls],
        ]),
      ),
    );
  }
  for (const e of fnEdges.values()) g.putEdge(e.from, e.to, e.label, null);
  return g;
}

/** Forgets everything recorded (tests). */
export function resetCallGraph(): void {
  fnNodes.length = 0;
  fnEdges.clear();
  idUses.clear();
  running.length = 0;
}
