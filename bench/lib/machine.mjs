// A description of the machine a run happened on, for results.json and RESULTS.md.
import { cpus, totalmem, loadavg, release, platform, arch } from "node:os";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { root } from "./measure.mjs";

function cpuModel() {
  const list = cpus();
  if (list.length && list[0].model && list[0].model !== "unknown") return list[0].model.trim();
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1].trim();
  } catch {
    // not Linux
  }
  return "unknown";
}

function gitCommit() {
  const child = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  if (child.status !== 0) return null;
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" });
  return child.stdout.trim() + (dirty.stdout.trim() ? " (with uncommitted changes)" : "");
}

export function describeMachine() {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    date: new Date().toISOString(),
    commit: gitCommit(),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function currentLoad() {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}
