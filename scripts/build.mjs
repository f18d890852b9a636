// Builds everything the package runs from: the generated parser (from compiler/parse/grammar.peggy)
// and the esbuild bundles in dist/ (CLI, compiler API, runtime). Run by `npm install` (prepare),
// `npm run build` and `npm test`.
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import peggy from "peggy";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function generateParser() {
  const grammarPath = join(root, "compiler/parse/grammar.peggy");
  const outDir = join(root, "compiler/parse/generated");
  mkdirSync(outDir, { recursive: true });
  const grammar = readFileSync(grammarPath, "utf8");
  const code = peggy.generate(grammar, {
    output: "source",
    format: "es",
    grammarSource: "grammar.peggy",
    allowedStartRules: ["Program"],
  });

  // Peggy declares every rule, action and constant inside `peg$parse`, so each parse creates ~800
  // closures and objects, and V8 has to optimise the new closures again: a compile that parses
  // several files stays slow for several files. This moves the functions and constants to module
  // scope; the per-parse variables become module-level `let`s that `peg$parse` (re)assigns on
  // every call, in the original order. The parser is not re-entrant (its actions never parse).
  // The generated layout is checked, so a change in Peggy's output fails the build.
  function hoistOutOfParse(source) {
    const lines = source.split("\n");
    const start = lines.indexOf("function peg$parse(input, options) {");
    const end = lines.indexOf("}", start);
    if (start < 0 || end < 0) throw new Error("generateParser: unexpected Peggy output (peg$parse not found)");
    // Top-level statements of the body start at an indentation of two spaces; closing brackets
    // at that indentation continue the statement above.
    const statements = [];
    for (const line of lines.slice(start + 1, end)) {
      if (/^  [^\s}\])]/.test(line) || statements.length === 0) statements.push([line]);
      else statements[statements.length - 1].push(line);
    }
    const moduleLevel = [];
    const perCall = [];
    const variables = [];
    for (const statement of statements) {
      const text = statement.join("\n").trimEnd();
      const declaration = /^  (const|let) ([A-Za-z_$][\w$]*)( = [\s\S]*)?;$/.exec(text);
      if (text.startsWith("  function ") || /^  const (peg\$[cre]\d+|peg\$FAILED) = /.test(text)) {
        moduleLevel.push(text.replace(/^  /gm, ""));
      } else if (declaration) {
        variables.push(declaration[2]);
        if (declaration[3] !== undefined) perCall.push(`  ${declaration[2]}${declaration[3]};`);
      } else if (/^  (const|let|var|class) /.test(text)) {
        throw new Error(`generateParser: cannot hoist the declaration ${JSON.stringify(text.slice(0, 80))}`);
      } else {
        perCall.push(text);
      }
    }
    // When the parse ends, the per-parse variables are cleared: they would otherwise keep the
    // input, the AST and the side tables of the last parse alive until the next one.
    const state = ["input", "options", ...variables];
    return [
      ...lines.slice(0, start),
      "// Per-parse state (see scripts/build.mjs, hoistOutOfParse).",
      `let ${state.join(", ")};`,
      ...moduleLevel,
      "function peg$parse(input$, options$) {",
      "  try {",
      "    input = input$;",
      "    options = options$;",
      ...perCall.map((text) => text.replace(/^/gm, "  ")),
      "  } finally {",
      `    ${state.join(" = ")} = undefined;`,
      "  }",
      "}",
      ...lines.slice(end + 1),
    ].join("\n");
  }

  // Peggy records, at the furthest position a parse reached, every token it expected there: an
  // array per position and a push per failed alternative (~10 MB of garbage per 10k lines), used
  // only to word the error of a failed parse. With the grammar's per-parse flag
  // `recordExpectations` off, a failure only moves the furthest position; parse.ts parses a
  // failed input again with recording on.
  function recordExpectationsOnlyWhenAsked(source) {
    const original = [
      "function peg$fail(expected) {",
      "  if (peg$currPos < peg$maxFailPos) { return; }",
      "",
    ].join("\n");
    if (!source.includes(original)) throw new Error("generateParser: unexpected Peggy output (peg$fail)");
    return source.replace(
      original,
      [
        "function peg$fail(expected) {",
        "  if (peg$currPos < peg$maxFailPos) { return; }",
        "  if (!recordExpectations) {",
        "    peg$maxFailPos = peg$currPos;",
        "    return;",
        "  }",
        "",
      ].join("\n"),
    );
  }

  // Peggy matches a character class with a regular expression on the one-character string at
  // the current position (`peg$rN.test(sK)`, sK = input.charAt(peg$currPos)): ~220k regex calls
  // per 10k lines, each several times slower than comparing the character code. Each test
  // becomes an inline comparison of the code unit with the ranges the regex accepts (found by
  // trying every UTF-16 code unit, so the two agree exactly; "" gives NaN and matches nothing).
  // Inline, not a function per class: a call costs more than the regex before V8 optimises it.
  function charClassesWithoutRegExps(source) {
    const tests = new Map();
    source = source.replace(/^const (peg\$r\d+) = (\/.*\/[a-z]*);$/gm, (_, name, literal) => {
      const regex = new Function(`return ${literal};`)();
      if (regex.flags.replace("i", "") !== "" || !/^\^\[[^\]]*\]$/.test(regex.source)) {
        throw new Error(`generateParser: unexpected character class ${literal}`);
      }
      const ranges = [];
      for (let code = 0; code <= 0xffff; code++) {
        if (!regex.test(String.fromCharCode(code))) continue;
        const last = ranges[ranges.length - 1];
        if (last && last[1] === code - 1) last[1] = code;
        else ranges.push([code, code]);
      }
      if (ranges.length === 0) throw new Error(`generateParser: empty character class ${literal}`);
      const c = "peg$charCode";
      tests.set(name, ranges.map(([low, high]) => (low === high ? `${c} === ${low}` : `(${c} >= ${low} && ${c} <= ${high})`)).join(" || "));
      return tests.size === 1 ? `let peg$charCode = 0; // the code unit a character class tests (build.mjs)` : `// ${name}: ${literal}`;
    });
    source = source.replace(/\b(peg\$r\d+)\.test\((s\d+)\)/g, (_, name, variable) => {
      if (!tests.has(name)) throw new Error(`generateParser: unknown character class ${name}`);
      return `(peg$charCode = ${variable}.charCodeAt(0), ${tests.get(name)})`;
    });
    if (/\bpeg\$r\d+\b(?!:)/.test(source.replace(/^\/\/ peg\$r\d+: .*$/gm, ""))) {
      throw new Error("generateParser: a character class is used other than by .test(sN)");
    }
    return source;
  }

  writeFileSync(
    join(outDir, "parser.js"),
    "// Generated from grammar.peggy by scripts/build.mjs. Do not edit.\n" +
      charClassesWithoutRegExps(recordExpectationsOnlyWhenAsked(hoistOutOfParse(code))),
  );
  writeFileSync(
    join(outDir, "parser.d.ts"),
    [
      "// Generated by scripts/build.mjs. Do not edit.",
      'import type { Program } from "../ast.js";',
      "export interface PeggyLocation { offset: number; line: number; column: number }",
      "export interface PeggyError extends Error {",
      "  location: { start: PeggyLocation; end: PeggyLocation };",
      "  expected: { type: string; text?: string; description?: string }[] | null;",
      "  found: string | null;",
      "  gr?: { kind: string; message: string };",
      "}",
      "export declare const SyntaxError: { new (...args: unknown[]): PeggyError };",
      "export declare function parse(input: string, options?: { grammarSource?: string; startRule?: string; recordExpectations?: boolean }): Program;",
      "",
    ].join("\n"),
  );
}

