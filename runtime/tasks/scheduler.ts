// The task scheduler (runtime.md §2.1; docs/ARCHITECTURE.md, "Tasks").
//
// The main program is ordinary synchronous JS. Tasks (spawn blocks, actors, timers) are generators
// that yield a `Wait` when they must block. Nothing runs a task until the main program itself
// blocks: then it calls `runUntil(done)`, which steps runnable tasks, and when none can run lets
// the one clock pass to the next timer. If nothing could ever make progress it raises a deadlock
// error rather than hang. Code inside a task that reaches a blocking call through synchronous
// code (a builtin calling back) falls back to the same `runUntil`, nested inside the task's step.
import { activeSelves } from "../classes.js";
import { rtError } from "../values/error.js";
import { advanceTo, isVirtual, now } from "../clock.js";
import type { GrGraph } from "../graph/graph.js";
import type { Value } from "../values/value.js";

/** A set of tasks waiting for something to change (a channel's contents, a reply …). */
export class WaitQueue {
  private readonly waiting = new Set<Task>();

  add(task: Task): void {
    this.waiting.add(task);
  }

  delete(task: Task): void {
    this.waiting.delete(task);
  }

  /** Wakes every waiting task; each re-checks its own condition (spurious wake-ups are fine). */
  notify(): void {
    activity();
    if (this.waiting.size === 0) return;
    const woken = [...this.waiting];
    this.waiting.clear();
    for (const t of woken) wake(t);
  }
}

/** What a task yields to suspend itself: until one of `queues` changes or the clock reaches `until`. */
export class Wait {
  constructor(
    readonly queues: readonly WaitQueue[],
    readonly until: number | null,
  ) {}
}

/** The generator body of a task. Compiled twins yield only what the runtime's helpers yield: `Wait`s. */
export type TaskBody = Generator<unknown, Value, unknown>;

export type TaskState = "runnable" | "waiting" | "running" | "done";

export interface TaskHooks {
  /** The body returned. */
  done?(value: Value): void;
  /** An error escaped the body. */
  failed(error: unknown): void;
}

let nextTaskId = 1;

export class Task {
  readonly id = nextTaskId++;
  state: TaskState = "runnable";
  /** Queues this task is registered on while waiting. */
  waitingOn: readonly WaitQueue[] = [];
  /** Bumped on every wake, so a timer entry of an earlier wait is recognised as stale. */
  waitEpoch = 0;
  /** The graphs whose methods this task is inside (classes.ts `activeSelves`), kept per task. */
  selves: GrGraph[] = [];

  constructor(
    readonly body: TaskBody,
    readonly hooks: TaskHooks,
  ) {}

  /** Abandons the task: it never runs again (an actor stopped for a restart). */
  cancel(): void {
    if (this.state === "done") return;
    for (const q of this.waitingOn) q.delete(this);
    this.waitingOn = [];
    this.waitEpoch++;
    this.state = "done";
  }
}

// ---------------------------------------------------------------- run queue and timers

/** FIFO of runnable tasks (may hold cancelled ones, skipped when taken). */
class TaskQueue {
  private items: Task[] = [];
  private head = 0;

  push(t: Task): void {
    this.items.push(t);
  }

  shift(): Task | undefined {
    if (this.head >= this.items.length) return undefined;
    const t = this.items[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return t;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}

interface TimerEntry {
  at: number;
  seq: number;
  task: Task;
  epoch: number;
}

/** Min-heap of wake-up times, ordered by time then by registration (ties wake in order). */
class TimerHeap {
  private heap: TimerEntry[] = [];
  private seq = 0;
  /** Size at which stale entries (waits that ended early) are swept out; amortised O(1). */
  private compactAt = 4096;

  push(at: number, task: Task): void {
    if (this.heap.length >= this.compactAt) this.compact();
    this.heap.push({ at, seq: this.seq++, task, epoch: task.waitEpoch });
    this.up(this.heap.length - 1);
  }

  private compact(): void {
    const live = this.heap.filter((e) => e.epoch === e.task.waitEpoch && e.task.state === "waiting");
    this.heap = [];
    for (const e of live) {
      this.heap.push(e);
      this.up(this.heap.length - 1);
    }
    this.compactAt = Math.max(4096, 2 * this.heap.length);
  }

  /** The earliest entry that still belongs to a waiting task (stale ones are dropped). */
  peek(): TimerEntry | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (top.epoch === top.task.waitEpoch && top.task.state === "waiting") return top;
      this.pop();
    }
    return undefined;
  }

  pop(): TimerEntry | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: TimerEntry, b: TimerEntry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && this.less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && this.less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
}

const runnable = new TaskQueue();
const timers = new TimerHeap();
/** The task whose body is executing (innermost when steps nest), or null in the main program. */
let current: Task | null = null;

export function currentTask(): Task | null {
  return current;
}

/** Starts a task: it first runs when the program next blocks. */
export function startTask(body: TaskBody, hooks: TaskHooks): Task {
  const task = new Task(body, hooks);
  runnable.push(task);
  return task;
}

