// The runtime's one clock (DESIGN.md decision 6, healing.md header). Timers, sleeps, select
// timeouts, supervisor restart windows, circuit-breaker timeouts and `time.now()` all read it.
//
// Real by default: the host's wall clock. Under `configure { :deterministic }` (or
// `graphoid run --deterministic`) it is virtual: it starts at a fixed instant and moves only when
// the task scheduler advances it to the next timer because nothing else can run, so a program that
// "sleeps" a minute finishes at once and prints the same thing every run.
import { host } from "./host.js";
import { settings } from "./config.js";

/** Where the virtual clock starts: 2024-01-01T00:00:00Z, in milliseconds since the epoch. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2024, 0, 1);

let virtualNow = VIRTUAL_EPOCH_MS;

/** Whether time is virtual right now (read on every call: `configure` may switch it). */
export function isVirtual(): boolean {
  return settings.deterministic;
}

/** Milliseconds since the epoch on the one clock. */
export function now(): number {
  return settings.deterministic ? virtualNow : host.now();
}

/**
 * Lets time pass until `target` (a `now()` reading): the virtual clock jumps there at once, the
 * real one blocks the thread. Only the scheduler calls this, when no task can run before `target`.
 */
export function advanceTo(target: number): void {
  if (settings.deterministic) {
    if (target > virtualNow) virtualNow = target;
    return;
  }
  const wait = target - host.now();
  if (wait > 0) host.sleepSync(wait);
}

/** Puts the virtual clock back at its start (tests). */
export function resetVirtualClock(): void {
  virtualNow = VIRTUAL_EPOCH_MS;
}
