import { weekdayName } from "@samverkan/sdk";
import type { Locale } from "../cards/model";
import { t } from "../i18n";

const pad = (n: string) => n.padStart(2, "0");

/**
 * A schedule in words for the common shapes (`varje måndag 08:00`, `varje dag 07:30`,
 * `vardagar 08:00`); anything else is shown as its cron pattern with the time zone.
 */
export function describeCron(cron: string, locale: Locale): string {
  const [minute, hour, day, month, weekday, ...rest] = cron.trim().split(/\s+/);
  const msg = t(locale).digestDescribe;
  const simpleTime = minute !== undefined && hour !== undefined && /^\d{1,2}$/.test(minute) && /^\d{1,2}$/.test(hour);
  if (rest.length === 0 && simpleTime && day === "*" && month === "*" && weekday !== undefined) {
    const time = `${pad(hour)}:${pad(minute)}`;
    if (weekday === "*") return msg.everyDay(time);
    if (weekday === "1-5") return msg.weekdays(time);
    if (/^[0-7]$/.test(weekday)) return msg.every({ day: weekdayName(Number(weekday), locale), time });
  }
  return msg.cronSwedishTime(cron);
}
