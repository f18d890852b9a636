// Shared by the golden fixture tests and the conformance test: the project's own CLI, run as users
// run it, over case folders (compiler/cli/golden.ts).
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const graphoid = [process.execPath, join(root, "bin", "graphoid.js")];
export const update = process.env.UPDATE === "1";
export const filter = process.env.FILTER ?? null;
export const jobs = Math.max(1, Number(process.env.JOBS ?? 2));
