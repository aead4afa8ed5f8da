import type { Locale } from "./errors";
import { STOCKHOLM } from "./time";

/**
 * Times as people read them, in one place: every date and time shown to staff (cards,
 * digests, CLI tables, e-mail subjects, error messages) is formatted here, with
 * Intl.DateTimeFormat in the zone, never by cutting up ISO strings.
 *
 * An instant is epoch milliseconds (shown in `timeZone`, Europe/Stockholm unless told) or
 * an ISO string as the SDK writes them. A string is shown in its own offset, so
 * `2026-12-03T14:00:00+01:00` reads 14:00 whatever zone formats it; a date or wall-clock
 * time without an offset (`2026-12-03`, `2026-12-03T14:00`) is shown as written.
 */
export type Instant = number | string;

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function resolve(instant: Instant, timeZone: string): { ms: number; timeZone: string } {
  if (typeof instant === "number") return { ms: instant, timeZone };
  const offset = OFFSET.exec(instant)?.[1];
  if (offset !== undefined) return { ms: Date.parse(instant), timeZone: offset === "Z" ? "UTC" : offset };
  return { ms: Date.parse(`${DATE_ONLY.test(instant) ? `${instant}T00:00` : instant}Z`), timeZone: "UTC" };
}

const cache = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = cache.get(key);
  if (!found) cache.set(key, (found = make()));
  return found;
}

interface Numeric {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/** Two-digit fields, whatever the locale writes around them. */
function numeric(instant: Instant, timeZone: string): Numeric {
  const r = resolve(instant, timeZone);
  const format = cached(
    `numeric|${r.timeZone}`,
    () =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone: r.timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  );
  const out: Numeric = { year: "", month: "", day: "", hour: "", minute: "" };
  for (const part of format.formatToParts(r.ms)) {
    if (part.type === "year" || part.type === "month" || part.type === "day" || part.type === "hour" || part.type === "minute") out[part.type] = part.value;
  }
  return out;
}

/** The locale's names of the day and month. */
function names(instant: Instant, locale: Locale, timeZone: string): { weekday: string; month: string } {
  const r = resolve(instant, timeZone);
  const format = cached(`${locale}|${r.timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone: r.timeZone, weekday: "short", month: "short" }));
  const out = { weekday: "", month: "" };
  for (const part of format.formatToParts(r.ms)) if (part.type === "weekday" || part.type === "month") out[part.type] = abbreviate(part.value);
  return out;
}

/**
 * Cards use three-letter names without a dot (`tor`, `dec`, `Thu`, `Dec`); CLDR's Swedish
 * abbreviations are longer (`tors`, `dec.`, `juni`), so they are cut to that form.
 */
function abbreviate(name: string): string {
  return name.replace(/\.$/, "").slice(0, 3);
}

/** `tor 3 dec` / `Thu 3 Dec`. */
export function formatDay(instant: Instant, locale: Locale, timeZone = STOCKHOLM): string {
  const n = names(instant, locale, timeZone);
  return `${n.weekday} ${Number(numeric(instant, timeZone).day)} ${n.month}`;
}

/** `14:05`. */
export function formatClock(instant: Instant, timeZone = STOCKHOLM): string {
  const p = numeric(instant, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** `tor 3 dec 14:05`. */
export function formatDateTime(instant: Instant, locale: Locale, timeZone = STOCKHOLM): string {
  return `${formatDay(instant, locale, timeZone)} ${formatClock(instant, timeZone)}`;
}

/** `tor 3 dec 14:00–15:30` (the day of the start). */
export function formatRange(start: Instant, end: Instant, locale: Locale, timeZone = STOCKHOLM): string {
  return `${formatDateTime(start, locale, timeZone)}–${formatClock(end, timeZone)}`;
}

/** `2026-12-03`, for tables and lines that sort. */
export function formatDate(instant: Instant, timeZone = STOCKHOLM): string {
  const p = numeric(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `2026-12-03 14:05`, for tables and lines that sort. */
export function formatStamp(instant: Instant, timeZone = STOCKHOLM): string {
  const p = numeric(instant, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `2026-12-03 10:00–11:00` (the day of the start). */
export function formatStampRange(start: Instant, end: Instant, timeZone = STOCKHOLM): string {
  return `${formatStamp(start, timeZone)}–${formatClock(end, timeZone)}`;
}

/** A reference week: 2026-11-01 is a Sunday, so day n of it is weekday n. */
const SUNDAY = Date.UTC(2026, 10, 1, 12);
const DAY = 86_400_000;

/** `måndag` / `Monday` for a weekday number as cron counts: 0 and 7 are Sunday. */
export function weekdayName(weekday: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "long" }).format(SUNDAY + (weekday % 7) * DAY);
}
