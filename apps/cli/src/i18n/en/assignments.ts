import type { Messages } from "../sv";

/** English texts of assignments; the type makes a key missing from either language a compile error. */
export const assignments: Messages["assignments"] = {
  planCreated: "Plan created",
  created: "Created",
  noAssignments: "No assignments.",
  phase: "Phase",
  done: "Done",
  due: "Due",
  noProgressLoggedYet: "No progress logged yet.",
  loggedOn: (upperCase: string) => `Logged on ${upperCase}.`,
};
