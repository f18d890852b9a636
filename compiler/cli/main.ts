// The `graphoid` command. Exit status: 0 success, 1 program or compile error, 2 usage error.
// `run` is part of this module; the other commands are loaded when used, and so is the compiler,
// so `graphoid run` with a warm compile cache never loads it (docs/ARCHITECTURE.md, "The CLI").
import { UsageError } from "./paths.js";
import { runProgram } from "./run.js";

const VERSION = "0.1.0";

const HELP: Record<string, string> = {
  main: `graphoid ${VERSION} — compile and run Graphoid programs

Usage:
  graphoid run FILE.gr [args...]         compile and run a program
  graphoid build FILE.gr -o OUT.mjs      write a self-contained ES module (+ source map)
  graphoid check FILE.gr                 report diagnostics without running
  graphoid test [DIR]                    run golden cases (main.gr + expected.out)
  graphoid spec [PATH]                   run gspec files (*_spec.gr)

Run \`graphoid COMMAND --help\` for a command's options.`,
  run: `Usage: graphoid run FILE.gr [--deterministic] [--] [args...]

Compiles FILE.gr and the modules it imports, then runs it. Arguments after the file are the
program's (os.args()).

  --deterministic   virtual clock and seeded randomness (same output every run)`,
  build: `Usage: graphoid build FILE.gr -o OUT.mjs [--sourcemap inline|external|none] [--target node|browser] [--dts]

Compiles the program and bundles it with the runtime into one ES module.

  -o, --out FILE     output file (required)
  --sourcemap MODE   inline, external (OUT.mjs.map; default) or none
  --target TARGET    node (default; runs with \`node OUT.mjs\`) or browser
  --dts              also write OUT's TypeScript declarations (OUT.d.mts; needs \`typescript\`)`,
  check: `Usage: graphoid check FILE.gr

Parses and compiles FILE.gr and its modules and reports every diagnostic, without running.`,
  test: `Usage: graphoid test [DIR] [--update] [--filter TEXT] [--jobs N]

Runs every golden case under DIR (default .): a folder with main.gr (or main_spec.gr), the
expected standard output in expected.out and, if not 0, the exit status in expected.rc. Prints a
diff for each mismatch.

  --update        write the actual output as the new expectation
  --filter TEXT   only cases whose path contains TEXT
  --jobs N        cases run in parallel (default 2)`,
  spec: `Usage: graphoid spec [PATH]

Runs gspec files: PATH is a *_spec.gr file or a directory searched recursively for them
(default .; entries starting with "." and target/, node_modules/ are skipped). The files run in
name order in one shared namespace, with describe, context, it, xit, pending, before_each,
after_each, expect and assert predefined, and a final summary follows.

Exit status: 0 when no test failed (skipped and pending ones do not count), 1 when a test failed,
no spec file was found, or an error escaped a test (the run stops there, without a summary).`,
};

function takeValue(args: string[], i: number, flag: string): string {
  const v = args[i + 1];
  if (v === undefined || v.startsWith("-")) throw new UsageError(`${flag} needs a value`);
  return v;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP.main + "\n");
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(VERSION + "\n");
    return 0;
  }
  if (!(command in HELP) || command === "main") throw new UsageError(`unknown command '${command}'`);
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(HELP[command] + "\n");
    return 0;
  }
  switch (command) {
    case "run": {
      let deterministic = false;
      let i = 0;
      while (i < rest.length && rest[i]!.startsWith("--")) {
        if (rest[i] === "--deterministic") deterministic = true;
        else if (rest[i] === "--") {
          i++;
          break;
        } else throw new UsageError(`unknown option ${rest[i]}`);
        i++;
      }
      const file = rest[i];
      if (!file) throw new UsageError("run needs a FILE.gr");
      return runProgram({ file, args: rest.slice(i + 1), deterministic });
    }
    case "build": {
      let file: string | null = null;
      let out: string | null = null;
      let sourcemap: "inline" | "external" | "none" = "external";
      let target: "node" | "browser" = "node";
      let dts = false;
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i]!;
        if (a === "-o" || a === "--out") out = takeValue(rest, i++, a);
        else if (a === "--dts") dts = true;
        else if (a === "--sourcemap") {
          const v = takeValue(rest, i++, a);
          if (v !== "inline" && v !== "external" && v !== "none") throw new UsageError("--sourcemap is inline, external or none");
          sourcemap = v;
        } else if (a === "--target") {
          const v = takeValue(rest, i++, a);
          if (v !== "node" && v !== "browser") throw new UsageError("--target is node or browser");
          target = v;
        } else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
        else if (file === null) file = a;
        else throw new UsageError(`unexpected argument ${a}`);
      }
      if (!file) throw new UsageError("build needs a FILE.gr");
      if (!out) throw new UsageError("build needs -o OUT.mjs");
      const { buildProgram } = await import("./build.js");
      return buildProgram({ file, out, sourcemap, target, dts });
    }
    case "check": {
      if (rest.length !== 1 || rest[0]!.startsWith("-")) throw new UsageError("check needs exactly one FILE.gr");
      const { checkProgram } = await import("./check.js");
      return checkProgram(rest[0]!);
    }
    case "test": {
      let dir = ".";
      let update = false;
      let filter: string | null = null;
      let jobs = 2;
      let sawDir = false;
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i]!;
        if (a === "--update") update = true;
        else if (a === "--filter") filter = takeValue(rest, i++, a);
        else if (a === "--jobs") jobs = Number(takeValue(rest, i++, a)) || 1;
        else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
        else if (!sawDir) {
          dir = a;
          sawDir = true;
        } else throw new UsageError(`unexpected argument ${a}`);
      }
      const { testCommand } = await import("./test.js");
      return testCommand({ dir, update, filter, jobs });
    }
    case "spec": {
      if (rest.length > 1 || rest.some((a) => a.startsWith("-"))) throw new UsageError("spec takes one optional PATH");
      const { specCommand } = await import("./spec.js");
      return specCommand(rest[0] ?? ".");
    }
  }
  return 2;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
    // Tasks and timers a program leaves behind are abandoned when it ends (runtime.md §2.1).
    if (process.argv[2] === "run" || process.argv[2] === "spec") process.exit(status);
  },
  (err: unknown) => {
    // By name: the commands loaded later have their own copy of the class (scripts/build.mjs).
    if (err instanceof Error && err.name === "UsageError") {
      process.stderr.write(`graphoid: ${err.message}\nRun \`graphoid --help\` for usage.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`graphoid: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
