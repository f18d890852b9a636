// Names with fixed meanings that the compiler must know about (core.md §6.11, §15; runtime.md §3.1).

/** Builtin functions: resolved before any user definition, and not values (core.md §6.11). */
export const BUILTIN_FUNCTIONS = new Set([
  "print",
  "length",
  "int",
  "exec",
  "channel",
  "get_errors",
  "clear_errors",
  "node",
  "edge",
  "path",
  "select",
  "RuntimeError",
  "ValueError",
  "TypeError",
  "IOError",
  "NetworkError",
  "ParseError",
  // graphoid-js extensions (healing.md §7), resolved the same way.
  "isolate",
]);

/** Namespaces that a same-named variable shadows (`time.now()` until someone assigns `time`). */
export const SHADOWABLE_NAMESPACES = new Set(["time", "reflect", "runtime", "modules", "timer", "signal", "ffi", "heal", "hot", "chaos"]);

/** Namespaces that are keywords, so nothing can shadow them. */
export const KEYWORD_NAMESPACES = new Set(["list", "string"]);

/** Variables every module starts with. */
export const PREDEFINED = new Set(["supervisor", "__MODULE__"]);

/** Predefined in spec files run by `graphoid spec` (runtime.md §1.2). */
export const SPEC_GLOBALS = new Set(["describe", "context", "it", "xit", "pending", "before_each", "after_each", "expect", "assert"]);
