// Which build of the compiler and runtime this is: caches of compiled modules and of compiled
// runtime code are valid for one build only.

/** Injected by scripts/build.mjs: a hash of the compiler's and runtime's sources. */
declare const __GRAPHOID_BUILD_ID__: string;
export const BUILD_ID = typeof __GRAPHOID_BUILD_ID__ === "string" ? __GRAPHOID_BUILD_ID__ : "dev";