/** A hash of every source the compiler and runtime are built from: compile caches are per build. */
function buildId() {
  const hash = createHash("sha1");
  for (const path of [...filesUnder(join(root, "compiler")), ...filesUnder(join(root, "runtime"))]) {
    if (/\.(ts|peggy|js)$/.test(path)) hash.update(basename(path)).update(readFileSync(path));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Every file below `dir`, depth first, names in sorted order. */
function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * esbuild plugin: imports of these sources (paths from the package root) stay imports, of the
 * built files given (relative to dist/), except in the source itself.
 */
function importsOfBuiltFiles(name, builtBySource) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = join(args.resolveDir, args.path).replace(/\.js$/, ".ts");
        for (const [source, out] of Object.entries(builtBySource)) {
          if (target === join(root, source) && args.importer !== target) return { path: out, external: true };
        }
        return undefined;
      });
    },
  };
}

/** ES module bundles that contain CommonJS code (or `require` calls) get a real `require`. */
const requireBanner = { js: 'import { createRequire as __grCreateRequire } from "node:module"; const require = __grCreateRequire(import.meta.url);' };

/**
 * Node's ES module facade of a builtin reads every export once, and node:fs's lazy ones then load
 * all of node:stream: ~3 ms of each start. The CLI takes builtins through `require` (its banner's).
 */
