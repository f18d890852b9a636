// State shared while lowering one module, and per compiled function.
import type * as A from "../parse/ast.js";
import type { Analysis, Scope } from "../analyze/scopes.js";
import { inferTypes, type VariableTypes } from "../analyze/types.js";
import type { IrStmt } from "./ir.js";
import type { RuleFacts } from "./rules.js";

/**
 * How a Graphoid name is held in the function being compiled:
 * - `module`: a `let` of the module body (top level);
 * - `param`: a JS parameter;
 * - `local`: a JS `let` of this call, assigned before any read;
 * - `persistent`: a cell kept by the function value between calls (entry copy, exit write-back);
 * - `captured`: a value copied from the definition site when the function value was created;
 * - `env`: a variable of the scope a computed-path `load` runs in, reached through `$env`.
 */
export type BindingKind = "module" | "param" | "local" | "persistent" | "captured" | "env";

export interface Binding {
  kind: BindingKind;
  /** JS name of the working variable. */
  js: string;
  /** For `persistent`: the JS name of the cell in the creating closure. */
  cell?: string;
}

export interface FnCtx {
  scope: Scope;
  parent: FnCtx | null;
  vars: Map<string, Binding>;
  /** Generator twin (task mode): calls become `yield*`. */
  gen: boolean;
  /** JS name of `self` in methods (and lambdas inside them), else null. */
  self: string | null;
  /** JS name of the class a method was declared in (for `super`), else null. */
  ownerClass: string | null;
  /**
   * In a method declared in a class body: the properties that body declares. Bare names among
   * them are read and written on `self.props` directly (falling back to the general rules).
   */
  classProps: Set<string> | null;
  /** Behavior rules list and hash variables are known to carry here (lower/rules.ts). */
  rules: RuleFacts;
  /** Temporaries declared at the top of the function. */
  temps: string[];
  /** Loop nesting, to know whether `break`/`continue` are inside a loop of this function. */
  loops: number;
  /** In a top-level statement that contains `return`: the label that ends it. */
  statementLabel: string | null;
  /** Whether `return` is allowed (inside a function body). */
  isFunction: boolean;
  /** Lambdas and methods return their last statement's value. */
  returnsLastValue: boolean;
}

export interface LowerOptions {
  /** The `.gr` file path (for module metadata and errors). */
  file: string;
  /** Module specifier the generated code imports the runtime from. */
  runtimeSpecifier: string;
  /**
   * Resolves an `import` path at compile time: returns the specifier of the compiled module to
   * import and the name it binds, or null for a native/runtime-provided module.
   */
  resolveImport: (path: string, loc: A.Loc) => ResolvedImport;
  /** Emit hot-reload support (state cells, accept hooks). */
  hmr: boolean;
  /** Statement list that runs in spec mode (gspec globals predefined). */
  spec: boolean;
  /**
   * Receives the IR of each top-level statement as soon as it is lowered, with the indentation
   * depth it is printed at, and returns what the module keeps in its place: the compiler passes
   * the printer, so the IR of a statement is garbage before the next one is lowered (keeping the
   * IR of a large module until the end cost the garbage collector copying it, and printing it
   * while it is fresh is faster). Without it the module holds the IR itself.
   */
  settle?: (statements: IrStmt[], depth: number) => IrStmt;
  /**
   * Compile for a computed-path `load`: top-level names are the loading scope's variables
   * (reached through `$env`), and the output is a function body instead of a module.
   */
  dynamicScope?: boolean;
}

export type ResolvedImport =
  | { kind: "compiled"; specifier: string; key: string; binding: string }
  | { kind: "native"; name: string; binding: string }
  /** No such module: importing it fails at run time, after earlier output (core.md §8.2). */
  | { kind: "missing"; name: string; binding: string }
  /** A module of the reference's library that graphoid-js does not provide. */
  | { kind: "unavailable"; name: string; binding: string }
  /** A module that does not parse: importing it fails at run time with `message`. */
  | { kind: "broken"; name: string; binding: string; message: string };

export class ModuleState {
  private counter = 0;
  /** Module-level constants (interned symbols, …) emitted before the body. */
  readonly hoisted: IrStmt[] = [];
  private readonly symbols = new Map<string, string>();
  /** Set by a `load` with a computed path: the program compiles files when it runs. */
  needsCompiler = false;
  /** Imports of other compiled modules. */
  readonly imports: { name: string; specifier: string }[] = [];
  private readonly importNames = new Map<string, string>();

  /** Static types of variables, per scope (analyze/types.ts). */
  readonly types: Map<Scope, VariableTypes>;

  constructor(
    readonly analysis: Analysis,
    readonly options: LowerOptions,
  ) {
    this.types = inferTypes(analysis);
  }

  fresh(prefix: string): string {
    return `$${prefix}${++this.counter}`;
  }

  symbol(name: string): string {
    let js = this.symbols.get(name);
    if (js === undefined) {
      js = `$sym_${jsSafe(name)}_${this.symbols.size}`;
      this.symbols.set(name, js);
      this.hoist({
        kind: "var",
        declKind: "const",
        name: js,
        init: { kind: "call", callee: { kind: "runtime", name: "sym" }, args: [{ kind: "literal", value: name }] },
      });
    }
    return js;
  }

  /** A module-level method cache for one call site (runtime/method-cache.ts). */
  methodCache(name: string, privileged: boolean): string {
    const js = `$ic${++this.counter}`;
    this.hoist({
      kind: "var",
      declKind: "const",
      name: js,
      init: { kind: "call", callee: { kind: "runtime", name: "methodCache" }, args: [{ kind: "literal", value: name }, { kind: "literal", value: privileged }] },
    });
    return js;
  }

  /** Adds a module-level statement (printed at once when lowering has `settle`, like the body's). */
  private hoist(statement: IrStmt): void {
    const settle = this.options.settle;
    this.hoisted.push(settle ? settle([statement], 0) : statement);
  }

  importModule(specifier: string): string {
    let name = this.importNames.get(specifier);
    if (name === undefined) {
      name = `$mod${this.importNames.size}`;
      this.importNames.set(specifier, name);
      this.imports.push({ name, specifier });
    }
    return name;
  }
}

const JS_RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);

const JS_IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/**
 * A JS identifier for a Graphoid name. Graphoid names never contain `$`, so every mangled form is
 * distinct from every plain one: reserved words get a `$` suffix, and characters JS does not allow
 * in identifiers (a Graphoid name may contain digits such as `²`) become `$hex$`.
 */
export function jsName(name: string): string {
  if (JS_RESERVED.has(name)) return name + "$";
  // Almost every name is plain ASCII; checking its characters is much faster than the regex.
  if (isAsciiIdentifier(name) || JS_IDENTIFIER.test(name)) return name;
  let out = "";
  for (const ch of name) {
    out += /[\p{ID_Continue}]/u.test(ch) && (out !== "" || /[\p{ID_Start}_]/u.test(ch)) ? ch : `$${ch.codePointAt(0)!.toString(16)}$`;
  }
  return out;
}

/** `[A-Za-z_][A-Za-z0-9_]*` (and `$` where `dollar` allows it), without a regex. */
export function isAsciiIdentifier(name: string, dollar = false): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (dollar && c === 36);
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

function jsSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}
