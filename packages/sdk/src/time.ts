import { TZDate } from "@date-fns/tz";
import { ValidationError } from "./errors";

/** All wall-clock rules (working hours, office opening, digests) are in this zone. */
export const STOCKHOLM = "Europe/Stockholm";

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses an instant. ISO 8601 with an offset (or Z) is taken as is; a date-time without
 * an offset is wall-clock time in Europe/Stockholm, so `2026-10-26T10:00` is 10:00 local
 * whichever side of a daylight-saving change it falls on.
 */
export function parseInstant(value: string, field: string, timeZone = STOCKHOLM): number {
  const trimmed = value.trim();
  const withOffset = ISO_WITH_OFFSET.exec(trimmed);
  if (withOffset) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms) && sameCalendarFields(withOffset)) return ms;
  }
  const local = LOCAL_DATE_TIME.exec(trimmed);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const ms = localToInstant({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0) }, timeZone);
    if (ms !== undefined) return ms;
  }
  throw ValidationError.field(field, {
    sv: `${field}: "${value}" är inte en giltig tidpunkt. Skriv till exempel 2026-12-03T14:00.`,
    en: `${field}: "${value}" is not a valid date and time. Write e.g. 2026-12-03T14:00.`,
  });
}

/** Rejects impossible calendar dates such as 2026-02-30, which Date.parse rolls over. */
function sameCalendarFields(match: RegExpExecArray): boolean {
  const [, y, mo, d, h, mi] = match;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && Number(h) < 24 && Number(mi) < 60;
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/**
 * The instant of a wall-clock time in a zone, or undefined when that time does not
 * exist (the skipped hour on the last Sunday of March) or the date is invalid.
 */
export function localToInstant(wall: WallClock, timeZone = STOCKHOLM): number | undefined {
  const date = new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0, timeZone);
  const back = toWallClock(date.getTime(), timeZone);
  const same = back.year === wall.year && back.month === wall.month && back.day === wall.day && back.hour === wall.hour && back.minute === wall.minute;
  return same ? date.getTime() : undefined;
}

export function toWallClock(ms: number, timeZone = STOCKHOLM): WallClock & { weekday: number } {
  const d = new TZDate(ms, timeZone);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    weekday: d.getDay(), // 0 = Sunday
  };
}

/** ISO 8601 with the zone's offset, e.g. `2026-10-26T10:00:00+01:00`. */
export function formatInstant(ms: number, timeZone = STOCKHOLM): string {
  const iso = new TZDate(ms, timeZone).toISOString();
  return iso.replace(/\.000(?=[+-]|Z)/, "");
}

/** `YYYY-MM-DD` of the instant in the zone. */
export function localDate(ms: number, timeZone = STOCKHOLM): string {
  const w = toWallClock(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Adds whole calendar days keeping the wall-clock time (DST-safe). */
export function addLocalDays(ms: number, days: number, timeZone = STOCKHOLM): number {
  const w = toWallClock(ms, timeZone);
  const shifted = new TZDate(w.year, w.month - 1, w.day + days, w.hour, w.minute, w.second ?? 0, timeZone);
  return shifted.getTime();
}

/** Instant of local midnight starting a calendar date; a month of 13 is January of the next year. */
export function localMidnight(year: number, month: number, day: number, timeZone = STOCKHOLM): number {
  return new TZDate(year, month - 1, day, 0, 0, 0, timeZone).getTime();
}

/** Instant of local midnight starting the given local date. */
export function startOfLocalDay(ms: number, timeZone = STOCKHOLM): number {
  const w = toWallClock(ms, timeZone);
  return new TZDate(w.year, w.month - 1, w.day, 0, 0, 0, timeZone).getTime();
}

/** A clock that can be controlled in tests. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
