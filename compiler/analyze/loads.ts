// `load "file.gr"` runs a file's statements in the current scope each time it executes
// (core.md §8.4). graphoid-js reads and parses such files when compiling and splices their
// statements in place (Load.resolved), so the scope analysis sees the names they define.
import type * as A from "../parse/ast.js";

/** The loaded program; `{ error }` when it does not parse; null when there is no such file. */
export type LoadFile = (path: string, loc: A.Loc) => A.Program | { error: string } | null;

export function resolveLoads(program: A.Program, loadFile: LoadFile): void {
  const active: string[] = [];
  const visitStatements = (list: A.Statement[]) => {
    for (const s of list) visitStatement(s);
  };
  const visitStatement = (s: A.Statement): void => {
    switch (s.type) {
      case "Load": {
        if (s.path.type !== "StringLit") return;
        const path = s.path.value;
        if (active.includes(path)) {
          // A file that loads itself would expand forever; the runtime reports it instead.
          s.resolved = null;
          return;
        }
        const result = loadFile(path, s.loc);
        const loaded = result !== null && "body" in result ? result : null;
        s.resolved = loaded ? loaded.body : null;
        if (result !== null && "error" in result) s.failure = result.error;
        if (loaded) {
          active.push(path);
          visitStatements(loaded.body);
          active.pop();
        }
        return;
      }
      case "If":
        visitStatements(s.consequent);
        if (s.alternate) visitStatements(s.alternate);
        return;
      case "While":
      case "For":
      case "Precision":
      case "PrivBlock":
      case "SpawnBlock":
        visitStatements(s.body);
        return;
      case "Configure":
        if (s.body) visitStatements(s.body);
        return;
      case "Try":
        visitStatements(s.body);
        for (const h of s.handlers) visitStatements(h.body);
        if (s.finalizer) visitStatements(s.finalizer);
        return;
      case "FnDecl":
        visitStatements(s.body);
        return;
      default:
        return;
    }
  };
  visitStatements(program.body);
}
