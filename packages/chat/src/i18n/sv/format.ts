/** Swedish dates and numbers: short day and month names, decimal comma, typographic minus. */
export const format = {
  weekdaysShort: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
  monthsShort: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  decimalMark: ",",
  minus: "−",
};
