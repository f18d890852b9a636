// Actors (runtime.md §2.5) and supervision (§2.6). An actor is a deep copy of a graph with an
// `on_message` method, run in its own task that handles one mailbox message at a time. The actor
// object is also the reference programs hold: it survives restarts, so references keep working.
//
// Two evident defects of the reference are fixed (lang/README.md policy 3): a `request` to an actor
// that has stopped after an error raises instead of waiting forever (so does one whose own message
// made the actor crash), and `is_closed()` answers false while a restarted actor runs.
import { GrGraph } from "../graph/graph.js";
import { GrSymbol } from "../values/symbol.js";
import { GraphoidError, rtError } from "../values/error.js";
import { display } from "../values/format.js";
import { caught } from "../errors.js";
import { host } from "../host.js";
import { now } from "../clock.js";
import { predefinedValues } from "../modules.js";
import type { GrObject, Value } from "../values/value.js";
import { BoundedQueue } from "./queue.js";
import { copyForTask } from "./copy.js";
import { closedChannelError } from "./channel.js";
import { WaitQueue, Wait, runUntil, startTask, type Task, type TaskBody } from "./scheduler.js";
import { callGraphMethodG } from "./calls.js";
import type { TaskMethodHost } from "./tables.js";

type Names = (string | null)[] | null;

/** A full mailbox makes `send` wait (reference behavior). */
export const MAILBOX_CAPACITY = 256;
/** The supervisor restart counter resets after this long (runtime.md §2.6). */
export const RESTART_WINDOW_MS = 60_000;

/** The internal text of an error, as the stderr lines show it: `Runtime error: cell failure`. */
export function errorText(e: unknown): string {
  const v = caught(e);
  return v.errorType === "RuntimeError" ? `Runtime error: ${v.message}` : `${v.errorType}: ${v.message}`;
}

// ---------------------------------------------------------------- replies

/** The answer slot of a `request`: settled once, with a value or an error. */
export class Reply {
  settled = false;
  private value: Value = null;
  private error: GraphoidError | null = null;
  private readonly changed = new WaitQueue();

  resolve(v: Value): void {
    if (this.settled) return;
    this.settled = true;
    this.value = v;
    this.changed.notify();
  }

  reject(error: GraphoidError): void {
    if (this.settled) return;
    this.settled = true;
    this.error = error;
    this.changed.notify();
  }

  private outcome(): Value {
    if (this.error) throw this.error;
    return this.value;
  }

  wait(): Value {
    runUntil(() => this.settled);
    return this.outcome();
  }

  *waitG(): Generator<Wait, Value, unknown> {
    while (!this.settled) yield new Wait([this.changed], null);
    return this.outcome();
  }
}

interface Envelope {
  message: Value;
  reply: Reply | null;
}

// ---------------------------------------------------------------- actors

export type RestartMode = "permanent" | "transient" | "temporary";
type Strategy = "one_for_one" | "one_for_all" | "rest_for_one";

let nextActorId = 1;

export class Actor implements GrObject, TaskMethodHost {
  /** Process-wide, from 1, supervisors included; kept across restarts. */
  readonly id = nextActorId++;
  readonly mailbox = new BoundedQueue<Envelope>(MAILBOX_CAPACITY);
  /** The running copy of the graph; a restart replaces it with a fresh copy of `template`. */
  private instance: GrGraph;
  private task: Task | null = null;
  /** The message being handled, whose requester must hear of a crash. */
  private inFlight: Envelope | null = null;
  /** Stopped after an error and not restarted: sends are lost, requests fail. */
  dead = false;
  supervisor: Actor | null = null;
  restartMode: RestartMode = "permanent";
  /** Present when the graph derives from the `supervisor` template. */
  readonly supervision: Supervision | null;

  /** `template` is the spawn-time copy; it is never run, only copied. */
  constructor(private readonly template: GrGraph) {
    this.supervision = derivesFromSupervisor(template) ? new Supervision(template) : null;
    this.instance = copyForTask(template) as GrGraph;
    this.start();
  }

