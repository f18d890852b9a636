// `graphoid test [DIR]`: the golden-file runner for users.
import { resolve } from "node:path";
import { discoverCases, runCases, updateCase, describeFailure } from "./golden.js";
import { UsageError, packageRoot } from "./paths.js";
import { join } from "node:path";
import { existsSync } from "node:fs";

export interface TestOptions {
  dir: string;
  update: boolean;
  filter: string | null;
  jobs: number;
}

export async function testCommand(options: TestOptions): Promise<number> {
  const root = resolve(options.dir);
  if (!existsSync(root)) throw new UsageError(`no such directory: ${options.dir}`);
  const cases = discoverCases(root, options.filter);
  if (cases.length === 0) {
    process.stdout.write(`no cases found under ${options.dir} (a case is a folder with main.gr and expected.out)\n`);
    return 1;
  }
  const self = join(packageRoot, "dist", "cli.js");
  let passed = 0;
  let updated = 0;
  const results = await runCases(cases, { graphoid: [process.execPath, self], parallel: options.jobs }, (r) => {
    if (r.passed) passed++;
    else if (options.update) {
      updateCase(r);
      updated++;
    } else process.stdout.write(describeFailure(r) + "\n");
  });
  const failed = results.length - passed - updated;
  process.stdout.write(`${passed} passed, ${failed} failed${options.update ? `, ${updated} updated` : ""}\n`);
  return failed === 0 ? 0 : 1;
}
