/** Swedish texts of digestDescribe. */
export const digestDescribe = {
  everyDay: (time: string) => `varje dag ${time}`,
  weekdays: (time: string) => `vardagar ${time}`,
  every: (p: { day: string; time: string }) => `varje ${p.day} ${p.time}`,
  cronSwedishTime: (cron: string) => `cron "${cron}" (svensk tid)`,
};
