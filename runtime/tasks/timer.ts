// The built-in `timer` namespace (runtime.md §2.7). `after` and `every` are small tasks that sleep
// on the one clock and send into a capacity-1 channel; closing the channel cancels them.
import { GrSymbol } from "../values/symbol.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import { host } from "../host.js";
import { now } from "../clock.js";
import type { Value } from "../values/value.js";
import { Channel, closedChannelError } from "./channel.js";
import { copyForTask } from "./copy.js";
import { sleepUntil, sleepUntilG, startTask, type TaskBody, type Wait } from "./scheduler.js";

const TICK = GrSymbol.of("tick");

const USAGE: Record<string, string> = {
  sleep: "requires 1 argument (milliseconds)",
  after: "requires 1-2 arguments (ms [, value])",
  every: "requires 1 argument (milliseconds)",
};

/** The milliseconds argument: counted, typed, non-negative, fraction truncated. */
function milliseconds(method: string, args: readonly Value[], maxArgs: number): number {
  if (args.length < 1 || args.length > maxArgs) throw rtError(`timer.${method}() ${USAGE[method]}, got ${args.length}`);
  const ms = unwrapFrozen(args[0]!);
  if (typeof ms !== "number") throw rtError(`Type error: expected number, got ${typeName(ms)}`);
  if (ms < 0) throw rtError(`timer.${method}() milliseconds must be non-negative`);
  return Math.trunc(ms);
}

export function sleep(args: Value[]): null {
  sleepUntil(now() + milliseconds("sleep", args, 1));
  return null;
}

export function* sleepG(args: Value[]): Generator<Wait, Value, unknown> {
  yield* sleepUntilG(now() + milliseconds("sleep", args, 1));
  return null;
}

/** Timer tasks only fail on an internal error; say so rather than lose it. */
const timerHooks = {
  failed(error: unknown) {
    host.stderr(`[timer] internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  },
};

function* afterBody(ch: Channel, at: number, value: Value): TaskBody {
  yield* sleepUntilG(at);
  if (!ch.closed) {
    yield* ch.queue.putG(value, closedChannelError);
    ch.close();
  }
  return null;
}

export function after(args: Value[]): Channel {
  const ms = milliseconds("after", args, 2);
  const ch = new Channel(1);
  const value = args.length === 2 ? copyForTask(args[1]!) : TICK;
  startTask(afterBody(ch, now() + ms, value), timerHooks);
  return ch;
}

function* everyBody(ch: Channel, ms: number): TaskBody {
  for (;;) {
    yield* sleepUntilG(now() + ms);
    if (ch.closed) return null;
    // Waits while the previous tick is unread: ticks are delayed, never dropped or piled up.
    try {
      yield* ch.queue.putG(TICK, closedChannelError);
    } catch {
      return null; // closed while waiting
    }
  }
}

export function every(args: Value[]): Channel {
  const ms = milliseconds("every", args, 1);
  const ch = new Channel(1);
  startTask(everyBody(ch, ms), timerHooks);
  return ch;
}
