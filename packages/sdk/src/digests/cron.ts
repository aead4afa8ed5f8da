import { ValidationError } from "../errors";

/**
 * Checks a digest's five-field cron pattern (minute hour day-of-month month day-of-week)
 * without a cron library, so the SDK stays dependency-light; the scheduler in
 * @samverkan/chat evaluates it with croner. Minute and hour must be fixed values: a digest
 * is posted at set times of day, never every minute, and fixed times behave predictably
 * across daylight-saving changes.
 */
export function checkDigestCron(pattern: string): string {
  const normalized = pattern.trim().replace(/\s+/g, " ");
  const fields = normalized.split(" ");
  const fail = (sv: string, en: string): never => {
    throw ValidationError.field("cron", { sv: `cron: ${sv}`, en: `cron: ${en}` });
  };
  if (fields.length !== 5) {
    fail(
      `"${pattern}" ska ha fem fält: minut timme dag månad veckodag, till exempel "0 8 * * 1" (måndagar 08:00).`,
      `"${pattern}" needs five fields: minute hour day month weekday, e.g. "0 8 * * 1" (Mondays 08:00).`,
    );
  }
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  if (!isFixedList(minute, 0, 59, 1)) fail("minuten ska vara ett tal 0–59.", "the minute must be one number 0–59.");
  if (!isFixedList(hour, 0, 23, 6)) fail("timmen ska vara ett tal 0–23 (eller några, t.ex. 8,13).", "the hour must be a number 0–23 (or a few, e.g. 8,13).");
  if (!isField(day, 1, 31, {})) fail(`ogiltig dag "${day}".`, `invalid day "${day}".`);
  if (!isField(month, 1, 12, {})) fail(`ogiltig månad "${month}".`, `invalid month "${month}".`);
  if (!isField(weekday, 0, 7, WEEKDAY_NAMES)) fail(`ogiltig veckodag "${weekday}" (0–7 eller MON–SUN).`, `invalid weekday "${weekday}" (0–7 or MON–SUN).`);
  return normalized;
}

const WEEKDAY_NAMES: Record<string, number> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };

function isFixedList(field: string, min: number, max: number, maxItems: number): boolean {
  const items = field.split(",");
  return items.length <= maxItems && items.every((item) => /^\d{1,2}$/.test(item) && Number(item) >= min && Number(item) <= max);
}

function isField(field: string, min: number, max: number, names: Record<string, number>): boolean {
  const value = (text: string): number | undefined => {
    const named = names[text.toUpperCase()];
    if (named !== undefined) return named;
    return /^\d{1,2}$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined;
  };
  return field.split(",").every((item) => {
    const [range, step, extra] = item.split("/");
    if (extra !== undefined || range === undefined) return false;
    if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) >= 1)) return false;
    if (range === "*") return true;
    const [from, to, more] = range.split("-");
    if (more !== undefined || from === undefined) return false;
    const a = value(from);
    if (a === undefined) return false;
    if (to === undefined) return step === undefined;
    const b = value(to);
    return b !== undefined && a <= b;
  });
}
