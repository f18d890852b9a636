// Channels and select (runtime/tasks/channel.ts, select.ts) on the virtual clock, with the main
// program's synchronous forms and hand-written generator tasks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../../runtime/index.js";
import { settings } from "../../runtime/config.js";
import { now, resetVirtualClock } from "../../runtime/clock.js";
import { Channel, channelBuiltin } from "../../runtime/tasks/channel.js";
import { select } from "../../runtime/tasks/select.js";
import { copyForTask } from "../../runtime/tasks/copy.js";
import { runPending, runUntil, sleepUntilG, startTask, type TaskBody } from "../../runtime/tasks/scheduler.js";
import { iter } from "../../runtime/dispatch.js";
import { GrList } from "../../runtime/values/list.js";
import { GrGraph } from "../../runtime/graph/graph.js";
import { display } from "../../runtime/values/format.js";
import { equals } from "../../runtime/values/truth.js";
import { errorOf, list, sym } from "./helpers.js";
import type { Value } from "../../runtime/values/value.js";

let saved = false;
beforeAll(() => {
  saved = settings.deterministic;
  settings.deterministic = true;
  resetVirtualClock();
});
afterAll(() => {
  settings.deterministic = saved;
});

const failLoudly = { failed: (e: unknown) => { throw e; } };

function method(ch: Channel, name: string, ...args: Value[]): Value {
  return ch.grCallMethod(name, args, null)!;
}

describe("buffered channels", () => {
  it("deliver in FIFO order; try_receive never waits; close lets the buffer drain", () => {
    const ch = channelBuiltin([3], null);
    method(ch, "send", "a");
    method(ch, "send", sym("b"));
    method(ch, "send", list(1, 2));
    expect(display(method(ch, "receive"))).toBe("a");
    expect(display(method(ch, "try_receive"))).toBe(":b");
    method(ch, "close");
    expect(display(method(ch, "receive"))).toBe("[1, 2]");
    expect(method(ch, "receive")).toBe(null);
    expect(method(ch, "try_receive")).toBe(null);
    expect(errorOf(() => method(ch, "send", 1))).toBe("Cannot send on closed channel");
  });

  it("make a sender wait for room, letting the receiver's side run", () => {
    const ch = channelBuiltin([1], ["capacity"]);
    const sent: number[] = [];
    function* producer(): TaskBody {
      for (const n of [1, 2, 3]) {
        yield* ch.sendG(n);
        sent.push(n);
      }
      return null;
    }
    startTask(producer(), failLoudly);
    runPending();
    expect(sent).toEqual([1]); // the second send waits for room
    expect(method(ch, "receive")).toBe(1);
    expect(sent).toEqual([1]); // the receiver took a value without blocking: no task ran
    expect(method(ch, "receive")).toBe(2); // blocks: the producer runs until it waits again
    expect(sent).toEqual([1, 2]);
    expect(method(ch, "receive")).toBe(3);
    expect(sent).toEqual([1, 2, 3]);
  });

  it("wake a waiting sender with an error when closed", () => {
    const ch = channelBuiltin([1], null);
    method(ch, "send", "first");
    const errors: string[] = [];
    function* sender(): TaskBody {
      try {
        yield* ch.sendG("second");
      } catch (e) {
        errors.push((e as Error).message);
      }
      return null;
    }
    startTask(sender(), failLoudly);
    runPending();
    method(ch, "close");
    runPending();
    expect(errors).toEqual(["Cannot send on closed channel"]);
    expect(method(ch, "receive")).toBe("first");
  });

  it("truncate the capacity and check their arguments", () => {
    const frac = channelBuiltin([2.9], null);
    method(frac, "send", 1);
    method(frac, "send", 2);
    expect(frac.queue.hasRoom).toBe(false);
    expect(errorOf(() => channelBuiltin(["x"], null))).toBe("Type error: expected number, got string");
    expect(errorOf(() => method(frac, "send"))).toBe("channel.send() requires exactly 1 argument");
    expect(errorOf(() => method(frac, "receive", 5))).toBe("channel.receive() takes no arguments");
    expect(errorOf(() => method(frac, "recv"))).toBe("Channel has no method 'recv'");
  });
});