const builtinsByRequire = {
  name: "builtins-by-require",
  setup(build) {
    // The stub's own `require` stays a call of the real one.
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace === "builtin" ? { path: args.path, external: true } : { path: args.path, namespace: "builtin" },
    );
    build.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
  },
};

async function bundle() {
  const common = {
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    legalComments: "none",
  };
  const entries = [

    ["compiler/index.ts", "dist/compiler.js", { external: ["esbuild", "typescript"], banner: requireBanner }],
    // No sourceMappingURL comment: error positions come from the maps of the scripts in a stack,
    // and the runtime's own frames never map to `.gr` files.
    ["runtime/index.ts", "dist/runtime.js", { platform: "neutral", sourcemap: "external" }],
    // The same runtime as a script, which the CLI loads with a V8 code cache (runtime-loader.ts).
    ["runtime/index.ts", "dist/runtime.cjs", { platform: "neutral", format: "cjs", sourcemap: "external" }],
    ["runtime/host-node.ts", "dist/host-node.js", { sourcemap: "external" }],
  ];
  // The CLI: dist/cli.js is the `graphoid` command with `run` in one file, so that a run with a
  // warm compile cache loads one module of ours (each module Node loads costs about a
  // millisecond). The other commands, and compiling, are loaded when used: dist/cli-COMMAND.js,
  // split into shared chunks. Modules used by both halves exist once in each; they hold no state
  // that must be shared (UsageError is recognised by name).
  const cliOptions = {
    ...common,
    outdir: join(root, "dist"),
    external: ["esbuild", "typescript"],
    define: { __GRAPHOID_BUILD_ID__: JSON.stringify(buildId()) },
    banner: requireBanner,
  };
  const later = { build: "cli/build.ts", check: "cli/check.ts", test: "cli/test.ts", spec: "cli/spec.ts", common: "cli/common.ts", "dynamic-load": "dynamic-load.ts" };
  const loadedLater = importsOfBuiltFiles(
    "loaded-later",
    Object.fromEntries(Object.entries(later).map(([name, source]) => [`compiler/${source}`, `./cli-${name}.js`])),
  );
  const cli = esbuild.build({ ...cliOptions, entryPoints: { cli: join(root, "compiler/cli/main.ts") }, plugins: [loadedLater, builtinsByRequire] });
  const commands = esbuild.build({
    ...cliOptions,
    entryPoints: Object.fromEntries(Object.entries(later).map(([name, source]) => [`cli-${name}`, join(root, "compiler", source)])),
    splitting: true,
    chunkNames: "cli-chunk-[hash]",
    plugins: [builtinsByRequire],
  });
  await Promise.all([
    cli,
    commands,
    ...integrations(common),
    ...entries
      .filter(([entry]) => existsSync(join(root, entry)))
      .map(([entry, out, extra]) =>
        esbuild.build({ ...common, entryPoints: [join(root, entry)], outfile: join(root, out), ...extra }),
      ),
  ]);
}

/**
 * The integrations (compiler/integrations/, docs/ARCHITECTURE.md "Integrations"). Their imports of
 * the runtime and of the Node host stay imports of dist/runtime.js and dist/host-node.js, so a
 * program has one runtime whichever way it is loaded. The compiler-carrying ones (esbuild and Vite
 * plugins, the Node loader's hooks, the dynamic `load` hook) share chunks (`int-*.js`).
 */
