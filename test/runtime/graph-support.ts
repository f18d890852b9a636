// Helpers for the graph runtime tests: call graph methods the way compiled code will, print the
// way `print` does, and capture what goes to stderr.
import { afterEach, beforeEach } from "vitest";
import { graphMethods } from "../../runtime/methods/table.js";
import { GrFunction } from "../../runtime/values/function.js";
import { GraphoidError } from "../../runtime/values/error.js";
import { display } from "../../runtime/values/format.js";
import { GrList } from "../../runtime/values/list.js";
import { GrMap } from "../../runtime/values/map.js";
import { host, installHost } from "../../runtime/host.js";
import { newGraphFromConfig, newTree, GrGraph } from "../../runtime/graph/index.js";
import { sym } from "../../runtime/values/symbol.js";
import type { Value } from "../../runtime/values/value.js";

export { sym };

/** `g.name(args...)` with positional arguments. */
export function call(g: GrGraph, name: string, ...args: Value[]): Value {
  const impl = graphMethods[name];
  if (impl === undefined) throw new Error(`no graph method ${name}`);
  return impl(g, args, null);
}

/** `g.name(...)` with named arguments: `[value, name | null]` pairs. */
export function callNamed(g: GrGraph, name: string, ...args: [Value, string | null][]): Value {
  return graphMethods[name]!(
    g,
    args.map(([v]) => v),
    args.map(([, n]) => n),
  );
}

/** What `print(a, b, ...)` writes, without the newline. */
export function show(...values: Value[]): string {
  return values.map(display).join(" ");
}

export function lambda(params: string[], body: (...args: Value[]) => Value): GrFunction {
  return new GrFunction(null, params, body, "lambda");
}

export function list(...items: Value[]): GrList {
  return new GrList(items);
}

export function hash(entries: Record<string, Value>): GrMap {
  return new GrMap(new Map(Object.entries(entries)));
}

export function graph(config: Record<string, Value> = {}): GrGraph {
  return newGraphFromConfig(Object.entries(config));
}

export { newTree };

/** `{ type, message }` of the Graphoid error `fn` raises (fails if it raises nothing or a JS error). */
export function caught(fn: () => unknown): { type: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof GraphoidError) return { type: e.value.errorType, message: e.value.message };
    throw e;
  }
  throw new Error("expected a Graphoid error");
}

export function errorMessage(fn: () => unknown): string {
  return caught(fn).message;
}

/** Adds nodes with the given ids, each with value 0 unless values are given. */
export function withNodes(g: GrGraph, ids: string[], values?: Value[]): GrGraph {
  ids.forEach((id, i) => call(g, "add_node", id, values ? values[i]! : 0));
  return g;
}

/** Collects stderr text during each test. */
export function captureStderr(): { text: () => string } {
  let buffer = "";
  const original = host.stderr;
  beforeEach(() => {
    buffer = "";
    installHost({ stderr: (t: string) => void (buffer += t) });
  });
  afterEach(() => installHost({ stderr: original }));
  return { text: () => buffer };
}
