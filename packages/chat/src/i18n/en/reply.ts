import type { Messages } from "../sv";

/** English texts of reply; the type makes a key missing from either language a compile error. */
export const reply: Messages["reply"] = {
  cancel: "Cancel",
};
