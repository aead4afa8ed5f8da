import type { Locale } from "vega";

type Seven<T> = [T, T, T, T, T, T, T];
type Twelve<T> = [T, T, T, T, T, T, T, T, T, T, T, T];

/** 2023-01-01 was a Sunday: d3 lists days from Sunday. */
const WEEK: Seven<number> = [1, 2, 3, 4, 5, 6, 7].map((day) => Date.UTC(2023, 0, day)) as Seven<number>;
const YEAR: Twelve<number> = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((month) => Date.UTC(2023, month, 15)) as Twelve<number>;

function names<T extends number[]>(tag: string, option: Intl.DateTimeFormatOptions, dates: T): { [K in keyof T]: string } {
  const format = new Intl.DateTimeFormat(tag, { ...option, timeZone: "UTC" });
  return dates.map((d) => format.format(d)) as { [K in keyof T]: string };
}

/**
 * Vega's number and time locale for a language, taken from Intl so the axes group digits,
 * mark decimals and name months as the reader's locale does ("2 800", "nov. 2026") without a
 * hand-written table of month or weekday names.
 */
export function vegaLocale(tag: string): Locale {
  const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  const part = (type: Intl.NumberFormatPartTypes, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  const [am, pm] = names(tag, { hour: "numeric", hour12: true }, [Date.UTC(2023, 0, 1, 9), Date.UTC(2023, 0, 1, 15)]).map((text) =>
    text.replace(/[\d\s\u202f]/g, ""),
  );
  return {
    number: { decimal: part("decimal", "."), thousands: part("group", ","), grouping: [3], currency: ["", ""] },
    time: {
      dateTime: "%x %X",
      date: "%Y-%m-%d",
      time: "%H:%M:%S",
      periods: [am || "AM", pm || "PM"],
      days: names(tag, { weekday: "long" }, WEEK),
      shortDays: names(tag, { weekday: "short" }, WEEK),
      months: names(tag, { month: "long" }, YEAR),
      shortMonths: names(tag, { month: "short" }, YEAR),
    },
  };
}
