/**
 * Swedish public holidays (allmänna helgdagar, lag 1989:253) and the eves that agencies
 * treat as days off (julafton, midsommarafton, nyårsafton). Computed, not listed, so
 * every year works: Easter by the Gregorian computus, the movable Saturday holidays by
 * their date windows.
 */
export interface SwedishHoliday {
  /** `YYYY-MM-DD` */
  date: string;
  name: { sv: string; en: string };
  /** `public`: an allmän helgdag by law; `eve`: a day off by agreement (afton). */
  kind: "public" | "eve";
}

/** Easter Sunday (month 1-12, day) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** Calendar arithmetic in UTC: holidays are dates, not instants, so no zone can shift them. */
function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function plusDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

/** The first date in [from, from+6] that falls on the ISO weekday (1 = Monday … 6 = Saturday, 7 = Sunday). */
function weekdayInWindow(year: number, month: number, fromDay: number, isoWeekday: number): Date {
  const start = utcDate(year, month, fromDay);
  const startIso = start.getUTCDay() === 0 ? 7 : start.getUTCDay();
  return plusDays(start, (isoWeekday - startIso + 7) % 7);
}

const cache = new Map<number, SwedishHoliday[]>();

/** Every holiday and day-off eve of the year, in date order. */
export function swedishHolidays(year: number): SwedishHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const e = easterSunday(year);
  const easter = utcDate(year, e.month, e.day);
  const midsummerDay = weekdayInWindow(year, 6, 20, 6);
  const allSaints = weekdayInWindow(year, 10, 31, 6);
  const pub = (d: Date, sv: string, en: string): SwedishHoliday => ({ date: iso(d), name: { sv, en }, kind: "public" });
  const eve = (d: Date, sv: string, en: string): SwedishHoliday => ({ date: iso(d), name: { sv, en }, kind: "eve" });
  const list = [
    pub(utcDate(year, 1, 1), "nyårsdagen", "New Year's Day"),
    pub(utcDate(year, 1, 6), "trettondedag jul", "Epiphany"),
    pub(plusDays(easter, -2), "långfredagen", "Good Friday"),
    pub(easter, "påskdagen", "Easter Sunday"),
    pub(plusDays(easter, 1), "annandag påsk", "Easter Monday"),
    pub(utcDate(year, 5, 1), "första maj", "May Day"),
    pub(plusDays(easter, 39), "Kristi himmelsfärdsdag", "Ascension Day"),
    pub(plusDays(easter, 49), "pingstdagen", "Whit Sunday"),
    pub(utcDate(year, 6, 6), "Sveriges nationaldag", "National Day of Sweden"),
    eve(plusDays(midsummerDay, -1), "midsommarafton", "Midsummer Eve"),
    pub(midsummerDay, "midsommardagen", "Midsummer Day"),
    pub(allSaints, "alla helgons dag", "All Saints' Day"),
    eve(utcDate(year, 12, 24), "julafton", "Christmas Eve"),
    pub(utcDate(year, 12, 25), "juldagen", "Christmas Day"),
    pub(utcDate(year, 12, 26), "annandag jul", "Boxing Day"),
    eve(utcDate(year, 12, 31), "nyårsafton", "New Year's Eve"),
  ].sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}

/** The holiday or day-off eve on a `YYYY-MM-DD` date, if any. */
export function swedishHoliday(date: string): SwedishHoliday | undefined {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year)) return undefined;
  return swedishHolidays(year).find((h) => h.date === date);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * A Swedish working day: one of the working weekdays (Monday–Friday unless configured)
 * and neither a public holiday nor a day-off eve.
 */
export function isSwedishWorkingDay(date: string, workingDays: readonly number[] = [1, 2, 3, 4, 5]): boolean {
  return workingDays.includes(isoWeekdayOf(date)) && swedishHoliday(date) === undefined;
}

/** The working day before `date` (`YYYY-MM-DD`), skipping weekends and holidays. */
export function previousSwedishWorkingDay(date: string, workingDays: readonly number[] = [1, 2, 3, 4, 5]): string {
  let d = plusDays(new Date(`${date}T00:00:00Z`), -1);
  while (!isSwedishWorkingDay(iso(d), workingDays)) d = plusDays(d, -1);
  return iso(d);
}
