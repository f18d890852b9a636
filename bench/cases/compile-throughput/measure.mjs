// Compile throughput: lines per second of the compiler API on a large generated program, warm
// (same process, after warm-up calls) and cold (the first call in a fresh process). Also builds
// and runs the generated program once, so the input is known to be a working program.
import { join } from "node:path";
import { buildGraphoid, describeFailure, makeTempDir, runNode, summarise, writeTemp } from "../../lib/measure.mjs";
import { generateProgram } from "./generate.mjs";

export default async function measure({ dir, config, runs, quick }) {
  const blocks = quick ? config.quickBlocks : config.blocks;
  const source = generateProgram(blocks);
  const lines = source.split("\n").length - (source.endsWith("\n") ? 1 : 0);
  const tmp = makeTempDir();
  const file = writeTemp(tmp, "big.gr", source);

  // The generated program must compile and run: one output line per block, then the checksum twice.
  const bundle = join(tmp, "big.mjs");
  const buildMs = buildGraphoid(file, bundle);
  const ran = runNode(bundle, [], { cwd: tmp, tmp });
  if (ran.status !== 0) throw new Error(describeFailure("the generated program", ran));
  const out = ran.stdout.trimEnd().split("\n");
  if (out.length !== blocks + 2 || !/^checksum \d+$/.test(out.at(-1))) {
    throw new Error(`the generated program printed ${out.length} lines (expected ${blocks + 2}), ending ${JSON.stringify(out.at(-1))}`);
  }

  const child = runNode(join(dir, "compile-bench.mjs"), [file, String(quick ? 1 : config.warmup), String(runs)], { cwd: dir, tmp, timeoutMs: 600_000 });
  if (child.status !== 0) throw new Error(describeFailure("compile-bench.mjs", child));
  const data = JSON.parse(child.stdout);
  const warm = summarise(data.times);
  return {
    metrics: [
      { name: "lines", label: "program size", value: lines, unit: `lines (${blocks} blocks, ${Math.round(source.length / 1024)} KB)`, digits: 0 },
      { name: "outputKb", label: "generated JS", value: data.outputBytes / 1024, unit: "KB", digits: 0 },
      { name: "warm.ms", label: `warm compile, median of ${runs}`, value: warm.median, unit: "ms", digits: 0 },
      { name: "warm.range", label: "warm compile, min–max", value: `${Math.round(warm.min)}–${Math.round(warm.max)}`, unit: "ms" },
      { name: "warm.linesPerSecond", label: "warm throughput", value: lines / (warm.median / 1000), unit: "lines/s", digits: 0, key: true },
      { name: "cold.ms", label: "cold compile (first call in a fresh process)", value: data.coldMs, unit: "ms", digits: 0 },
      { name: "cold.linesPerSecond", label: "cold throughput", value: lines / (data.coldMs / 1000), unit: "lines/s", digits: 0, key: true },
      { name: "rssMb", label: "compiler process peak RSS", value: child.rssMb, unit: "MB", digits: 0 },
      { name: "buildMs", label: "`graphoid build` of the program (whole process)", value: buildMs, unit: "ms", digits: 0 },
      { name: "runMs", label: "running the built program", value: ran.wallMs, unit: "ms", digits: 0 },
    ],
  };
}
