/** Swedish texts of repair. */
export const repair = {
  weAreStillInThe: (name: string) => `_Vi är fortfarande mitt i ${name}: svara på min förra fråga för att fortsätta, eller skriv avbryt._`,
  flowNames: {
    book: "bokningen",
    reschedule: "flytten av dialogen",
    cancel: "inställningen av dialogen",
    progress: "loggningen av framsteg",
  },
};
