import type { Messages } from "../sv";

/** English texts of help; the type makes a key missing from either language a compile error. */
export const help: Messages["help"] = {
  whatICanDo: "What I can do",
  hiWriteAsYouSpeak: (name: string) => `Hi ${name}! Write as you speak, in Swedish or English. Examples:`,
  iCanFindSchoolsBook: "I can find schools, book, move, prepare and cancel dialogues, record minutes, log progress, show assignments and coverage.",
  examples: [
    { label: "Find a school", example: "search Rinkebyskolan · harnosand · 39907811" },
    { label: "Book a dialogue", example: "book a dialogue with Borås kommun tomorrow at 10 in Göteborg" },
    { label: "My dialogues", example: "my dialogues" },
    { label: "Reschedule", example: "move the dialogue with Borås kommun to Friday at 1pm" },
    { label: "Cancel", example: "cancel the dialogue with Borås kommun" },
    { label: "Prepare a dialogue", example: "prepare the dialogue with Borås kommun" },
    { label: "Minutes afterwards", example: "record minutes for the dialogue with Borås kommun" },
    { label: "Reminders", example: "my reminders" },
    { label: "Log progress", example: "log U-12 60% mapping done" },
    { label: "Show assignment", example: "show U-12 · my assignments" },
    { label: "Coverage", example: "coverage · coverage in Skåne county · coverage for the Malmö office" },
    { label: "Organizer", example: "show organizer Borås kommun" },
    { label: "Rank schools", example: "which schools in Malmö have the lowest merit value?" },
    { label: "Channel digest", example: "digest every monday 08:00 county 22 · digest list" },
    { label: "Stop", example: "cancel (at any time)" },
  ],
};
