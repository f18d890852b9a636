// `graphoid spec [PATH]`: runs gspec files (runtime.md §1.1). Implemented with the gspec stdlib.
export async function specCommand(path: string): Promise<number> {
  process.stderr.write(`graphoid spec: not implemented yet (${path})\n`);
  return 1;
}