describe("unbuffered channels (reference behavior)", () => {
  it("let a task send one value and receive it itself; a second send waits until it is taken", () => {
    const ch = channelBuiltin([], null);
    method(ch, "send", "mine");
    expect(method(ch, "receive")).toBe("mine");
    const log: string[] = [];
    function* twice(): TaskBody {
      yield* ch.sendG("x");
      log.push("sent x");
      yield* ch.sendG("y");
      log.push("sent y");
      return null;
    }
    startTask(twice(), failLoudly);
    runPending();
    expect(log).toEqual(["sent x"]);
    expect(method(ch, "receive")).toBe("x");
    runPending();
    expect(log).toEqual(["sent x", "sent y"]);
    expect(method(ch, "receive")).toBe("y");
  });

  it("are values of type channel, printed <channel>, truthy, equal only to themselves", () => {
    const a = channelBuiltin([], null);
    const b = channelBuiltin([], null);
    expect([a.grType(), a.grDisplay(), a.grTruthy()]).toEqual(["channel", "<channel>", true]);
    expect([equals(a, a), equals(a, b)]).toEqual([true, false]);
  });
});

describe("values crossing into tasks", () => {
  it("are copies: later changes by the sender are not seen", () => {
    const ch = channelBuiltin([1], null);
    const xs = new GrList([1, 2]);
    method(ch, "send", xs);
    const got = method(ch, "receive") as GrList;
    // The sender's list is shared copy-on-write, so its next mutation clones it.
    expect(xs.shared && got.shared).toBe(true);
  });

  it("deep-copy graphs, unfrozen, and share channels", () => {
    const g = new GrGraph();
    g.putNode("a", 1);
    g.frozen = true;
    const ch = channelBuiltin([], null);
    const copy = copyForTask(new GrList([g, ch])) as GrList;
    const gc = copy.items[0] as GrGraph;
    expect(gc).not.toBe(g);
    expect(gc.frozen).toBe(false);
    expect(gc.nodes.get("a")?.value).toBe(1);
    expect(copy.items[1]).toBe(ch);
  });
});

describe("for x in ch", () => {
  it("receives until the channel is closed and drained", () => {
    const ch = channelBuiltin([], null);
    function* producer(): TaskBody {
      for (const n of [1, 2, 3]) yield* ch.sendG(n * n);
      ch.close();
      return null;
    }
    startTask(producer(), failLoudly);
    const seen: Value[] = [];
    for (const v of iter(ch)) seen.push(v);
    expect(seen).toEqual([1, 4, 9]);
  });
});

describe("select", () => {
  const shown = (v: Value) => display(v);

  it("returns [source, message] for a ready channel", () => {
    const fast = channelBuiltin([1], null);
    const slow = channelBuiltin([1], null);
    method(fast, "send", "ping");
    const pick = select([slow, fast], null) as GrList;
    expect(pick.items[0]).toBe(fast);
    expect(pick.items[1]).toBe("ping");
  });

  it("gives [:default, none] at once with default: true, [:timeout, none] after the timeout", () => {
    const slow = channelBuiltin([1], null);
    expect(shown(select([slow, true], [null, "default"]))).toBe("[:default, none]");
    expect(shown(select([slow, 5, true], [null, "timeout", "default"]))).toBe("[:default, none]");
    const before = now();
    expect(shown(select([slow, 20], [null, "timeout"]))).toBe("[:timeout, none]");
    expect(now() - before).toBe(20);
  });

  it("waits for a task to send, and the earlier timer wins", () => {
    const a = channelBuiltin([1], null);
    const b = channelBuiltin([1], null);
    function* later(ch: Channel, ms: number, v: Value): TaskBody {
      yield* sleepUntilG(now() + ms);
      yield* ch.sendG(v);
      return null;
    }
    startTask(later(a, 50, "a"), failLoudly);
    startTask(later(b, 30, "b"), failLoudly);
    const pick = select([a, b, 100], [null, null, "timeout"]) as GrList;
    expect(pick.items[1]).toBe("b");
    runUntil(() => a.queue.size > 0);
  });

  it("never picks a closed, empty channel and fails when all are", () => {
    const done = channelBuiltin([1], null);
    method(done, "close");
    const live = channelBuiltin([2], null);
    method(live, "send", "last");
    method(live, "close");
    expect((select([done, live], null) as GrList).items[1]).toBe("last");
    expect(errorOf(() => select([done, live], null))).toBe("select(): all channels are closed");
    expect(errorOf(() => select([done, 10], [null, "timeout"]))).toBe("select(): all channels are closed");
    expect(shown(select([done, true], [null, "default"]))).toBe("[:default, none]");
  });

  it("checks its arguments", () => {
    const ch = channelBuiltin([], null);
    expect(errorOf(() => select([], null))).toBe("select() requires at least one channel argument");
    expect(errorOf(() => select([ch, "x"], null))).toBe("select() argument 2 must be a channel, got string");
    expect(errorOf(() => select([ch, -1], [null, "timeout"]))).toBe("select() timeout must be non-negative");
    expect(errorOf(() => select([ch, 5], [null, "wait"]))).toBe("select() does not accept parameter 'wait'");
  });
});
