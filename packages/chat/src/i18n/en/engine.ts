import type { Messages } from "../sv";

/** English texts of engine; the type makes a key missing from either language a compile error. */
export const engine: Messages["engine"] = {
  thereIsNothingToConfirm: "There is nothing to confirm right now.",
  theAssignmentIsMissingOpen: "The assignment is missing; open the form again.",
  theDialogueIsMissingOpen: "The dialogue is missing; open the form again.",
};
