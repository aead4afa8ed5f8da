import { addDays, isoWeekOf, mondayOfIsoWeek, weeksInIsoYear, type CivilDate } from "./civil";

/**
 * Monday of "vecka N" as Swedes mean it: this year's week N, or next year's once it has passed.
 * The current week counts as this week even when some of its days are gone.
 */
export function resolveIsoWeek(week: number, today: CivilDate): CivilDate | undefined {
  if (!Number.isInteger(week) || week < 1 || week > 53) return undefined;
  const current = isoWeekOf(today);
  const year = week >= current.week ? current.year : current.year + 1;
  if (week > weeksInIsoYear(year)) return undefined;
  return mondayOfIsoWeek(year, week);
}

export function sundayOf(monday: CivilDate): CivilDate {
  return addDays(monday, 6);
}
