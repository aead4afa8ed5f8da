import type { Messages } from "../sv";

/** English texts of nudgesRunner; the type makes a key missing from either language a compile error. */
export const nudgesRunner: Messages["nudgesRunner"] = {
  reminderDialogueHereIsYour: (range: string) => `Reminder: dialogue ${range}. Here is your briefing.`,
  theDialogueWithOnHas: (p: { name: string; day: string }) => `The dialogue with ${p.name} on ${p.day} has no minutes yet. What did you agree?`,
  recordMinutes: "Record minutes",
  switchOffWriteMyReminders: "Switch off: write _my reminders_.",
  ofYourAssignmentsHaveNo: (length: number) => `${length} of your assignments have no progress in 14 days.`,
  last: "Last",
  noProgressLogged: "No progress logged",
  logProgress: "Log progress",
};
