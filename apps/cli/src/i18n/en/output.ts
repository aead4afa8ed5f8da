import type { Messages } from "../sv";

/** English texts of output; the type makes a key missing from either language a compile error. */
export const output: Messages["output"] = {
  error: "Error",
};
