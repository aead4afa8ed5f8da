import type { Messages } from "../sv";

/** English texts of home; the type makes a key missing from either language a compile error. */
export const home: Messages["home"] = {
  hi: (name: string) => `Hi ${name}!`,
  myUpcomingDialogues: "My upcoming dialogues",
  show: "Show",
  noUpcomingDialogues: "No upcoming dialogues.",
  myAssignments: "My assignments",
  lastProgress: "last progress",
  logProgress: "Log progress",
  noOpenAssignments: "No open assignments.",
  coverage: "Coverage",
  bookDialogue: "Book dialogue",
  samverkanHome: "Samverkan – home",
};
