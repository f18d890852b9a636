// The caches' content hash (compiler/cli/hash.ts): stable, 16 hex digits, and different for inputs
// that differ anywhere, even by one bit.
import { describe, expect, it } from "vitest";
import { contentHash } from "../../compiler/cli/hash.js";

describe("contentHash", () => {
  it("is 16 hex digits, the same for a string and its UTF-8 bytes", () => {
    expect(contentHash("print(1)\n")).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash("héllo")).toBe(contentHash(Buffer.from("héllo", "utf8")));
    expect(contentHash("")).toBe(contentHash(new Uint8Array(0)));
  });

  it("differs for every one-bit change and for every length of a zero-filled input", () => {
    const base = Buffer.from("fn f(x) { return x * 2 }\nprint(f(21))\n".repeat(20));
    const seen = new Set([contentHash(base)]);
    for (let i = 0; i < base.length; i += 7) {
      for (let bit = 0; bit < 8; bit++) {
        const changed = Buffer.from(base);
        changed[i]! ^= 1 << bit;
        seen.add(contentHash(changed));
      }
    }
    for (let n = 0; n < 300; n++) seen.add(contentHash(new Uint8Array(n)));
    expect(seen.size).toBe(1 + Math.ceil(base.length / 7) * 8 + 300);
  });

  it("spreads a change over both halves", () => {
    const a = contentHash("graph Account { balance: 0 }");
    const b = contentHash("graph Account { balance: 1 }");
    expect(a.slice(0, 8)).not.toBe(b.slice(0, 8));
    expect(a.slice(8)).not.toBe(b.slice(8));
  });
});
