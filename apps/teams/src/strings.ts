/**
 * The few sentences the Teams transport says itself (everything else comes from the
 * engine). Swedish first; English for users whose Teams client is in English, or after
 * the Swedish text when we cannot know who is asking.
 */
export interface Text {
  sv: string;
  en: string;
}

export const strings = {
  notConnected: {
    sv: "Den här organisationen är inte ansluten till Samverkan.",
    en: "This organisation is not connected to Samverkan.",
  },
  noIdentity: {
    sv: "Jag kan inte se vilket Microsoft-konto du skriver från, så jag kan inte hjälpa dig med Samverkan här. Skriv till mig i en personlig chatt i Teams.",
    en: "I can't tell which Microsoft account you are writing from, so I can't help you with Samverkan here. Write to me in a personal chat in Teams.",
  },
  somethingWrong: {
    sv: "Något gick fel hos mig. Försök igen om en stund; felet är loggat.",
    en: "Something went wrong on my side. Please try again shortly; the error has been logged.",
  },
  openForm: { sv: "Öppna formulär", en: "Open form" },
  answeredBelow: { sv: "Svaret kommer i chatten.", en: "The answer is in the chat." },
  formOpensInDialog: { sv: "Formuläret öppnas i en dialogruta.", en: "The form opens in a dialog." },
  dialogExpired: {
    sv: "Formuläret har gått ut. Börja om, till exempel med ”boka dialog”.",
    en: "The form has expired. Start again, e.g. with 'book a dialogue'.",
  },
  buttonExpired: {
    sv: "Den här knappen fungerar inte längre. Börja om, till exempel med ”boka dialog”.",
    en: "This button no longer works. Start again, e.g. with 'book a dialogue'.",
  },
  typeSchoolName: {
    sv: "Skriv namnet på en skola eller en skolenhetskod, till exempel Rinkebyskolan eller 39907811.",
    en: "Type a school's name or school unit code, e.g. Rinkebyskolan or 39907811.",
  },
  noSchoolFound: (query: string) => ({
    sv: `Hittade ingen skola som matchar "${query}".`,
    en: `Found no school matching "${query}".`,
  }),
  welcome: {
    sv: "Hej! Jag är Samverkan. Skriv till exempel **sök Rinkebyskolan**, **boka dialog** eller **hjälp**.",
    en: "Hi! I'm Samverkan. Write for example **search Rinkebyskolan**, **book a dialogue** or **help**.",
  },
} satisfies Record<string, Text | ((query: string) => Text)>;

export function say(text: Text, locale: "sv" | "en"): string {
  return text[locale];
}

/** Swedish, then English in italics: for when we do not know the reader's language. */
export function bothLanguages(text: Text): string {
  return `${text.sv}\n\n_${text.en}_`;
}
