// Graphs for compiled code: importing this module registers every graph method in `graphMethods`
// (runtime/methods/table.ts) and the graph freezer of runtime/values/freeze.ts, and exposes what
// the compiler and the lead's dispatch code call.
import "./methods.js";
import "./freeze.js";

export { GrGraph, isInternalId, type GEdge, type GNode } from "./graph.js";
export { newGraphFromConfig, newTree } from "./construct.js";
export { graphMutators, graphGetIndex, graphSetIndex, deepClone } from "./methods.js";
export { freezeGraph } from "./freeze.js";
export { checkMethodConstraints, hasMethodConstraints, restoreGraph } from "./constraints.js";
export { CONSTRAINT_RULE_NAMES, addRule } from "./rules.js";
export {
  makeNodePattern,
  makeEdgePattern,
  makePathPattern,
  patternProperty,
  queryMethodTable,
  PatternNode,
  PatternEdge,
  PatternPath,
  MatchResults,
} from "./patterns.js";
