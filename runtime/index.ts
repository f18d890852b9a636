// The runtime's public surface: everything compiled code reaches as `$rt.name`. It imports nothing
// from compiler/ and runs in Node and in browsers (docs/ARCHITECTURE.md, "Runtime").
import "./methods/index.js";
import "./graph/index.js";
import "./methods/function.js";
import "./methods/error.js";
import "./healing/breaker.js";
import "./stdlib/index.js";

import { GrList } from "./values/list.js";
import { GrMap } from "./values/map.js";
import { share } from "./values/collection.js";
import { truthy } from "./values/truth.js";
import { applyBehaviors } from "./rules/behavior.js";
import { newGraphFromConfig, newTree, GrGraph } from "./graph/index.js";
import { rtError } from "./values/error.js";
import type { Value } from "./values/value.js";

export { sym } from "./values/symbol.js";
export { formatNumber } from "./values/format.js";
export { roundHalfAwayFromZero } from "./rules/behaviors.js";
export { share, truthy };
export * from "./ops/arith.js";
export { fn, clauses, register, bindFn, regGet, callReg, undefVar } from "./functions.js";
/** Calls a function value as compiled code does: with the names of named arguments (or null). */
export { callFunctionNamed as callFunction } from "./call.js";
export {
  fnTable,
  importCompiled,
  importNative,
  importItem,
  declareModule,
  markPrivate,
  finishModule,
  predefined,
  publishDunder,
  moduleNotFound,
  moduleUnavailable,
  moduleBroken,
  loadFailed,
  loadDynamic,
  loadedFnTable,
  scopeEnv,
  mainModule,
} from "./modules.js";
export {
  callMethod,
  callMethodIn,
  callMethodNU,
  nsCall,
  namespace,
  getProp,
  index,
  setIndex,
  setProp,
  setPath,
  ownFor,
  detachFor,
  appendBang,
  appendRaw,
  setIndexRaw,
  setPropRaw,
  popBang,
  bangNeedsVariable,
  noneAfter,
  iter,
  listRest,
  isList,
  matchNumber,
} from "./dispatch.js";
export { beginClass, classProp, classRule, classMethod, classConfigure, endClass, attachMethod, instantiate, superCall, selfGet, selfSet, callBare } from "./classes.js";
export { raise, caught, errorIs, loopControl } from "./errors.js";
export { print, callBuiltin } from "./builtins.js";
export { configure, restoreSettings, storeValue } from "./configure.js";
export { runMain, formatUncaught, formatCallers } from "./program.js";
export { host, installHost } from "./host.js";
export { wrapBreaker } from "./healing/breaker.js";
export { methodCache, call0, call1, call2, call3, bare0, bare1, bare2, bare3 } from "./method-cache.js";
export { currentScope, enableCallTracing } from "./reflect/index.js";
export {
  spawnTask,
  spawnActor,
  iterTask,
  nextTask,
  copyForTask,
  callFunctionG,
  callMethodG,
  callBareG,
  callRegG,
  nsCallG,
  superCallG,
  callBuiltinG,
} from "./tasks/index.js";

export function list(items: Value[]): GrList {
  return new GrList(items);
}

export function map(keys: string[], values: Value[]): GrMap {
  const entries = new Map<string, Value>();
  for (let i = 0; i < keys.length; i++) entries.set(keys[i]!, values[i]!);
  return new GrMap(entries);
}

export function graphLiteral(keys: string[], values: Value[], parent: Value, tree: boolean): GrGraph {
  if (tree) return newTree();
  if (parent !== null) {
    if (!(parent instanceof GrGraph)) throw rtError("graph from: parent must be a graph");
    const g = parent.clone();
    g.parent = parent;
    g.className = null;
    return g;
  }
  return newGraphFromConfig(keys.map((k, i) => [k, values[i]!] as const));
}

/** The runtime rule engine at a write site whose behaviors the compiler could not see. */
export function applyRules(collection: Value, value: Value): Value {
  if (collection instanceof GrList || collection instanceof GrMap) return applyBehaviors(collection.rules, value);
  return value;
}

/** Named arguments of an annotation as a hash. */
export function options(names: (string | null)[], values: Value[]): GrMap {
  const entries = new Map<string, Value>();
  names.forEach((n, i) => entries.set(n ?? String(i), values[i]!));
  return new GrMap(entries);
}

export { toBignum } from "./values/bignum.js";
