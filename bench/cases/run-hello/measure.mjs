// Start-up cost of `graphoid run hello.gr`: a cold-ish first run, repeated runs, and the pieces
// it is made of (node itself, loading the CLI, compiling, the prebuilt program alone).
import { join } from "node:path";
import { buildGraphoid, describeFailure, emptyScript, graphoidBin, makeTempDir, runNode, summarise } from "../../lib/measure.mjs";

export default async function measure({ dir, runs }) {
  const hello = join(dir, "hello.gr");
  const tmp = makeTempDir();
  const bundle = join(tmp, "hello.mjs");
  buildGraphoid(hello, bundle);
  const expected = runNode(bundle, [], { cwd: dir, tmp });
  if (expected.status !== 0) throw new Error(describeFailure("the built hello.mjs", expected));

  // A TMPDIR of its own: graphoid's output directory starts absent, as on a fresh machine.
  const env = { TMPDIR: makeTempDir("graphoid-bench-tmpdir-") };
  const check = (label, run, stdout) => {
    if (run.status !== 0) throw new Error(describeFailure(label, run));
    if (stdout !== undefined && run.stdout !== stdout) throw new Error(`${label} printed ${JSON.stringify(run.stdout)}, expected ${JSON.stringify(stdout)}`);
    return run;
  };
  const first = check("first `graphoid run`", runNode(graphoidBin, ["run", hello], { cwd: dir, env, tmp }), expected.stdout);

  const variants = {
    node: () => runNode(emptyScript, [], { cwd: dir, tmp }),
    version: () => runNode(graphoidBin, ["--version"], { cwd: dir, env, tmp }),
    check: () => runNode(graphoidBin, ["check", hello], { cwd: dir, env, tmp }),
    bundle: () => runNode(bundle, [], { cwd: dir, tmp }),
    run: () => runNode(graphoidBin, ["run", hello], { cwd: dir, env, tmp }),
  };
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const rss = [];
  const rounds = runs * 2; // these runs are short: twice as many for steadier medians
  for (let r = 0; r < rounds; r++) {
    const names = Object.keys(variants);
    for (const name of r % 2 === 0 ? names : names.reverse()) {
      const run = check(name, variants[name](), name === "run" || name === "bundle" ? expected.stdout : undefined);
      samples[name].push(run.wallMs);
      if (name === "run") rss.push(run.rssMb);
    }
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)]));
  return {
    metrics: [
      { name: "cold.ms", label: "first `graphoid run hello.gr` (fresh output directory)", value: first.wallMs, unit: "ms", digits: 0, key: true },
      { name: "run.ms", label: `\`graphoid run hello.gr\`, median of ${rounds}`, value: m.run.median, unit: "ms", digits: 0, key: true },
      { name: "run.range", label: "`graphoid run hello.gr`, min–max", value: `${Math.round(m.run.min)}–${Math.round(m.run.max)}`, unit: "ms" },
      { name: "run.rssMb", label: "`graphoid run hello.gr` peak RSS", value: summarise(rss).median, unit: "MB", digits: 0 },
      { name: "node.ms", label: "node running an empty script", value: m.node.median, unit: "ms", digits: 0 },
      { name: "version.ms", label: "`graphoid --version` (node + loading the CLI)", value: m.version.median, unit: "ms", digits: 0 },
      { name: "check.ms", label: "`graphoid check hello.gr` (CLI + compile)", value: m.check.median, unit: "ms", digits: 0 },
      { name: "bundle.ms", label: "prebuilt `node hello.mjs` (runtime + program, no compiler)", value: m.bundle.median, unit: "ms", digits: 0 },
    ],
  };
}
