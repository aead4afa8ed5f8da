/** Swedish numbers: decimal comma, typographic minus. (Day and month names come from Intl, via the SDK's time-format.) */
export const format = {
  decimalMark: ",",
  minus: "−",
};
