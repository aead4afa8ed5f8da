/** Swedish texts of help. */
export const help = {
  whatICanDo: "Det här kan jag",
  hiWriteAsYouSpeak: (name: string) => `Hej ${name}! Skriv som du pratar, på svenska eller engelska. Exempel:`,
  iCanFindSchoolsBook: "Det här kan jag: sök skola, boka, flytta, förbered och ställ in dialoger, skriv protokoll, logga framsteg, visa uppdrag och täckning.",
};
