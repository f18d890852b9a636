// Preloaded into every measured process (`node --import bench/lib/probe.mjs ...`). When the
// process exits — including through process.exit(), which compiled bundles call at the end — it
// writes its peak RSS (getrusage maxRSS, the same number `/usr/bin/time -f %M` reports) to the
// file named by BENCH_PROBE_FILE. With BENCH_PROBE_GC=1 (and node --expose-gc) it first runs a
// full GC and also records the heap still in use: module-level variables (a program's data) are
// still reachable at that point, so this is the live heap of the program's final state.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  process.on("exit", () => {
    const report = { maxRssKb: process.resourceUsage().maxRSS };
    if (process.env.BENCH_PROBE_GC === "1" && typeof globalThis.gc === "function") {
      globalThis.gc();
      globalThis.gc();
      const mem = process.memoryUsage();
      report.heapUsedMb = mem.heapUsed / 2 ** 20;
      report.externalMb = mem.external / 2 ** 20; // includes arrayBuffers
    }
    writeFileSync(file, JSON.stringify(report));
  });
}
