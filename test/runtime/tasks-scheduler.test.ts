// The task scheduler (runtime/tasks/scheduler.ts) and the one clock (runtime/clock.ts), driven
// directly with hand-written generator tasks on the virtual clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settings } from "../../runtime/config.js";
import { now, resetVirtualClock, VIRTUAL_EPOCH_MS } from "../../runtime/clock.js";
import { pollPoint, runPending, runUntil, sleepUntil, sleepUntilG, startTask, Wait, WaitQueue, type TaskBody } from "../../runtime/tasks/scheduler.js";
import { activeSelves } from "../../runtime/classes.js";
import { GrGraph } from "../../runtime/graph/graph.js";
import { GraphoidError } from "../../runtime/values/error.js";
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

const ignoreFailure = { failed: (e: unknown) => { throw e; } };

/** A task that appends `label` to `log` after sleeping `ms` on the one clock. */
function* sleeper(log: string[], label: string, ms: number): TaskBody {
  yield* sleepUntilG(now() + ms);
  log.push(`${label}@${now() - start}`);
  return null;
}

let start = VIRTUAL_EPOCH_MS;

describe("the virtual clock", () => {
  it("starts at a fixed instant and moves only when the scheduler lets time pass", () => {
    start = now();
    expect(now()).toBe(start);
    sleepUntil(start + 60_000);
    expect(now() - start).toBe(60_000);
    start = now();
  });

  it("wakes sleeping tasks in time order, ties in registration order", () => {
    start = now();
    const log: string[] = [];
    startTask(sleeper(log, "c", 30), ignoreFailure);
    startTask(sleeper(log, "a", 10), ignoreFailure);
    startTask(sleeper(log, "b", 30), ignoreFailure);
    runUntil(() => log.length === 3);
    expect(log).toEqual(["a@10", "c@30", "b@30"]);
    expect(now() - start).toBe(30);
  });

  it("advances to the caller's own deadline when no task needs time sooner", () => {
    start = now();
    const log: string[] = [];
    startTask(sleeper(log, "late", 500), ignoreFailure);
    sleepUntil(start + 100);
    expect(log).toEqual([]);
    expect(now() - start).toBe(100);
    runUntil(() => log.length === 1);
    expect(log).toEqual(["late@500"]);
  });
});

describe("running tasks", () => {
  it("runs nothing until the program blocks, then FIFO", () => {
    const log: string[] = [];
    function* say(word: string): TaskBody {
      log.push(word);
      return null;
    }
    startTask(say("one"), ignoreFailure);
    startTask(say("two"), ignoreFailure);
    expect(log).toEqual([]);
    runPending();
    expect(log).toEqual(["one", "two"]);
  });

  it("reports a task's result and its escaping error to the hooks", () => {
    const seen: Value[] = [];
    const errors: unknown[] = [];
    function* ok(): TaskBody {
      return 42;
    }
    function* bad(): TaskBody {
      throw new Error("boom");
    }
    startTask(ok(), { done: (v) => seen.push(v), failed: (e) => errors.push(e) });
    startTask(bad(), { done: (v) => seen.push(v), failed: (e) => errors.push(e) });
    runPending();
    expect(seen).toEqual([42]);
    expect((errors[0] as Error).message).toBe("boom");
  });

  it("wakes waiters when their queue is notified", () => {
    const queue = new WaitQueue();
    let ready = false;
    const log: string[] = [];
    function* waiter(): TaskBody {
      while (!ready) yield new Wait([queue], null);
      log.push("woken");
      return null;
    }
    startTask(waiter(), ignoreFailure);
    runPending();
    expect(log).toEqual([]);
    ready = true;
    queue.notify();
    runPending();
    expect(log).toEqual(["woken"]);
  });

  it("never runs a cancelled task again", () => {
    const queue = new WaitQueue();
    const log: string[] = [];
    function* loop(): TaskBody {
      for (;;) {
        yield new Wait([queue], null);
        log.push("ran");
      }
    }
    const t = startTask(loop(), ignoreFailure);
    runPending();
    t.cancel();
    queue.notify();
    runPending();
    expect(log).toEqual([]);
    expect(t.state).toBe("done");
  });

  it("lets a task block through synchronous code (nested runUntil)", () => {
    let value = 0;
    const log: string[] = [];
    function* producer(): TaskBody {
      yield* sleepUntilG(now() + 5);
      value = 7;
      return null;
    }
    function* consumer(): TaskBody {
      // A builtin calling back into code that blocks: no generator to yield from.
      runUntil(() => value !== 0);
      log.push(`got ${value}`);
      return null;
    }
    startTask(consumer(), ignoreFailure);
    startTask(producer(), ignoreFailure);
    runUntil(() => log.length === 1);
    expect(log).toEqual(["got 7"]);
  });

  it("raises a deadlock error instead of waiting forever", () => {
    const queue = new WaitQueue();
    function* stuck(): TaskBody {
      for (;;) yield new Wait([queue], null);
    }
    startTask(stuck(), ignoreFailure);
    let error: unknown = null;
    try {
      runUntil(() => false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphoidError);
    expect((error as GraphoidError).value.message).toMatch(/^Deadlock/);
  });

  it("keeps the active method receivers of each task apart", () => {
    const mine = new GrGraph();
    const theirs = new GrGraph();
    const seen: number[] = [];
    function* inMethod(g: GrGraph): TaskBody {
      activeSelves.push(g);
      yield* sleepUntilG(now() + 1);
      seen.push(activeSelves.length);
      expect(activeSelves[activeSelves.length - 1]).toBe(g);
      activeSelves.pop();
      return null;
    }
    startTask(inMethod(theirs), ignoreFailure);
    activeSelves.push(mine);
    try {
      sleepUntil(now() + 5);
      expect(activeSelves).toEqual([mine]);
    } finally {
      activeSelves.pop();
    }
    expect(seen).toEqual([1]);
  });
});

describe("polling (try_receive, select with default)", () => {
  it("gives runnable tasks a turn", () => {
    const log: string[] = [];
    function* task(): TaskBody {
      log.push("ran");
      return null;
    }
    startTask(task(), ignoreFailure);
    pollPoint();
    expect(log).toEqual(["ran"]);
  });

  it("lets virtual time pass only for a program that spins on polls", () => {
    start = now();
    const log: string[] = [];
    startTask(sleeper(log, "timer", 1000), ignoreFailure);
    pollPoint(); // starts the sleeper
    pollPoint();
    expect(now()).toBe(start);
    let spins = 0;
    while (log.length === 0 && spins < 1000) {
      pollPoint();
      spins++;
    }
    expect(log).toEqual(["timer@1000"]);
    expect(spins).toBeGreaterThan(10);
  });
});
