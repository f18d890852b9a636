// Methods of function values: introspection (healing.md §4). Healing methods (`add_rule(:circuit_breaker)`,
// `breaker()`) are registered by runtime/healing.
import { functionMethods } from "./table.js";
import { GrFunction } from "../values/function.js";
import { GrList } from "../values/list.js";

functionMethods.name = (f: GrFunction) => f.name ?? "<anonymous>";
functionMethods.arity = (f: GrFunction) => f.params.length;
functionMethods.params = (f: GrFunction) => new GrList([...f.params]);
