import type { Messages } from "../sv";

/** English texts of dialogues; the type makes a key missing from either language a compile error. */
export const dialogues: Messages["dialogues"] = {
  booked: "Booked",
  noUpcomingDialogues: "No upcoming dialogues.",
  cancelled: "Cancelled",
  rescheduled: "Rescheduled",
  held: "Held",
};
