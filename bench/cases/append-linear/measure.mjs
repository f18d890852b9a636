// append! is amortised O(1): run the list-building program at 0, n and 10n appends and compare.
// The n = 0 run is the fixed cost (node start-up, loading the runtime), subtracted before taking
// the ratio, since at small n it would otherwise pull the ratio well below 10.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildGraphoid, describeFailure, makeTempDir, runNode, summarise, writeTemp } from "../../lib/measure.mjs";

export default async function measure({ dir, config, runs }) {
  const [n, n10] = config.sizes;
  const sizes = [0, n, n10];
  const source = readFileSync(join(dir, "main.gr"), "utf8");
  if (!/^n = \d+$/m.test(source)) throw new Error("main.gr has no `n = <number>` line to rewrite");
  const tmp = makeTempDir();
  const bundles = new Map();
  for (const size of sizes) {
    const gr = writeTemp(tmp, `main-${size}.gr`, source.replace(/^n = \d+$/m, `n = ${size}`));
    const out = join(tmp, `main-${size}.mjs`);
    buildGraphoid(gr, out);
    bundles.set(size, out);
  }
  const twin = join(dir, "twin.mjs");
  const times = { graphoid: new Map(sizes.map((s) => [s, []])), js: new Map(sizes.map((s) => [s, []])) };
  const rss = { graphoid: new Map(), js: new Map() };
  // One untimed round checks the outputs; then `runs` rounds, interleaving sizes and sides.
  for (let r = -1; r < runs; r++) {
    for (const size of r % 2 === 0 ? sizes : [...sizes].reverse()) {
      const gr = runNode(bundles.get(size), [], { cwd: dir, tmp });
      const js = runNode(twin, [String(size)], { cwd: dir, tmp });
      if (gr.status !== 0) throw new Error(describeFailure(`graphoid at n = ${size}`, gr));
      if (js.status !== 0) throw new Error(describeFailure(`JS at n = ${size}`, js));
      if (gr.stdout !== js.stdout) throw new Error(`outputs differ at n = ${size}: ${JSON.stringify(gr.stdout)} vs ${JSON.stringify(js.stdout)}`);
      if (r < 0) continue;
      times.graphoid.get(size).push(gr.wallMs);
      times.js.get(size).push(js.wallMs);
      rss.graphoid.set(size, Math.max(rss.graphoid.get(size) ?? 0, gr.rssMb ?? 0));
      rss.js.set(size, Math.max(rss.js.get(size) ?? 0, js.rssMb ?? 0));
    }
  }
  // The ratio uses the fastest run of each size: on a busy machine the minimum is the run least
  // disturbed by other work, which is what a growth ratio needs (medians are reported as well).
  const stat = (side, size, key) => summarise(times[side].get(size))[key];
  const side = (name) => {
    const [t0, t1, t10] = sizes.map((s) => stat(name, s, "min"));
    const corrected = t1 > t0 && t10 > t0 ? (t10 - t0) / (t1 - t0) : null; // null: lost in the noise
    return { t0, t1, t10, raw: t10 / t1, corrected, medians: sizes.map((s) => stat(name, s, "median")) };
  };
  const g = side("graphoid");
  const j = side("js");
  const k = (x) => `${x / 1000}k`;
  return {
    metrics: [
      { name: "graphoid.t0", label: "graphoid, n = 0 (fixed cost), fastest run", value: g.t0, unit: "ms", digits: 0 },
      { name: "graphoid.t1", label: `graphoid, n = ${k(n)}, fastest run`, value: g.t1, unit: "ms", digits: 0 },
      { name: "graphoid.t10", label: `graphoid, 10n = ${k(n10)}, fastest run`, value: g.t10, unit: "ms", digits: 0 },
      { name: "graphoid.medians", label: "graphoid medians at 0 / n / 10n", value: g.medians.map((x) => Math.round(x)).join(" / "), unit: "ms" },
      { name: "graphoid.ratio", label: "graphoid ratio t(10n) / t(n), raw", value: g.raw, unit: "×", digits: 2 },
      { name: "graphoid.corrected", label: "graphoid ratio, fixed cost subtracted", value: g.corrected, unit: "×", digits: 2, key: true },
      { name: "graphoid.rss10", label: `graphoid peak RSS at 10n`, value: rss.graphoid.get(n10), unit: "MB", digits: 0 },
      { name: "js.t0", label: "JS, n = 0, fastest run", value: j.t0, unit: "ms", digits: 0 },
      { name: "js.t1", label: `JS, n = ${k(n)}, fastest run`, value: j.t1, unit: "ms", digits: 0 },
      { name: "js.t10", label: `JS, 10n = ${k(n10)}, fastest run`, value: j.t10, unit: "ms", digits: 0 },
      { name: "js.medians", label: "JS medians at 0 / n / 10n", value: j.medians.map((x) => Math.round(x)).join(" / "), unit: "ms" },
      { name: "js.corrected", label: "JS ratio, fixed cost subtracted", value: j.corrected, unit: "×", digits: 2, key: true },
      { name: "js.rss10", label: `JS peak RSS at 10n`, value: rss.js.get(n10), unit: "MB", digits: 0 },
      { name: "ratio10", label: "graphoid / JS at 10n", value: g.t10 / j.t10, unit: "×", digits: 2 },
    ],
    // Linear growth gives ~10; 15 leaves room for noise and GC, while quadratic would be ~100.
    targetSpecs: [{ metric: "graphoid.corrected", max: 15, unit: "×", label: "append! linear (10n/n time ≈ 10; suite check)" }],
  };
}
