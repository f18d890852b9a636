// Task-mode (generator) forms of methods and builtins that may block. The `*G` call helpers look
// here first and fall back to the synchronous tables in runtime/methods/table.ts and builtins.ts.
import type { Value } from "../values/value.js";

type Names = (string | null)[] | null;

/** A method that may suspend the calling task. */
export type MethodImplG<R = any> = (recv: R, args: Value[], names: Names) => Generator<unknown, Value, unknown>;
/** A builtin or namespace function that may suspend the calling task. */
export type BuiltinImplG = (args: Value[], names: Names) => Generator<unknown, Value, unknown>;

export const listMethodsG: Record<string, MethodImplG> = Object.create(null);
export const graphMethodsG: Record<string, MethodImplG> = Object.create(null);
export const namespacesG: Record<string, Record<string, BuiltinImplG>> = Object.create(null);
export const builtinsG: Record<string, BuiltinImplG> = Object.create(null);

/** Objects (channels, actors) that answer methods in task mode themselves; undefined: not theirs. */
export interface TaskMethodHost {
  grCallMethodG(name: string, args: Value[], names: Names): Generator<unknown, Value | undefined, unknown>;
}

export function hostsTaskMethods(v: unknown): v is TaskMethodHost {
  return typeof v === "object" && v !== null && typeof (v as TaskMethodHost).grCallMethodG === "function";
}
