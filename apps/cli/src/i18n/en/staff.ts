import type { Messages } from "../sv";

/** English texts of staff; the type makes a key missing from either language a compile error. */
export const staff: Messages["staff"] = {
  added: "Added",
  noStaffYetAddOne: "No staff yet. Add one with `samverkan staff add`.",
};
