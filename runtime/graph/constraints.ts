// Method constraints (collections.md §8.8): `:read_only`, `:no_node_removals`, `:no_edge_removals`
// and custom `add_method_constraint(fn(before, after), name)`, checked after each call of a method
// attached to the graph. The lead's method-call code snapshots the receiver, runs the method,
// calls checkMethodConstraints, and on an error puts the snapshot back with restoreGraph.
import { callFunction } from "../call.js";
import { rtError } from "../values/error.js";
import { GrFunction } from "../values/function.js";
import { typeName } from "../values/format.js";
import { debugStringList } from "./args.js";
import { GrGraph } from "./graph.js";
import type { Value } from "../values/value.js";

/** Whether calls of attached methods need a snapshot at all (keep plain calls free of the cost). */
export function hasMethodConstraints(g: GrGraph): boolean {
  return g.constraints.length > 0;
}

/** `add_method_constraint(f [, name])`: mutates `g`, returns none. */
export function addMethodConstraint(g: GrGraph, args: readonly Value[]): Value {
  if (args.length < 1 || args.length > 2) {
    throw rtError(`add_method_constraint() expects 1-2 arguments (function, [name]), but got ${args.length}`);
  }
  const fn = args[0]!;
  if (!(fn instanceof GrFunction)) throw rtError(`add_method_constraint() expects a function, got ${typeName(fn)}`);
  const name = args[1] ?? "custom_constraint";
  if (typeof name !== "string") throw rtError(`add_method_constraint() name must be a string, got ${typeName(name)}`);
  g.constraints = [...g.constraints, { name, fn }];
  return null;
}

function edgeKeys(g: GrGraph): Set<string> {
  const keys = new Set<string>();
  for (const e of g.dataEdges()) keys.add(`${e.from}\u0000${e.to}`);
  return keys;
}

/**
 * Throws the violation of the first constraint that `after` (the graph once method `methodName`
 * ran) breaks relative to `before` (a clone taken before the call).
 */
export function checkMethodConstraints(before: GrGraph, after: GrGraph, methodName: string): void {
  for (const c of after.constraints) {
    const prefix = `Method '${methodName}' violates`;
    if (c.fn !== null) {
      const verdict = callFunction(c.fn, [before, after]);
      if (verdict === false || verdict === null || verdict === 0) {
        throw rtError(`${prefix} custom constraint '${c.name}': constraint returned false`);
      }
      continue;
    }
    switch (c.name) {
      case "read_only": {
        // As in the reference: node ids and the edge count, not values.
        const sameIds =
          before.dataNodeCount() === after.dataNodeCount() && [...before.dataNodes()].every((n) => after.nodes.has(n.id));
        if (!sameIds || before.dataEdgeCount() !== after.dataEdgeCount()) {
          throw rtError(`${prefix} :read_only constraint: graph was modified`);
        }
        break;
      }
      case "no_node_removals": {
        const removed = [...before.dataNodes()].filter((n) => !after.nodes.has(n.id)).map((n) => n.id);
        if (removed.length > 0) {
          throw rtError(`${prefix} :no_node_removals constraint: removed node(s) ${debugStringList(removed)}`);
        }
        break;
      }
      case "no_edge_removals": {
        const remaining = edgeKeys(after);
        for (const key of edgeKeys(before)) {
          if (!remaining.has(key)) throw rtError(`${prefix} :no_edge_removals constraint: edges removed`);
        }
        break;
      }
    }
  }
}

/**
 * Puts `snapshot`'s state back into `target` in place (the object callers hold), discarding what
 * a method did. The class-like methods map is not touched.
 */
export function restoreGraph(target: GrGraph, snapshot: GrGraph): void {
  const copy = snapshot.clone();
  target.directed = copy.directed;
  target.adoptDataLayer(copy);
  target.rules = copy.rules;
  target.rulesets = copy.rulesets;
  target.behaviorRules = copy.behaviorRules;
  target.props = copy.props;
  target.constraints = copy.constraints;
}
