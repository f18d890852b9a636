// Tasks, channels, actors, supervision and timers (runtime.md §2). (Being implemented.)
import { rtError } from "../values/error.js";
import type { Value } from "../values/value.js";

function notYet(what: string): never {
  throw rtError(`${what} is not implemented yet`);
}

export function spawnTask(_body: Value): null {
  return notYet("spawn");
}

export function spawnActor(_graph: Value): Value {
  return notYet("spawn");
}

export function iterTask(_v: Value): unknown {
  return notYet("task iteration");
}

export function* nextTask(_it: unknown): Generator<unknown, Value, unknown> {
  return notYet("task iteration");
}
