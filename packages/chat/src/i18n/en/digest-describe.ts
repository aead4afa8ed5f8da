import type { Messages } from "../sv";

/** English texts of digestDescribe; the type makes a key missing from either language a compile error. */
export const digestDescribe: Messages["digestDescribe"] = {
  everyDay: (time: string) => `every day ${time}`,
  weekdays: (time: string) => `weekdays ${time}`,
  every: (p: { day: string; time: string }) => `every ${p.day} ${p.time}`,
  cronSwedishTime: (cron: string) => `cron "${cron}" (Swedish time)`,
};
