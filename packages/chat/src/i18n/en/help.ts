import type { Messages } from "../sv";

/** English texts of help; the type makes a key missing from either language a compile error. */
export const help: Messages["help"] = {
  whatICanDo: "What I can do",
  hiWriteAsYouSpeak: (name: string) => `Hi ${name}! Write as you speak, in Swedish or English. Examples:`,
  iCanFindSchoolsBook: "I can find schools, book, move, prepare and cancel dialogues, record minutes, log progress, show assignments and coverage.",
};
