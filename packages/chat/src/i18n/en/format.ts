import type { Messages } from "../sv";

/** English dates and numbers. */
export const format: Messages["format"] = {
  weekdaysShort: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  decimalMark: ".",
  minus: "-",
};
