import type { Messages } from "../sv";

/** English texts of organizer; the type makes a key missing from either language a compile error. */
export const organizer: Messages["organizer"] = {
  whichOrganizerWriteEG: "Which organizer? Write e.g. *show organizer Borås kommun*.",
  show: "Show",
  type: "Type",
  municipality: "Municipality",
  organisationNumber: "Organisation number",
  schoolUnits: "School units",
  national: "national",
  noResultsInTheRegister: "No results in the register",
  schoolUnitsAndLatestResults: "**School units and latest results**",
  andMore: (value: number) => `…and ${value} more.`,
  flaggedUnitsLowResults: "**Flagged units** (low results)",
  noUnitsAreFlaggedBy: "No units are flagged by the selection.",
  upcomingDialogues: "**Upcoming dialogues**",
  noneBooked: "None booked.",
  pastDialogues: "**Past dialogues**",
  noneYet: "None yet.",
  openPlansAndAssignments: "**Open plans and assignments**",
  plansNoOpenAssignments: (length: number) => `${length} plans, no open assignments.`,
  noPlans: "No plans.",
  bookADialogue: "Book a dialogue",
  schoolUnits2: "school units",
};
