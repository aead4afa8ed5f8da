import type { Locale } from "../cards/model";

const DAYS = {
  sv: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
} as const;

const pad = (n: string) => n.padStart(2, "0");

/**
 * A schedule in words for the common shapes (`varje måndag 08:00`, `varje dag 07:30`,
 * `vardagar 08:00`); anything else is shown as its cron pattern with the time zone.
 */
export function describeCron(cron: string, locale: Locale): string {
  const [minute, hour, day, month, weekday, ...rest] = cron.trim().split(/\s+/);
  const sv = locale === "sv";
  const simpleTime = minute !== undefined && hour !== undefined && /^\d{1,2}$/.test(minute) && /^\d{1,2}$/.test(hour);
  if (rest.length === 0 && simpleTime && day === "*" && month === "*" && weekday !== undefined) {
    const time = `${pad(hour)}:${pad(minute)}`;
    if (weekday === "*") return sv ? `varje dag ${time}` : `every day ${time}`;
    if (weekday === "1-5") return sv ? `vardagar ${time}` : `weekdays ${time}`;
    if (/^[0-7]$/.test(weekday)) return sv ? `varje ${DAYS.sv[Number(weekday)]} ${time}` : `every ${DAYS.en[Number(weekday)]} ${time}`;
  }
  return sv ? `cron "${cron}" (svensk tid)` : `cron "${cron}" (Swedish time)`;
}
