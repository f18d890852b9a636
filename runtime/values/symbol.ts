// Symbols (`:name`) are interned, so `===` is symbol equality.

export class GrSymbol {
  private constructor(readonly name: string) {}

  private static table = new Map<string, GrSymbol>();

  static of(name: string): GrSymbol {
    let s = GrSymbol.table.get(name);
    if (s === undefined) {
      s = new GrSymbol(name);
      GrSymbol.table.set(name, s);
    }
    return s;
  }

  toString(): string {
    return ":" + this.name;
  }
}

export const sym = GrSymbol.of;
