// Time values and the built-in `time` namespace (runtime.md §4.5, core.md §3.5): an instant held
// as Unix seconds (a float, UTC), printed as RFC 3339 with `+00:00`.
import { GrMap } from "../values/map.js";
import { rtError } from "../values/error.js";
import { typeName } from "../values/format.js";
import { unwrapFrozen } from "../values/frozen_scalar.js";
import { namespaces, type MethodTable } from "../methods/table.js";
import { now as clockNow } from "../clock.js";
import type { GrObject, Value } from "../values/value.js";

/** The one place the time functions read the clock (virtual under `:deterministic`). */
export function nowMillis(): number {
  return clockNow();
}

const SECONDS_PER_DAY = 86400;

// ---------------------------------------------------------------- proleptic Gregorian calendar

/** Days since 1970-01-01 of a civil date (any year; month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  const text = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? "-" + text : text;
}

// ---------------------------------------------------------------- the value

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
  dayOfYear: number;
  nanos: number;
}

export class GrTime implements GrObject {
  private fieldsCache: Fields | null = null;

  constructor(readonly seconds: number) {}

  grType(): string {
    return "time";
  }

  grTruthy(): boolean {
    return true;
  }

  grEquals(other: unknown): boolean {
    return other instanceof GrTime && other.seconds === this.seconds;
  }

  grToNum(): number {
    return this.seconds;
  }

  /** RFC 3339 in UTC; a fraction only when non-zero, in 3, 6 or 9 digits (chrono's AutoSi). */
  grDisplay(): string {
    const f = this.fields();
    let text = `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}`;
    if (f.nanos !== 0) {
      const digits = String(f.nanos).padStart(9, "0");
      if (f.nanos % 1_000_000 === 0) text += "." + digits.slice(0, 3);
      else if (f.nanos % 1000 === 0) text += "." + digits.slice(0, 6);
      else text += "." + digits;
    }
    return text + "+00:00";
  }

  fields(): Fields {
    if (this.fieldsCache) return this.fieldsCache;
    let whole = Math.floor(this.seconds);
    // Nanoseconds rounded, so 90.25 shows `.250` and binary noise below 1 ns does not show.
    let nanos = Math.round((this.seconds - whole) * 1e9);
    if (nanos >= 1e9) {
      whole += 1;
      nanos -= 1e9;
    }
    const days = Math.floor(whole / SECONDS_PER_DAY);
    const secondOfDay = whole - days * SECONDS_PER_DAY;
    const date = civilFromDays(days);
    const weekday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const dayOfYear = days - daysFromCivil(date.year, 1, 1) + 1;
    this.fieldsCache = {
      ...date,
      hour: Math.floor(secondOfDay / 3600),
      minute: Math.floor((secondOfDay % 3600) / 60),
      second: secondOfDay % 60,
      weekday,
      dayOfYear,
      nanos,
    };
    return this.fieldsCache;
  }

  grCallMethod(name: string, _args: Value[]): Value | undefined {
    switch (name) {
      case "to_string":
      case "to_str":
        return this.grDisplay();
      case "to_num":
        return this.seconds;
      case "year":
        return this.fields().year;
      case "month":
        return this.fields().month;
      case "day":
        return this.fields().day;
      case "hour":
        return this.fields().hour;
      case "minute":
        return this.fields().minute;
      case "second":
        return this.fields().second;
      case "time_numbers": {
        const f = this.fields();
        return new GrMap(
          new Map<string, Value>([
            ["year", f.year],
            ["month", f.month],
            ["day", f.day],
            ["hour", f.hour],
            ["minute", f.minute],
            ["second", f.second],
            ["weekday", f.weekday],
            ["day_of_year", f.dayOfYear],
          ]),
        );
      }
    }
    return undefined;
  }
}

// ---------------------------------------------------------------- parsing RFC 3339

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** Seconds since the epoch, or the reason the text is not RFC 3339 (chrono's wording). */
export function parseRfc3339(text: string): number | string {
  const m = RFC3339.exec(text);
  if (!m) return WITHOUT_ZONE.test(text) ? "premature end of input" : "input contains invalid characters";
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
    return "input is out of range";
  }
  let offset = 0;
  const zone = m[8]!;
  if (zone !== "Z" && zone !== "z") {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 23 || minutes > 59) return "input is out of range";
    offset = (hours * 3600 + minutes * 60) * (zone[0] === "-" ? -1 : 1);
  }
  const fraction = m[7] ? Number("0" + m[7]) : 0;
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset + fraction;
}

// ---------------------------------------------------------------- the namespace

function numbersOf(fnName: string, args: Value[]): number[] {
  return args.map((a) => {
    const v = unwrapFrozen(a);
    if (typeof v !== "number") throw rtError(`${fnName}() expects numbers, got ${typeName(v)}`);
    return v;
  });
}

/** `time.from_numbers(y, mo, d, h, mi, s)`: exactly six numbers, validated like chrono. */
export function timeFromNumbers(args: Value[]): GrTime {
  if (args.length !== 6) {
    throw rtError(`time.from_numbers() expects 6 arguments (year, month, day, hour, min, sec), but got ${args.length}`);
  }
  const [year, month, day, hour, minute, second] = numbersOf("time.from_numbers", args).map((n) => Math.trunc(n)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59;
  if (!valid) {
    const f = (n: number) => pad(n, 2);
    throw rtError(`Invalid date/time: ${pad(year, 4)}-${f(month)}-${f(day)} ${f(hour)}:${f(minute)}:${f(second)}`);
  }
  return new GrTime(daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second);
}

export function timeNow(): GrTime {
  return new GrTime(nowMillis() / 1000);
}

export function timeToday(): GrTime {
  const seconds = Math.floor(nowMillis() / 1000);
  return new GrTime(seconds - (((seconds % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY));
}

function oneArg(fnName: string, args: Value[]): Value {
  if (args.length !== 1) throw rtError(`${fnName}() expects 1 argument, but got ${args.length}`);
  return unwrapFrozen(args[0]!);
}

const timeNamespace: MethodTable = {
  now: () => timeNow(),
  today: () => timeToday(),
  from_numbers: (_recv, args) => timeFromNumbers(args),
  from_timestamp: (_recv, args) => {
    const n = oneArg("time.from_timestamp", args);
    if (typeof n !== "number") throw rtError(`time.from_timestamp() expects a number, got ${typeName(n)}`);
    return new GrTime(n);
  },
  from_string: (_recv, args) => {
    const text = oneArg("time.from_string", args);
    if (typeof text !== "string") throw rtError(`time.from_string() expects a string, got ${typeName(text)}`);
    const parsed = parseRfc3339(text);
    if (typeof parsed === "string") throw rtError(`Failed to parse time string '${text}': ${parsed}`);
    return new GrTime(parsed);
  },
};

namespaces.time = Object.assign(namespaces.time ?? Object.create(null), timeNamespace);

