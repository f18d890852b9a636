// The built-in `signal` namespace (runtime.md §2.8, low priority). `signal.on(:sigint)` returns a
// capacity-1 channel that receives the symbol each time the process gets the signal.
//
// Limitation: the host reports signals from its event loop, which runs only while the program is
// not executing synchronously; a program that is running or blocked (even in the scheduler) sees
// them only once it yields to the host. Registering still replaces the default action.
import { GrSymbol } from "../values/symbol.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { host } from "../host.js";
import type { Value } from "../values/value.js";
import { Channel } from "./channel.js";
import { deadlockHints } from "./scheduler.js";

const HOST_NAMES: Record<string, string> = { sigint: "SIGINT", sigterm: "SIGTERM", sighup: "SIGHUP" };

/** Open channels registered per signal; closed ones are dropped when the signal comes. */
const registry = new Map<string, Channel[]>();

deadlockHints.push(() =>
  [...registry.values()].some((channels) => channels.some((ch) => !ch.closed))
    ? "signals reach a program only when it is not running or waiting, so waiting for one cannot end"
    : null,
);

function deliver(name: string): void {
  const open = (registry.get(name) ?? []).filter((ch) => !ch.closed);
  registry.set(name, open);
  const symbol = GrSymbol.of(name);
  // A signal arriving while the previous one is unread is merged into it, as with OS signals.
  for (const ch of open) if (ch.queue.hasRoom) ch.queue.put(symbol, () => rtError("closed"));
}

export function on(args: Value[]): Channel {
  if (args.length !== 1) throw rtError(`signal.on() requires 1 argument (signal name), got ${args.length}`);
  const sig = args[0]!;
  if (!(sig instanceof GrSymbol)) throw rtError(`Type error: expected symbol, got ${typeName(sig)}`);
  const hostName = HOST_NAMES[sig.name];
  if (hostName === undefined) throw rtError(`Unknown signal: :${sig.name}`);
  const ch = new Channel(1);
  let channels = registry.get(sig.name);
  if (channels === undefined) {
    channels = [];
    registry.set(sig.name, channels);
    host.onSignal?.(hostName, () => deliver(sig.name));
  }
  channels.push(ch);
  return ch;
}
