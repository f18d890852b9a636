// A bounded FIFO that tasks and the main program block on: the storage of channels and of actor
// mailboxes. Each blocking operation has a synchronous form (for the main program, which runs the
// scheduler in place while it waits) and a generator form (for tasks, which yield a Wait).
import { WaitQueue, Wait, runUntil } from "./scheduler.js";

export class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;
  closed = false;
  /** Woken on every put, take and close; waiters re-check their condition. */
  readonly changed = new WaitQueue();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  get hasRoom(): boolean {
    return this.size < this.capacity;
  }

  /** A take would not block: a value is buffered, or the queue is closed (and takes return undefined). */
  get takeReady(): boolean {
    return this.size > 0 || this.closed;
  }

  private readonly waitChange = new Wait([this.changed], null);

  /** Adds `v` now; the caller has checked that there is room. */
  private push(v: T): void {
    this.items.push(v);
    this.changed.notify();
  }

  /** Waits for room, then adds `v`; if the queue is or becomes closed, throws `closedError()`. */
  put(v: T, closedError: () => Error): void {
    if (!this.closed && !this.hasRoom) runUntil(() => this.closed || this.hasRoom);
    if (this.closed) throw closedError();
    this.push(v);
  }

  *putG(v: T, closedError: () => Error): Generator<Wait, void, unknown> {
    while (!this.closed && !this.hasRoom) yield this.waitChange;
    if (this.closed) throw closedError();
    this.push(v);
  }

  /** The next value without waiting, or undefined when none is buffered. */
  tryTake(): T | undefined {
    if (this.size === 0) return undefined;
    const v = this.items[this.head]!;
    this.items[this.head++] = undefined as T;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.changed.notify();
    return v;
  }

  /** Waits for a value; undefined once the queue is closed and drained. */
  take(): T | undefined {
    if (!this.takeReady) runUntil(() => this.takeReady);
    return this.tryTake();
  }

  *takeG(): Generator<Wait, T | undefined, unknown> {
    while (!this.takeReady) yield this.waitChange;
    return this.tryTake();
  }

  /** Removes and returns everything buffered. */
  drain(): T[] {
    const out = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    this.changed.notify();
    return out;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.changed.notify();
  }
}
