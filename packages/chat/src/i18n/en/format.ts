import type { Messages } from "../sv";

/** English numbers. */
export const format: Messages["format"] = {
  decimalMark: ".",
  minus: "-",
};
