import type { Messages } from "../sv";

/** English texts of terminalChat; the type makes a key missing from either language a compile error. */
export const terminalChat: Messages["terminalChat"] = {
  writeCancelToStop: "(write cancel to stop)",
  formCancelled: "Form cancelled.",
  hiWriteToMeAs: (name: string) => `Hi ${name}! Write to me as in Slack or Teams. Write *help* for examples and *quit* to leave.`,
  bye: "Bye!",
};