  grType(): string {
    return "actor";
  }

  grDisplay(): string {
    const name = this.template.className;
    return name === null ? `<actor#${this.id}>` : `<actor:${name}#${this.id}>`;
  }

  grTruthy(): boolean {
    return true;
  }

  grEquals(other: unknown): boolean {
    return other instanceof Actor && other.id === this.id;
  }

  private start(): void {
    this.task = startTask(this.loop(this.instance), { failed: (e) => this.crashed(e) });
  }

  private *loop(instance: GrGraph): TaskBody {
    for (;;) {
      const envelope = yield* this.mailbox.takeG();
      if (envelope === undefined) return null; // closed and drained: a normal stop
      this.inFlight = envelope;
      const result = yield* callGraphMethodG(instance, "on_message", [envelope.message], null);
      this.inFlight = null;
      envelope.reply?.resolve(copyForTask(result));
    }
  }

  private notRunning(): GraphoidError {
    return rtError(`Actor ${this.id} is not running (it stopped after an error)`);
  }

  private crashed(error: unknown): void {
    const text = errorText(error);
    this.task = null;
    const envelope = this.inFlight;
    this.inFlight = null;
    envelope?.reply?.reject(rtError(`Actor ${this.id} crashed while handling the request: ${text}`));
    const sup = this.supervisor;
    if (sup?.supervision && this.restartMode !== "temporary" && !sup.mailbox.closed) {
      sup.supervision.childCrashed(this, text);
      return;
    }
    if (!sup) host.stderr(`[actor] Actor ${this.id} crashed: ${text}. It is not supervised, so it stops.\n`);
    this.stopForGood();
  }

  /** Stays dead: queued requests fail now, later sends are dropped (runtime.md §2.5). */
  stopForGood(): void {
    this.dead = true;
    for (const envelope of this.mailbox.drain()) envelope.reply?.reject(this.notRunning());
  }

  /** A fresh copy of the spawn-time graph on the same mailbox; queued messages are kept. */
  restart(): void {
    this.task?.cancel();
    const envelope = this.inFlight;
    this.inFlight = null;
    envelope?.reply?.reject(rtError(`Actor ${this.id} was restarted while handling the request`));
    this.dead = false;
    this.instance = copyForTask(this.template) as GrGraph;
    this.start();
  }

  // ---- messaging

  private envelope(message: Value, reply: Reply | null): Envelope {
    return { message: copyForTask(message), reply };
  }

  send(message: Value): null {
    if (this.mailbox.closed) throw closedChannelError();
    if (!this.dead) this.mailbox.put(this.envelope(message, null), closedChannelError);
    return null;
  }

  *sendG(message: Value): Generator<Wait, null, unknown> {
    if (this.mailbox.closed) throw closedChannelError();
    if (!this.dead) yield* this.mailbox.putG(this.envelope(message, null), closedChannelError);
    return null;
  }

  request(message: Value): Value {
    if (this.mailbox.closed) throw closedChannelError();
    if (this.dead) throw this.notRunning();
    const reply = new Reply();
    this.mailbox.put(this.envelope(message, reply), closedChannelError);
    return reply.wait();
  }

  *requestG(message: Value): Generator<Wait, Value, unknown> {
    if (this.mailbox.closed) throw closedChannelError();
    if (this.dead) throw this.notRunning();
    const reply = new Reply();
    yield* this.mailbox.putG(this.envelope(message, reply), closedChannelError);
    return yield* reply.waitG();
  }

  grCallMethod(name: string, args: Value[], names: Names): Value | undefined {
    switch (name) {
      case "send":
        expectArgs("send", args, 1);
        return this.send(args[0]!);
      case "request":
        expectArgs("request", args, 1);
        return this.request(args[0]!);
      case "close":
        expectArgs("close", args, 0);
        this.mailbox.close();
        return null;
      case "is_closed":
        expectArgs("is_closed", args, 0);
        return this.mailbox.closed;
      case "id":
        expectArgs("id", args, 0);
        return this.id;
      case "supervise":
        return this.supervise(args, names);
    }
    throw rtError(`Actor has no method '${name}'`);
  }

