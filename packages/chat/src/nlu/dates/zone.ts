import { tzOffset } from "@date-fns/tz";
import { formatCivil, type CivilDate } from "./civil";

/**
 * Everything that knows about time zones lives here. Parsers work on wall-clock time in the
 * user's zone; this module turns wall clocks into instants with the right DST offset.
 */

export const DEFAULT_TIME_ZONE = "Europe/Stockholm";

export function resolveTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

function offsetMinutes(timeZone: string, instant: Date): number {
  const offset = tzOffset(timeZone, instant);
  return Number.isFinite(offset) ? offset : 0;
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const shifted = new Date(instant.getTime() + offsetMinutes(timeZone, instant) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/**
 * chrono computes in the process's local zone. Handing it a Date whose *local* fields equal
 * the user's wall clock makes its arithmetic happen in the user's calendar, whatever TZ the
 * server runs in.
 */
export function chronoReference(wall: WallClock): Date {
  const ref = new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  ref.setFullYear(wall.year);
  return ref;
}

/** The instant a wall-clock time denotes in `timeZone` (gap times move forward, like clocks do). */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  let instant = new Date(asUtc - offsetMinutes(timeZone, new Date(asUtc)) * 60_000);
  // A second pass settles dates right at a DST change, where the first guess used the other offset.
  instant = new Date(asUtc - offsetMinutes(timeZone, instant) * 60_000);
  return instant;
}

const pad = (n: number): string => String(Math.abs(n)).padStart(2, "0");

/** `2026-11-24T10:00:00+01:00`: local time plus the offset in force at that moment. */
export function formatZoned(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const offset = offsetMinutes(timeZone, instant);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${formatCivil(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
