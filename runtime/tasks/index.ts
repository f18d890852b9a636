// Tasks, channels, select, actors, supervision, timers and signals (runtime.md §2): registers the
// builtins, namespaces and methods, and exports what compiled code calls (`$rt.spawnTask`, the
// `*G` helpers of generator twins …). Strategy: docs/ARCHITECTURE.md, "Tasks".
import { GrFunction } from "../values/function.js";
import { host } from "../host.js";
import { builtins } from "../builtins.js";
import { graphMethods, namespaces } from "../methods/table.js";
import { caught } from "../errors.js";
import type { Value } from "../values/value.js";
import { startTask } from "./scheduler.js";
import { channelBuiltin } from "./channel.js";
import { select, selectG } from "./select.js";
import { after, every, sleep, sleepG } from "./timer.js";
import { on } from "./signal.js";
import {
  errorText,
  graphBroadcast,
  graphBroadcastG,
  graphRequest,
  graphRequestG,
  graphSend,
  graphSendG,
} from "./actors.js";
import { builtinsG, graphMethodsG, listMethodsG, namespacesG } from "./tables.js";
import { listMethodsTask } from "./list_methods.js";

export { spawnActor, Actor, supervisorTemplate } from "./actors.js";
export { Channel } from "./channel.js";
export { copyForTask } from "./copy.js";
export { runUntil, deadlockError } from "./scheduler.js";
export { callFunctionG, callMethodG, callBareG, callRegG, nsCallG, superCallG, callBuiltinG, iterTask, nextTask } from "./calls.js";

/** `spawn { … }`: `body` is a zero-parameter function value with only a generator body. */
export function spawnTask(body: Value): null {
  if (!(body instanceof GrFunction) || body.gen === null) throw new Error("internal: spawn needs a generator body");
  startTask(body.gen(), {
    // The error ends this task only; it never reaches the parent (runtime.md §2.2).
    failed(error) {
      const frame = caught(error).frames[0];
      const where = frame ? ` (${frame.file}:${frame.line}:${frame.column})` : "";
      host.stderr(`[spawn] Unhandled exception: ${errorText(error)}${where}\n`);
    },
  });
  return null;
}

builtins["channel"] = channelBuiltin;
builtins["select"] = select;
builtinsG["select"] = selectG;

/** A lookup table without a prototype, so `timer.constructor()` finds nothing. */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

namespaces["timer"] = table({
  sleep: (_recv: unknown, args: Value[]) => sleep(args),
  after: (_recv: unknown, args: Value[]) => after(args),
  every: (_recv: unknown, args: Value[]) => every(args),
});
namespacesG["timer"] = table({ sleep: sleepG });
namespaces["signal"] = table({ on: (_recv: unknown, args: Value[]) => on(args) });

// Graph-native messaging: reached only when the graph defines no method of that name.
graphMethods["send"] = graphSend;
graphMethods["request"] = graphRequest;
graphMethods["broadcast"] = graphBroadcast;
graphMethodsG["send"] = graphSendG;
graphMethodsG["request"] = graphRequestG;
graphMethodsG["broadcast"] = graphBroadcastG;

Object.assign(listMethodsG, listMethodsTask);
