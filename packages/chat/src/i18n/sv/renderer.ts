import type { RendererStrings } from "../../cards/strings";

/** The few Swedish words renderers add themselves (pages, form hints and errors). */
export const renderer: RendererStrings = {
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
