// `select(ch1, ch2, ..., timeout: ms, default: flag)` (runtime.md §2.4).
import { GrList } from "../values/list.js";
import { GrSymbol } from "../values/symbol.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/freeze.js";
import { truthy } from "../values/truth.js";
import { now } from "../clock.js";
import type { Value } from "../values/value.js";
import { Channel } from "./channel.js";
import { Wait, pollPoint, pollPointG, runUntil } from "./scheduler.js";

type Names = (string | null)[] | null;

interface SelectCall {
  channels: Channel[];
  /** When `[:timeout, none]` is due, on the one clock; null: no timeout. */
  deadline: number | null;
  /** `default: true`: never wait. */
  nonBlocking: boolean;
}

function parse(args: Value[], names: Names): SelectCall {
  const positional: Value[] = [];
  let timeout: Value | undefined;
  let nonBlocking = false;
  for (let i = 0; i < args.length; i++) {
    const name = names?.[i] ?? null;
    if (name === null) positional.push(args[i]!);
    else if (name === "timeout") timeout = args[i]!;
    else if (name === "default") nonBlocking = truthy(args[i]!);
    else throw rtError(`select() does not accept parameter '${name}'`);
  }
  if (positional.length === 0) throw rtError("select() requires at least one channel argument");
  const channels = positional.map((v, i) => {
    if (v instanceof Channel) return v;
    throw rtError(`select() argument ${i + 1} must be a channel, got ${typeName(v)}`);
  });
  let deadline: number | null = null;
  if (timeout !== undefined && timeout !== null) {
    const ms = unwrapFrozen(timeout);
    if (typeof ms !== "number") throw rtError(`Type error: expected number, got ${typeName(ms)}`);
    if (ms < 0) throw rtError("select() timeout must be non-negative");
    deadline = now() + ms;
  }
  return { channels, deadline, nonBlocking };
}

/**
 * Where the scan for a ready channel starts. The reference starts at a pseudo-random position; a
 * rotating start keeps runs reproducible while no listed channel can starve the others.
 */
let rotation = 0;

function takeReady(channels: readonly Channel[]): GrList | null {
  const n = channels.length;
  const start = rotation++ % n;
  for (let k = 0; k < n; k++) {
    const ch = channels[(start + k) % n]!;
    if (ch.queue.size > 0) return new GrList([ch, ch.queue.tryTake()!]);
  }
  return null;
}

function anyReady(channels: readonly Channel[]): boolean {
  return channels.some((ch) => ch.queue.size > 0);
}

/** A closed, empty channel is never chosen; when all are, select fails. */
function allClosed(channels: readonly Channel[]): boolean {
  return channels.every((ch) => ch.closed && ch.queue.size === 0);
}

const DEFAULT = GrSymbol.of("default");
const TIMEOUT = GrSymbol.of("timeout");

/** The outcome when no channel is ready yet, or null to keep waiting. */
function settleWithoutValue(call: SelectCall): GrList | null {
  if (call.nonBlocking) return new GrList([DEFAULT, null]);
  if (allClosed(call.channels)) throw rtError("select(): all channels are closed");
  if (call.deadline !== null && now() >= call.deadline) return new GrList([TIMEOUT, null]);
  return null;
}

export function select(args: Value[], names: Names): Value {
  const call = parse(args, names);
  const { channels, deadline } = call;
  if (call.nonBlocking && !anyReady(channels)) pollPoint();
  for (;;) {
    const outcome = takeReady(channels) ?? settleWithoutValue(call);
    if (outcome !== null) return outcome;
    runUntil(() => anyReady(channels) || allClosed(channels) || (deadline !== null && now() >= deadline), deadline);
  }
}

export function* selectG(args: Value[], names: Names): Generator<Wait, Value, unknown> {
  const call = parse(args, names);
  if (call.nonBlocking && !anyReady(call.channels)) yield* pollPointG();
  const wait = new Wait(
    call.channels.map((ch) => ch.queue.changed),
    call.deadline,
  );
  for (;;) {
    const outcome = takeReady(call.channels) ?? settleWithoutValue(call);
    if (outcome !== null) return outcome;
    yield wait;
  }
}
