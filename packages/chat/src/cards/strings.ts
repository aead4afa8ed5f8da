import type { Locale } from "./model";

/** The few words renderers add themselves; everything else comes from the flows. */
export interface RendererStrings {
  page: (index: number, count: number) => string;
  moreItems: (count: number) => string;
  truncatedMessage: string;
  selectPlaceholder: string;
  noOptions: string;
  cancel: string;
  formFallbackTitle: string;
  required: string;
  yes: string;
  no: string;
  dateHint: string;
  timeHint: string;
  numberHint: (min: number | undefined, max: number | undefined) => string;
  errors: {
    required: (label: string) => string;
    choose: (label: string) => string;
    notANumber: string;
    notAWholeNumber: string;
    tooSmall: (min: number) => string;
    tooLarge: (max: number) => string;
    tooLong: (max: number) => string;
    badDate: string;
    badTime: string;
    unknownOption: string;
  };
}

const sv: RendererStrings = {
  page: (index, count) => `Sida ${index} av ${count}`,
  moreItems: (count) => `… och ${count} till`,
  truncatedMessage: "… (meddelandet kortades)",
  selectPlaceholder: "Välj …",
  noOptions: "Det finns inga alternativ att välja.",
  cancel: "Avbryt",
  formFallbackTitle: "Formulär",
  required: "obligatoriskt",
  yes: "ja",
  no: "nej",
  dateHint: "ÅÅÅÅ-MM-DD",
  timeHint: "TT:MM",
  numberHint: (min, max) =>
    min !== undefined && max !== undefined
      ? `ett tal ${min}–${max}`
      : min !== undefined
        ? `ett tal, minst ${min}`
        : max !== undefined
          ? `ett tal, högst ${max}`
          : "ett tal",
  errors: {
    required: (label) => `Fyll i ${label.toLowerCase()}.`,
    choose: (label) => `Välj ${label.toLowerCase()}.`,
    notANumber: "Ange ett tal.",
    notAWholeNumber: "Ange ett heltal.",
    tooSmall: (min) => `Ange minst ${min}.`,
    tooLarge: (max) => `Ange högst ${max}.`,
    tooLong: (max) => `Högst ${max} tecken.`,
    badDate: "Ange datum som ÅÅÅÅ-MM-DD.",
    badTime: "Ange tid som TT:MM.",
    unknownOption: "Välj ett av alternativen.",
  },
};

const en: RendererStrings = {
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

export function rendererStrings(locale: Locale | undefined): RendererStrings {
  return locale === "en" ? en : sv;
}