  *grCallMethodG(name: string, args: Value[], names: Names): Generator<Wait, Value | undefined, unknown> {
    if (name === "send") {
      expectArgs("send", args, 1);
      return yield* this.sendG(args[0]!);
    }
    if (name === "request") {
      expectArgs("request", args, 1);
      return yield* this.requestG(args[0]!);
    }
    return this.grCallMethod(name, args, names);
  }

  /** `sup.supervise(child, restart: mode)` */
  private supervise(args: Value[], names: Names): null {
    if (!this.supervision) {
      throw rtError("Only supervisors can call .supervise(). Use `graph X from supervisor {}` to create one.");
    }
    let child: Value | undefined;
    let mode: Value | undefined;
    for (let i = 0; i < args.length; i++) {
      const name = names?.[i] ?? null;
      if (name === "restart") mode = args[i];
      else if (name !== null) throw rtError(`.supervise() does not accept parameter '${name}'`);
      else if (child === undefined) child = args[i];
      else if (mode === undefined) mode = args[i];
      else throw rtError(`.supervise() takes 1-2 arguments (child, restart: mode), got ${args.length}`);
    }
    if (!(child instanceof Actor)) throw rtError(".supervise() argument must be an actor");
    this.supervision.adopt(child, restartMode(mode));
    child.supervisor = this;
    return null;
  }
}

function expectArgs(method: string, args: readonly Value[], n: number): void {
  if (args.length === n) return;
  if (n === 0) throw rtError(`actor.${method}() takes no arguments`);
  throw rtError(`actor.${method}() requires exactly ${n} argument${n === 1 ? "" : "s"}`);
}

function restartMode(v: Value | undefined): RestartMode {
  if (v === undefined) return "permanent";
  if (!(v instanceof GrSymbol)) throw rtError("restart: argument must be a symbol (:permanent, :transient, :temporary)");
  if (v.name === "permanent" || v.name === "transient" || v.name === "temporary") return v.name;
  throw rtError(`Invalid restart mode ':${v.name}'. Use :permanent, :transient, or :temporary.`);
}

/** `spawn EXPR` */
export function spawnActor(v: Value): Actor {
  if (!(v instanceof GrGraph)) throw rtError("spawn requires a graph type (e.g., spawn Counter{})");
  if (!v.methods.has("on_message")) throw rtError("Cannot spawn actor: graph has no on_message method");
  return new Actor(copyForTask(v) as GrGraph);
}

// ---------------------------------------------------------------- supervision

/** The predefined `supervisor` template: properties only, no methods (runtime.md §2.6). */
export const supervisorTemplate: GrGraph = (() => {
  const g = new GrGraph();
  g.className = "supervisor";
  g.props["strategy"] = GrSymbol.of("one_for_one");
  g.props["max_restarts"] = 3;
  return g;
})();
predefinedValues["supervisor"] = supervisorTemplate;

/** Instances link to their class through `template`, classes to the class they extend through `parent`. */
function derivesFromSupervisor(g: GrGraph): boolean {
  for (let c: GrGraph | null = g.template ?? g; c !== null; c = c.parent) {
    if (c === supervisorTemplate) return true;
  }
  return false;
}

/** A supervisor's children and restart budget; settings are read when it is spawned. */
class Supervision {
  private readonly strategy: Strategy;
  private readonly maxRestarts: number;
  private readonly children: Actor[] = [];
  private restarts = 0;
  private windowStart = now();

  constructor(g: GrGraph) {
    const strategy = g.props["strategy"];
    const name = strategy instanceof GrSymbol ? strategy.name : "one_for_one";
    this.strategy = name === "one_for_all" || name === "rest_for_one" ? name : "one_for_one";
    const max = g.props["max_restarts"];
    this.maxRestarts = typeof max === "number" ? max : 3;
  }

