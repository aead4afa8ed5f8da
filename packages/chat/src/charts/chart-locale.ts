/**
 * Vega's number and time locale for a language, taken from Intl so the axes group digits,
 * mark decimals and name months as the reader's locale does ("2 800", "nov. 2026") without a
 * hand-written table of month or weekday names.
 */
export interface VegaLocaleDefinitions {
  number: { decimal: string; thousands: string; grouping: number[]; currency: [string, string] };
  time: { dateTime: string; date: string; time: string; periods: [string, string]; days: string[]; shortDays: string[]; months: string[]; shortMonths: string[] };
}

const names = (tag: string, option: Intl.DateTimeFormatOptions, dates: number[]): string[] => {
  const format = new Intl.DateTimeFormat(tag, { ...option, timeZone: "UTC" });
  return dates.map((d) => format.format(d));
};

export function vegaLocale(tag: string): VegaLocaleDefinitions {
  const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  const part = (type: Intl.NumberFormatPartTypes, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  // 2023-01-01 was a Sunday: d3 lists days from Sunday.
  const week = Array.from({ length: 7 }, (_, i) => Date.UTC(2023, 0, 1 + i));
  const year = Array.from({ length: 12 }, (_, i) => Date.UTC(2023, i, 15));
  const periods = names(tag, { hour: "numeric", hour12: true }, [Date.UTC(2023, 0, 1, 9), Date.UTC(2023, 0, 1, 15)]).map((text) => text.replace(/[\d\s\u202f]/g, ""));
  return {
    number: { decimal: part("decimal", "."), thousands: part("group", ","), grouping: [3], currency: ["", ""] },
    time: {
      dateTime: "%x %X",
      date: "%Y-%m-%d",
      time: "%H:%M:%S",
      periods: [periods[0] ?? "AM", periods[1] ?? "PM"],
      days: names(tag, { weekday: "long" }, week),
      shortDays: names(tag, { weekday: "short" }, week),
      months: names(tag, { month: "long" }, year),
      shortMonths: names(tag, { month: "short" }, year),
    },
  };
}
