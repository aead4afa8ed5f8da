import type { Messages } from "../sv";

/** English texts of dialogues; the type makes a key missing from either language a compile error. */
export const dialogues: Messages["dialogues"] = {
  digital: "digital",
  show: "Show",
  myUpcomingDialogues: "My upcoming dialogues",
  next: "Next",
  previous: "Previous",
  youHaveUpcomingDialogues: (length: number) => `You have ${length} upcoming dialogues.`,
  choose: "Choose",
  yesCancelIt: "Yes, cancel it",
  noKeepIt: "No, keep it",
  cancelledViaChat: "Cancelled via chat",
  newTime: "New time",
  reschedule: "Reschedule",
  moveHere: "Move here",
};