function wake(task: Task): void {
  if (task.state !== "waiting") return;
  for (const q of task.waitingOn) q.delete(task);
  task.waitingOn = [];
  task.waitEpoch++;
  task.state = "runnable";
  runnable.push(task);
}

function suspend(task: Task, request: unknown): void {
  if (!(request instanceof Wait)) throw new Error("internal: a task yielded something other than a Wait");
  task.state = "waiting";
  task.waitingOn = request.queues;
  for (const q of request.queues) q.add(task);
  if (request.until !== null) timers.push(request.until, task);
}

/** Runs one task until it blocks, finishes or fails. */
function step(task: Task): void {
  const outer = current;
  const outerSelves = activeSelves.splice(0);
  activeSelves.push(...task.selves);
  current = task;
  task.state = "running";
  let result: IteratorResult<unknown, Value> | null = null;
  let failure: { error: unknown } | null = null;
  try {
    result = task.body.next();
  } catch (error) {
    failure = { error };
  } finally {
    current = outer;
    task.selves = activeSelves.splice(0);
    activeSelves.push(...outerSelves);
  }
  // Cancelled while it ran (a restart decided in a nested step): drop whatever it did next.
  if ((task.state as TaskState) === "done") return;
  if (failure) {
    task.state = "done";
    task.hooks.failed(failure.error);
  } else if (result!.done) {
    task.state = "done";
    task.hooks.done?.(result!.value);
  } else {
    suspend(task, result!.value);
  }
}

/** Moves tasks whose wake-up time has come to the run queue. */
function fireDueTimers(): void {
  const t = now();
  for (let top = timers.peek(); top !== undefined && top.at <= t; top = timers.peek()) {
    timers.pop();
    wake(top.task);
  }
}

function takeRunnable(): Task | undefined {
  for (let t = runnable.shift(); t !== undefined; t = runnable.shift()) {
    if (t.state === "runnable") return t;
  }
  return undefined;
}

/** Extra explanations for a deadlock, registered by features that cannot wake a waiting program. */
export const deadlockHints: (() => string | null)[] = [];

export function deadlockError() {
  let message = "Deadlock: the program waits for a channel, an actor or a timer that no task can ever wake";
  for (const hint of deadlockHints) {
    const text = hint();
    if (text !== null) message += ` (${text})`;
  }
  return rtError(message);
}

/**
 * Blocks the calling synchronous code (the main program, or a task's synchronous fallback) until
 * `done()` holds, running tasks meanwhile. `until` is a time at which `done()` may become true by
 * itself (a sleep or timeout), so the clock may be advanced to it.
 */
export function runUntil(done: () => boolean, until: number | null = null): void {
  for (;;) {
    if (done()) return;
    fireDueTimers();
    const task = takeRunnable();
    if (task !== undefined) {
      step(task);
      continue;
    }
    const next = timers.peek()?.at ?? null;
    const target = next === null ? until : until === null ? next : Math.min(next, until);
    if (target === null) throw deadlockError();
    advanceTo(target);
    activity();
  }
}

/** Runs the tasks that are runnable now, without letting time pass; returns how many ran. */
export function runPending(): number {
  let ran = 0;
  fireDueTimers();
  for (let budget = runnable.size; budget > 0; budget--) {
    const task = takeRunnable();
    if (task === undefined) break;
    step(task);
    ran++;
  }
  return ran;
}

/**
 * Fruitless polls since anything last happened (a queue changed, the clock moved). On the virtual
 * clock a program spinning on polls is waiting for time to pass, which it would never do by itself;
 * past this many, the poll lets time move on to the next timer. A single poll never does.
 */
const SPIN_LIMIT = 64;
let fruitlessPolls = 0;

/** Something changed: spinning pollers start counting again. */
function activity(): void {
  fruitlessPolls = 0;
}

/** The next timer a spinning poller on the virtual clock should let time reach, if it is time to. */
function spinTarget(): number | null {
  if (!isVirtual() || ++fruitlessPolls < SPIN_LIMIT) return null;
  fruitlessPolls = 0;
  return timers.peek()?.at ?? null;
}

/**
 * A non-blocking poll that found nothing (`try_receive`, `select(…, default: true)`): other tasks
 * get a turn, so a program that polls in a loop sees them progress.
 */
export function pollPoint(): void {
  if (runPending() > 0) return;
  const target = spinTarget();
  if (target === null) return;
  advanceTo(target);
  runPending();
}

/** `pollPoint` for a task: go to the back of the run queue (a spinning one: until the next timer). */
export function* pollPointG(): Generator<Wait, void, unknown> {
  const target = runnable.size > 0 ? null : spinTarget();
  yield new Wait([], target ?? now());
}

/** Suspends the calling task until `at` on the one clock; other tasks always get a turn first, even for a zero wait. */
export function* sleepUntilG(at: number): Generator<Wait, void, unknown> {
  do yield new Wait([], at);
  while (now() < at);
}

/** Blocks synchronous code until `at`, letting runnable tasks go first. */
export function sleepUntil(at: number): void {
  runPending();
  runUntil(() => now() >= at, at);
}
