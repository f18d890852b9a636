// `import "random"` (bound as `rand`, runtime.md §4.4).
//
// Two sources: a fresh one (the platform's Math.random) for everything except `det_*`, and a seeded
// generator for `det_random`/`det_randint`. The seeded generator is xoshiro128** (Blackman and
// Vigna) with its 128-bit state expanded from the 64-bit seed by splitmix64, so `rand.seed(n)`
// gives the same sequence on every run and every JS engine. It cannot match the reference's Rust
// generator (runtime.md, open question 4). Under `configure { :deterministic }` the fresh source is
// replaced by a seeded one too, so whole programs replay exactly (healing.md §8).
import { GrList } from "../values/list.js";
import { rtError } from "../values/error.js";
import { formatNumber } from "../values/format.js";
import { share } from "../values/collection.js";
import { settings } from "../config.js";
import { currentTask } from "../tasks/scheduler.js";
import { expectArgs, functions, listParam, numberParam, registerNativeModule } from "./native.js";
import type { Value } from "../values/value.js";

const MASK64 = (1n << 64n) - 1n;

/** xoshiro128** over four 32-bit words. */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: bigint) {
    // splitmix64 turns any seed (0 included) into a well-mixed, non-zero state.
    let x = seed & MASK64;
    const next = (): bigint => {
      x = (x + 0x9e3779b97f4a7c15n) & MASK64;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
      return z ^ (z >> 31n);
    };
    const a = next();
    const b = next();
    this.s0 = Number(a & 0xffffffffn) | 0;
    this.s1 = Number(a >> 32n) | 0;
    this.s2 = Number(b & 0xffffffffn) | 0;
    this.s3 = Number(b >> 32n) | 0;
  }

  /** The next 32 random bits, unsigned. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

// ---------------------------------------------------------------- sources

/**
 * The `rand.seed` generators: one per task (runtime.md §4.4), the main program's under `null`.
 * A task starts unseeded, like a fresh thread in the reference.
 */
let mainSeeded: SeededRandom | null = null;
const taskSeeded = new WeakMap<object, SeededRandom>();

export function currentSeededRandom(): SeededRandom | null {
  const task = currentTask();
  return task === null ? mainSeeded : (taskSeeded.get(task) ?? null);
}

export function setSeededRandom(generator: SeededRandom | null): void {
  const task = currentTask();
  if (task === null) mainSeeded = generator;
  else if (generator === null) taskSeeded.delete(task);
  else taskSeeded.set(task, generator);
}

/** Replaces Math.random while the program is deterministic; fixed seed, created on first use. */
let deterministicSource: SeededRandom | null = null;
const DETERMINISTIC_SEED = 0x67726170686f6964n; // "graphoid"

/** A float in [0, 1) from the fresh source (or the replayable one under `:deterministic`). */
export function freshRandom(): number {
  if (settings.deterministic) {
    deterministicSource ??= new SeededRandom(DETERMINISTIC_SEED);
    return deterministicSource.next();
  }
  return Math.random();
}

function randomIndex(n: number): number {
  return Math.min(n - 1, Math.floor(freshRandom() * n));
}

function randomByte(): number {
  return Math.floor(freshRandom() * 256) & 255;
}

function seededOrFail(): SeededRandom {
  const seeded = currentSeededRandom();
  if (seeded === null) throw rtError("Deterministic RNG not seeded. Call rand.seed(value) first.");
  return seeded;
}

/** `n` truncated to an unsigned 64-bit integer, saturating (Rust's `as u64`). */
function seedValue(n: number): bigint {
  if (!(n > 0)) return 0n;
  if (n >= 18446744073709551615) return MASK64;
  return BigInt(Math.trunc(n));
}

// ---------------------------------------------------------------- the module

function intRange(fnName: string, args: Value[]): [number, number] {
  expectArgs(fnName, args, 2, "min, max");
  const min = Math.trunc(numberParam(fnName, args[0])) + 0;
  const max = Math.trunc(numberParam(fnName, args[1])) + 0;
  if (min > max) throw rtError(`${fnName}() min (${formatNumber(min)}) must be <= max (${formatNumber(max)})`);
  return [min, max];
}

function hex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
}

const URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function count(fnName: string, v: Value | undefined): number {
  return Math.max(0, Math.trunc(numberParam(fnName, v)));
}

registerNativeModule("random", "random", () =>
  functions({
    random: () => freshRandom(),
    randint: (args) => {
      const [min, max] = intRange("randint", args);
      return min + Math.floor(freshRandom() * (max - min + 1));
    },
    uniform: (args) => {
      expectArgs("uniform", args, 2, "min, max");
      const min = numberParam("uniform", args[0]);
      const max = numberParam("uniform", args[1]);
      if (!(min < max)) throw rtError(`uniform() min (${formatNumber(min)}) must be < max (${formatNumber(max)})`);
      return min + freshRandom() * (max - min);
    },
    choice: (args) => {
      const items = listParam("choice", args[0]).items;
      if (items.length === 0) throw rtError("choice() cannot choose from empty list");
      return share(items[randomIndex(items.length)]!);
    },
    shuffle: (args) => {
      const items = listParam("shuffle", args[0]).items.slice();
      for (let i = items.length - 1; i > 0; i--) {
        const j = randomIndex(i + 1);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return new GrList(items.map(share));
    },
    sample: (args) => {
      const items = listParam("sample", args[0]).items.slice();
      const k = count("sample", args[1]);
      if (k > items.length) throw rtError(`sample() count (${formatNumber(k)}) exceeds list length (${formatNumber(items.length)})`);
      // A partial Fisher–Yates shuffle: the first k slots are a uniform sample of positions.
      for (let i = 0; i < k; i++) {
        const j = i + randomIndex(items.length - i);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return new GrList(items.slice(0, k).map(share));
    },
    normal: (args) => {
      expectArgs("normal", args, 2, "mean, std_dev");
      const mean = numberParam("normal", args[0]);
      const sd = numberParam("normal", args[1]);
      if (!(sd > 0)) throw rtError("normal() std_dev must be positive");
      // Box–Muller; 1 - u keeps the logarithm's argument in (0, 1].
      const u1 = 1 - freshRandom();
      const u2 = freshRandom();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    exponential: (args) => {
      const lambda = numberParam("exponential", args[0]);
      if (!(lambda > 0)) throw rtError("exponential() lambda must be positive");
      return -Math.log(1 - freshRandom()) / lambda;
    },
    seed: (args) => {
      setSeededRandom(new SeededRandom(seedValue(numberParam("seed", args[0]))));
      return null;
    },
    det_random: () => seededOrFail().next(),
    det_randint: (args) => {
      const generator = seededOrFail();
      const [min, max] = intRange("det_randint", args);
      return min + Math.floor(generator.next() * (max - min + 1));
    },
    uuid4: () => {
      const bytes = Array.from({ length: 16 }, randomByte);
      bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
      bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
      const h = hex(bytes);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    token: (args) => hex(Array.from({ length: count("token", args[0]) }, randomByte)),
    token_urlsafe: (args) => {
      let out = "";
      for (let n = count("token_urlsafe", args[0]); n > 0; n--) out += URLSAFE[randomIndex(64)];
      return out;
    },
  }),
);
