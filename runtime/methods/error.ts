// Methods of error objects (core.md §7.4).
import { errorMethods } from "./table.js";
import { GrErrorValue, rtError } from "../values/error.js";
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import type { Value } from "../values/value.js";

function noArgs(name: string, args: Value[]): void {
  if (args.length > 0) throw rtError(`Method '${name}' takes no arguments, but got ${args.length}`);
}

errorMethods.message = (e: GrErrorValue, args) => (noArgs("message", args), e.message);
errorMethods.file = (e: GrErrorValue) => e.file ?? e.frames[0]?.file ?? null;
errorMethods.line = (e: GrErrorValue) => e.frames[0]?.line ?? 0;
errorMethods.column = (e: GrErrorValue) => e.frames[0]?.column ?? 0;
// The function frames only (top-level code is not a call), with line 0 as in the reference
// (runtime.md §3.6).
errorMethods.stack = (e: GrErrorValue) =>
  new GrList(
    e.frames
      .filter((f) => f.function !== "<main>")
      .map(
        (f) =>
          new GrMap(
            new Map<string, Value>([
              ["function", f.function],
              ["file", f.file],
              ["line", 0],
            ]),
          ),
      ),
  );
errorMethods.stack_trace = (e: GrErrorValue) => {
  const lines = [`  at ${e.file ?? e.frames[0]?.file ?? "<unknown>"}:${e.frames[0]?.line ?? 0}:${e.frames[0]?.column ?? 0}`];
  for (const f of e.frames) lines.push(`  at ${f.function}`);
  return lines.join("\n");
};
errorMethods.cause = (e: GrErrorValue) => e.cause;
errorMethods.caused_by = (e: GrErrorValue, args) => {
  const cause = args[0];
  if (!(cause instanceof GrErrorValue)) throw rtError("caused_by() expects an error");
  const copy = new GrErrorValue(e.errorType, e.message);
  copy.frames = e.frames;
  copy.file = e.file;
  copy.cause = cause;
  return copy;
};
errorMethods.full_chain = (e: GrErrorValue) => {
  const out: Value[] = [];
  for (let at: GrErrorValue | null = e; at; at = at.cause) out.push(at);
  return new GrList(out);
};
