/**
 * Calendar arithmetic on plain dates (no instant, no zone). Done in UTC fields so the
 * server's own DST rules never shift a day.
 */

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function civilFromLocal(date: Date): CivilDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

function toUtc(d: CivilDate): Date {
  const utc = new Date(Date.UTC(d.year, d.month - 1, d.day));
  utc.setUTCFullYear(d.year);
  return utc;
}

function fromUtc(utc: Date): CivilDate {
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function addDays(d: CivilDate, days: number): CivilDate {
  const utc = toUtc(d);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

/** ISO weekday: Monday 1 … Sunday 7, the way Swedish calendars count. */
export function isoWeekday(d: CivilDate): number {
  const day = toUtc(d).getUTCDay();
  return day === 0 ? 7 : day;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isValidCivil(d: CivilDate): boolean {
  const back = fromUtc(toUtc(d));
  return back.year === d.year && back.month === d.month && back.day === d.day;
}

/** Monday of ISO week `week` in ISO week-year `year` (week 1 holds 4 January). */
export function mondayOfIsoWeek(year: number, week: number): CivilDate {
  const jan4: CivilDate = { year, month: 1, day: 4 };
  const week1Monday = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(week1Monday, (week - 1) * 7);
}

export function isoWeekOf(d: CivilDate): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const week1Monday = mondayOfIsoWeek(thursday.year, 1);
  const diffDays = Math.round((toUtc(d).getTime() - toUtc(week1Monday).getTime()) / 86_400_000);
  return { year: thursday.year, week: Math.floor(diffDays / 7) + 1 };
}

export function weeksInIsoYear(year: number): number {
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export function formatCivil(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}
