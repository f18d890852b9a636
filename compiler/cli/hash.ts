// The hash of the CLI's caches. They must notice that a file changed, not resist an attacker, and
// loading node:crypto took ~4 ms of every `graphoid run`'s start-up: so a 64-bit hash in plain JS,
// two independent 32-bit lanes of multiply–xorshift steps over 32-bit words, each finished with an
// avalanche. Words, not bytes, because this runs once per start, mostly before V8 optimises it.

/** 16 hex digits for the bytes of `data` (a string is hashed as its UTF-8). */
export function contentHash(data: Uint8Array | string): string {
  let bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes); // a copy starts aligned
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  let a = 0x811c9dc5 ^ bytes.length;
  let b = 0x9e3779b9 ^ bytes.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    a = Math.imul(a ^ w, 0x01000193);
    a ^= a >>> 15;
    b = Math.imul(b ^ w, 0x5bd1e995);
    b ^= b >>> 13;
  }
  for (let i = words.length * 4; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x5bd1e995);
  }
  return hex(avalanche(a)) + hex(avalanche(b ^ Math.imul(a, 0x27d4eb2f)));
}

/** Spreads every input bit over the output (the finaliser of MurmurHash3). */
function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}
