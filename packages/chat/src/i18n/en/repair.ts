import type { Messages } from "../sv";

/** English texts of repair; the type makes a key missing from either language a compile error. */
export const repair: Messages["repair"] = {
  weAreStillInThe: (name: string) => `_We are still in the middle of ${name}: answer my last question to go on, or write cancel._`,
  flowNames: {
    book: "the booking",
    reschedule: "rescheduling the dialogue",
    cancel: "cancelling the dialogue",
    progress: "logging progress",
  },
};
