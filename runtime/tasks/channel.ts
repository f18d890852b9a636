// Channels (runtime.md §2.3): first-class FIFO queues between tasks. Values are deep-copied on
// send. An unbuffered channel behaves as the reference's does: `send` waits only until the previous
// value has been taken, so it is a one-slot buffer; `channel(0)` never delivers anything.
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import type { GrObject, Value } from "../values/value.js";
import { BoundedQueue } from "./queue.js";
import { copyForTask } from "./copy.js";
import { pollPoint, pollPointG, type Wait } from "./scheduler.js";

type Names = (string | null)[] | null;

export function closedChannelError() {
  return rtError("Cannot send on closed channel");
}

export class Channel implements GrObject {
  readonly queue: BoundedQueue<Value>;

  constructor(capacity: number) {
    this.queue = new BoundedQueue<Value>(capacity);
  }

  grType(): string {
    return "channel";
  }

  grDisplay(): string {
    return "<channel>";
  }

  grTruthy(): boolean {
    return true;
  }

  grEquals(other: unknown): boolean {
    return other === this;
  }

  get closed(): boolean {
    return this.queue.closed;
  }

  send(v: Value): null {
    this.queue.put(copyForTask(v), closedChannelError);
    return null;
  }

  *sendG(v: Value): Generator<Wait, null, unknown> {
    yield* this.queue.putG(copyForTask(v), closedChannelError);
    return null;
  }

  /** Waits for a value; none once closed and drained (use `queue.take` to tell the two apart). */
  receive(): Value {
    return this.queue.take() ?? null;
  }

  *receiveG(): Generator<Wait, Value, unknown> {
    return (yield* this.queue.takeG()) ?? null;
  }

  close(): null {
    this.queue.close();
    return null;
  }

  /** `for x in ch` in synchronous code: receives until the channel is closed and drained. */
  *grIterate(): Generator<Value, void, unknown> {
    for (;;) {
      const v = this.queue.take();
      if (v === undefined) return;
      yield v;
    }
  }

  grCallMethod(name: string, args: Value[], _names: Names): Value | undefined {
    switch (name) {
      case "send":
        expectArgs("send", args, 1);
        return this.send(args[0]!);
      case "receive":
        expectArgs("receive", args, 0);
        return this.receive();
      case "try_receive":
        expectArgs("try_receive", args, 0);
        if (!this.queue.takeReady) pollPoint();
        return this.queue.tryTake() ?? null;
      case "close":
        expectArgs("close", args, 0);
        return this.close();
    }
    throw rtError(`Channel has no method '${name}'`);
  }

  /** Task form: only send and receive can block; the rest are the synchronous methods. */
  *grCallMethodG(name: string, args: Value[], names: Names): Generator<Wait, Value | undefined, unknown> {
    if (name === "send") {
      expectArgs("send", args, 1);
      return yield* this.sendG(args[0]!);
    }
    if (name === "receive") {
      expectArgs("receive", args, 0);
      return yield* this.receiveG();
    }
    if (name === "try_receive") {
      expectArgs("try_receive", args, 0);
      if (!this.queue.takeReady) yield* pollPointG();
      return this.queue.tryTake() ?? null;
    }
    return this.grCallMethod(name, args, names);
  }
}

function expectArgs(method: string, args: readonly Value[], n: number): void {
  if (args.length === n) return;
  if (n === 0) throw rtError(`channel.${method}() takes no arguments`);
  throw rtError(`channel.${method}() requires exactly ${n} argument${n === 1 ? "" : "s"}`);
}

/** `channel()`, `channel(n)`, `channel(capacity: n)` */
export function channelBuiltin(args: Value[], names: Names): Channel {
  if (args.length > 1) throw rtError(`channel() takes at most 1 argument (capacity), got ${args.length}`);
  const name = names?.[0] ?? null;
  if (name !== null && name !== "capacity") throw rtError(`channel() does not accept parameter '${name}'`);
  if (args.length === 0) return new Channel(1);
  const n = unwrapFrozen(args[0]!);
  if (typeof n !== "number") throw rtError(`Type error: expected number, got ${typeName(n)}`);
  if (!(n >= 0)) throw rtError("channel() capacity must be non-negative");
  return new Channel(Math.trunc(n));
}
