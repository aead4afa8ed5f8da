import type { RendererStrings } from "../../cards/strings";

/** The few English words renderers add themselves (pages, form hints and errors). */
export const renderer: RendererStrings = {
  page: (index, count) => `Page ${index} of ${count}`,
  moreItems: (count) => `… and ${count} more`,
  truncatedMessage: "… (message shortened)",
  selectPlaceholder: "Choose …",
  noOptions: "There are no options to choose from.",
  cancel: "Cancel",
  formFallbackTitle: "Form",
  required: "required",
  yes: "yes",
  no: "no",
  dateHint: "YYYY-MM-DD",
  timeHint: "HH:MM",
  numberHint: (min, max) =>
    min !== undefined && max !== undefined
      ? `a number ${min}–${max}`
      : min !== undefined
        ? `a number, at least ${min}`
        : max !== undefined
          ? `a number, at most ${max}`
          : "a number",
  errors: {
    required: (label) => `Enter ${label.toLowerCase()}.`,
    choose: (label) => `Choose ${label.toLowerCase()}.`,
    notANumber: "Enter a number.",
    notAWholeNumber: "Enter a whole number.",
    tooSmall: (min) => `Enter at least ${min}.`,
    tooLarge: (max) => `Enter at most ${max}.`,
    tooLong: (max) => `At most ${max} characters.`,
    badDate: "Enter the date as YYYY-MM-DD.",
    badTime: "Enter the time as HH:MM.",
    unknownOption: "Choose one of the options.",
  },
};
