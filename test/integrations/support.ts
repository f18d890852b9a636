// Shared by the integration tests: the package's built files, scratch folders of `.gr` files, and
// running Node on them. The tests use dist/ (built by `npm test` before vitest runs), as users do.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { root } from "../golden-support.js";

export { root };
export const dist = (file: string) => join(root, "dist", file);
export const cli = join(root, "bin", "graphoid.js");

const scratch: string[] = [];

/** A fresh folder holding `files` (name → text). */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "graphoid-int-"));
  scratch.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

export function cleanup(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Ran {
  stdout: string;
  stderr: string;
  status: number | null;
}

export function node(args: string[], cwd: string, env: Record<string, string> = {}): Ran {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

export function graphoid(args: string[], cwd: string): Ran {
  return node([cli, ...args], cwd);
}

/** A two-module program with a runtime error in the imported module's function. */
export const program = {
  "main.gr": ['import "./greet"', 'print(greet.hello("Ada"))', "print(greet.count)", 'greet.fail(3)', 'print("not reached")', ""].join("\n"),
  "greet.gr": ['fn hello(name) {', '  return "hello " + name', "}", "count = 2", "fn fail(n) {", "  return n / 0", "}", ""].join("\n"),
};
