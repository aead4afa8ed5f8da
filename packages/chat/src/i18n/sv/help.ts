/** Swedish texts of help. */
export const help = {
  whatICanDo: "Det här kan jag",
  hiWriteAsYouSpeak: (name: string) => `Hej ${name}! Skriv som du pratar, på svenska eller engelska. Exempel:`,
  iCanFindSchoolsBook: "Det här kan jag: sök skola, boka, flytta, förbered och ställ in dialoger, skriv protokoll, logga framsteg, visa uppdrag och täckning.",
  examples: [
    { label: "Sök skola", example: "sök Rinkebyskolan · harnosand · 39907811" },
    { label: "Boka dialog", example: "boka dialog med Borås kommun imorgon kl 10 i Göteborg" },
    { label: "Mina dialoger", example: "mina dialoger" },
    { label: "Flytta", example: "flytta dialogen med Borås kommun till fredag kl 13" },
    { label: "Ställ in", example: "avboka dialogen med Borås kommun" },
    { label: "Förbered dialog", example: "förbered dialogen med Borås kommun" },
    { label: "Protokoll efteråt", example: "dialogen med Borås kommun är genomförd" },
    { label: "Påminnelser", example: "mina påminnelser" },
    { label: "Logga framsteg", example: "logga U-12 60 % klar med kartläggningen" },
    { label: "Visa uppdrag", example: "visa U-12 · mina uppdrag" },
    { label: "Täckning", example: "täckning · täckning i Skåne län · täckning för Malmökontoret" },
    { label: "Huvudman", example: "visa huvudman Borås kommun" },
    { label: "Rangordna skolor", example: "vilka skolor i Malmö har lägst meritvärde?" },
    { label: "Sammanfattning i kanalen", example: "digest varje måndag 08:00 län 22 · digest lista" },
    { label: "Avbryt", example: "avbryt (när som helst)" },
  ],
};