function integrations(common) {
  const shared = {
    "runtime/index.ts": "./runtime.js",
    "runtime/host-node.ts": "./host-node.js",
    "compiler/integrations/node-host.ts": "./node.js",
  };
  const sharedDist = importsOfBuiltFiles("shared-dist", shared);
  const at = (file) => join(root, "compiler/integrations", file);
  return [
    esbuild.build({ ...common, platform: "neutral", entryPoints: { run: join(root, "runtime/embed.ts") }, outdir: join(root, "dist"), plugins: [sharedDist] }),
    esbuild.build({ ...common, entryPoints: { node: at("node-host.ts"), register: at("register.ts") }, outdir: join(root, "dist"), plugins: [sharedDist] }),
    esbuild.build({
      ...common,
      entryPoints: { esbuild: at("esbuild.ts"), vite: at("vite.ts"), loader: at("node-loader.ts"), "dynamic-load": at("dynamic-load.ts") },
      outdir: join(root, "dist"),
      splitting: true,
      chunkNames: "int-[hash]",
      external: ["esbuild", "typescript"],
      banner: requireBanner,
      plugins: [sharedDist],
    }),
  ];
}

/**
 * dist/runtime-cli.js: what modules compiled by the CLI import the runtime from. It re-exports the
 * instance that compiler/cli/runtime-loader.ts loaded from dist/runtime.cjs. Its exports are
 * copies, so the runtime must export no binding that it reassigns: `export let` and `export var`
 * declarations are checked here.
 */
async function writeCliRuntime() {
  const runtime = await import(new URL("../dist/runtime.js", import.meta.url).href + `?t=${Date.now()}`);
  const names = Object.keys(runtime).sort();
  const reassignable = filesUnder(join(root, "runtime"))
    .filter((path) => path.endsWith(".ts"))
    .flatMap((path) => [...readFileSync(path, "utf8").matchAll(/^export (?:let|var) (\w+)/gm)].map((m) => m[1]));
  const live = reassignable.filter((n) => names.includes(n));
  if (live.length > 0) throw new Error(`dist/runtime-cli.js: the runtime exports reassignable bindings: ${live.join(", ")}`);
  writeFileSync(
    join(root, "dist", "runtime-cli.js"),
    [
      "// Generated by scripts/build.mjs: the runtime instance that the graphoid CLI loaded (compiler/cli/runtime-loader.ts).",
      'const runtime = globalThis[Symbol.for("graphoid-js.cli-runtime")];',
      'if (runtime === undefined) throw new Error("graphoid-js: modules compiled by the graphoid CLI run only under it; use graphoid build for a module to import");',
      `export const { ${names.join(", ")} } = runtime;`,
      "",
    ].join("\n"),
  );
}

/** docs/diagnostics.md from the catalogue, through the freshly built compiler bundle. */
async function writeDiagnosticsDoc() {
  const { diagnosticsMarkdown } = await import(new URL("../dist/compiler.js", import.meta.url).href + `?t=${Date.now()}`);
  mkdirSync(join(root, "docs"), { recursive: true });
  writeFileSync(join(root, "docs", "diagnostics.md"), diagnosticsMarkdown());
}

/**
 * Declarations of `graphoid-js/run` (dist/run.d.ts and the host types it names), emitted per file
 * by the TypeScript API (isolated declarations: explicit types on every export of runtime/embed.ts).
 */
async function writeRunDeclarations() {
  const { default: ts } = await import("typescript");
  for (const [source, out] of [["runtime/embed.ts", "dist/run.d.ts"], ["runtime/host.ts", "dist/host.d.ts"]]) {
    const result = ts.transpileDeclaration(readFileSync(join(root, source), "utf8"), { fileName: source, compilerOptions: { strict: true } });
    if (result.diagnostics?.length) {
      throw new Error(`declarations of ${source}: ${result.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`);
    }
    writeFileSync(join(root, out), "// Generated from " + source + " by scripts/build.mjs. Do not edit.\n" + result.outputText);
  }
}

generateParser();
for (const name of existsSync(join(root, "dist")) ? readdirSync(join(root, "dist")) : []) {
  if (name.startsWith("cli-") || name.startsWith("int-")) rmSync(join(root, "dist", name));
}
await bundle();
await writeCliRuntime();
await writeRunDeclarations();
await writeDiagnosticsDoc();
