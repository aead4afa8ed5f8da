import type { Messages } from "../sv";

/** English texts of nudgesSettings; the type makes a key missing from either language a compile error. */
export const nudgesSettings: Messages["nudgesSettings"] = {
  myReminders: "My reminders",
  on: "On",
  off: "Off",
  switchOff: "Switch off",
  switchOn: "Switch on",
  sentAsDirectMessagesNever: "Sent as direct messages, never on weekends or Swedish public holidays.",
  recent: "Recent",
  switchedOn: "Switched on.",
  switchedOff: "Switched off.",
  kindNames: {
    briefing: "Briefing the working day before a dialogue, 08:00",
    minutes: "Minutes missing, the working day after a dialogue, 09:00",
    stale: "Assignments without progress for 14 days, Mondays 09:00",
  },
};