  adopt(child: Actor, mode: RestartMode): void {
    const previous = child.supervisor?.supervision;
    if (previous && previous !== this) previous.children.splice(previous.children.indexOf(child), 1);
    if (!this.children.includes(child)) this.children.push(child);
    child.restartMode = mode;
  }

  childCrashed(child: Actor, text: string): void {
    const t = now();
    if (t - this.windowStart > RESTART_WINDOW_MS) {
      this.restarts = 0;
      this.windowStart = t;
    }
    this.restarts++;
    if (this.restarts > this.maxRestarts) {
      host.stderr(`[actor] Supervised actor ${child.id} crashed: ${text}. Max restarts exceeded.\n`);
      child.stopForGood();
      return;
    }
    host.stderr(`[actor] Supervised actor ${child.id} crashed: ${text}. Restarting.\n`);
    for (const c of this.restartSet(child)) c.restart();
  }

  /** The crashed child, plus the siblings its strategy restarts with it (temporary and closed ones stay). */
  private restartSet(child: Actor): Actor[] {
    if (this.strategy === "one_for_one") return [child];
    const from = this.strategy === "one_for_all" ? 0 : this.children.indexOf(child);
    return this.children.slice(Math.max(0, from)).filter((c) => c === child || (c.restartMode !== "temporary" && !c.mailbox.closed));
  }
}

// ---------------------------------------------------------------- graph-native messaging

/** The message (first positional argument) and the `to:` node id of `g.send` / `g.request`. */
function messagingArgs(args: Value[], names: Names): { message: Value; to: string | null } {
  let message: Value = null;
  let to: string | null = null;
  let positional = 0;
  for (let i = 0; i < args.length; i++) {
    const name = names?.[i] ?? null;
    if (name === "to") to = display(args[i]!);
    else if (name === null && positional++ === 0) message = args[i]!;
  }
  return { message, to };
}

function targetActor(g: GrGraph, method: string, args: Value[], names: Names, required: boolean): { actor: Actor | null; message: Value } {
  const { message, to } = messagingArgs(args, names);
  if (to === null) throw rtError(`g.${method}() requires 'to:' argument`);
  const node = g.nodes.get(to);
  if (node === undefined) throw rtError(`Node '${to}' not found in graph`);
  if (node.value instanceof Actor) return { actor: node.value, message };
  if (required) throw rtError(`Node '${to}' is not an actor`);
  return { actor: null, message };
}

export function graphSend(g: GrGraph, args: Value[], names: Names): Value {
  const { actor, message } = targetActor(g, "send", args, names, false);
  actor?.send(message);
  return null;
}

export function* graphSendG(g: GrGraph, args: Value[], names: Names): Generator<Wait, Value, unknown> {
  const { actor, message } = targetActor(g, "send", args, names, false);
  if (actor) yield* actor.sendG(message);
  return null;
}

export function graphRequest(g: GrGraph, args: Value[], names: Names): Value {
  const { actor, message } = targetActor(g, "request", args, names, true);
  return actor!.request(message);
}

export function* graphRequestG(g: GrGraph, args: Value[], names: Names): Generator<Wait, Value, unknown> {
  const { actor, message } = targetActor(g, "request", args, names, true);
  return yield* actor!.requestG(message);
}

function broadcastTargets(g: GrGraph): Actor[] {
  const out: Actor[] = [];
  for (const node of g.nodes.values()) if (node.value instanceof Actor) out.push(node.value);
  return out;
}

export function graphBroadcast(g: GrGraph, args: Value[], names: Names): Value {
  const { message } = messagingArgs(args, names);
  for (const a of broadcastTargets(g)) a.send(message);
  return null;
}

export function* graphBroadcastG(g: GrGraph, args: Value[], names: Names): Generator<Wait, Value, unknown> {
  const { message } = messagingArgs(args, names);
  for (const a of broadcastTargets(g)) yield* a.sendG(message);
  return null;
}
