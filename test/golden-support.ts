// Shared by the golden fixture tests and the conformance test: the project's own CLI, run as users
// run it, over case folders (compiler/cli/golden.ts).
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const graphoid = [process.execPath, join(root, "bin", "graphoid.js")];
export const update = process.env.UPDATE === "1";
export const filter = process.env.FILTER ?? null;
export const jobs = Math.max(1, Number(process.env.JOBS ?? 2));

/** One `graphoid ARGS...` process in `cwd`, without colour, with `env` added to this one's. */
export function runGraphoid(cwd: string, args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const [cmd, ...base] = graphoid;
  const r = spawnSync(cmd!, [...base, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
