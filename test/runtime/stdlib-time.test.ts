// Time values and the built-in time namespace (runtime.md §4.5, core.md §3.5).
import { describe, expect, it } from "vitest";
import { GrTime, civilFromDays, daysFromCivil, parseRfc3339, timeFromNumbers } from "../../runtime/stdlib/time.js";
import { namespaces } from "../../runtime/methods/table.js";
import { display } from "../../runtime/values/format.js";
import { equals } from "../../runtime/values/truth.js";
import { errorOf } from "./helpers.js";
import type { Value } from "../../runtime/values/value.js";

const ns = (name: string, ...args: Value[]) => namespaces.time![name]!(null, args, null);

describe("the calendar", () => {
  it("converts both ways around the epoch, leap days and far years", () => {
    for (const days of [-719468, -1, 0, 59, 365, 11016, 19791, 2932896]) {
      const d = civilFromDays(days);
      expect(daysFromCivil(d.year, d.month, d.day)).toBe(days);
    }
    expect(civilFromDays(19791)).toEqual({ year: 2024, month: 3, day: 9 });
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
  });
});

describe("time values", () => {
  it("print as RFC 3339 in UTC with a fraction only when needed", () => {
    expect(display(new GrTime(1709971500))).toBe("2024-03-09T08:05:00+00:00");
    expect(display(new GrTime(90.25))).toBe("1970-01-01T00:01:30.250+00:00");
    expect(display(new GrTime(1.000001))).toBe("1970-01-01T00:00:01.000001+00:00");
    expect(display(new GrTime(0.000000005))).toBe("1970-01-01T00:00:00.000000005+00:00");
    expect(display(new GrTime(-1))).toBe("1969-12-31T23:59:59+00:00");
    expect(display(new GrTime(-0.5))).toBe("1969-12-31T23:59:59.500+00:00");
  });

  it("answer their component methods; weekday 0 is Sunday", () => {
    const t = new GrTime(1709971500);
    expect(["year", "month", "day", "hour", "minute", "second"].map((m) => t.grCallMethod(m, []))).toEqual([2024, 3, 9, 8, 5, 0]);
    expect(display(t.grCallMethod("time_numbers", [])!)).toBe(
      '{"year": 2024, "month": 3, "day": 9, "hour": 8, "minute": 5, "second": 0, "weekday": 6, "day_of_year": 69}',
    );
    expect(t.grCallMethod("to_str", [])).toBe("2024-03-09T08:05:00+00:00");
    expect(t.grCallMethod("no_such", [])).toBeUndefined();
  });

  it("compare instants with ==, and nothing else", () => {
    expect(equals(new GrTime(5), new GrTime(5))).toBe(true);
    expect(equals(new GrTime(5), new GrTime(6))).toBe(false);
    expect(equals(new GrTime(5), 5)).toBe(false);
    expect(new GrTime(0).grTruthy()).toBe(true);
  });
});

describe("the time namespace", () => {
  it("validates from_numbers", () => {
    expect(display(timeFromNumbers([2000, 2, 29, 23, 59, 59]))).toBe("2000-02-29T23:59:59+00:00");
    expect(errorOf(() => timeFromNumbers([2024, 2, 30, 0, 0, 0]))).toBe("Invalid date/time: 2024-02-30 00:00:00");
    expect(errorOf(() => timeFromNumbers([2023, 1, 1, 24, 0, 0]))).toBe("Invalid date/time: 2023-01-01 24:00:00");
    expect(errorOf(() => ns("from_numbers", 2024, 2, 3))).toBe(
      "time.from_numbers() expects 6 arguments (year, month, day, hour, min, sec), but got 3",
    );
  });

  it("parses RFC 3339 with a zone, converting to UTC", () => {
    expect(parseRfc3339("2024-03-09T10:05:00+02:00")).toBe(1709971500);
    expect(parseRfc3339("1970-01-01T00:00:00.250Z")).toBe(0.25);
    expect(parseRfc3339("1970-01-01t01:00:00-01:30")).toBe(9000);
    expect(parseRfc3339("2024-03-09 10:05:00")).toBe("premature end of input");
    expect(parseRfc3339("2024-13-09T10:05:00Z")).toBe("input is out of range");
    expect(errorOf(() => ns("from_string", "yesterday"))).toBe("Failed to parse time string 'yesterday': input contains invalid characters");
  });

  it("keeps fractions of from_timestamp and floors today to midnight", () => {
    expect((ns("from_timestamp", 1.5) as GrTime).seconds).toBe(1.5);
    expect((ns("today") as GrTime).seconds % 86400).toBe(0);
  });
});
