/** Swedish texts of nudgesRunner. */
export const nudgesRunner = {
  reminderDialogueHereIsYour: (range: string) => `Påminnelse: dialog ${range}. Här är förberedelsen.`,
  theDialogueWithOnHas: (p: { name: string; day: string }) => `Dialogen med ${p.name} ${p.day} har inget protokoll än. Vad kom ni överens om?`,
  recordMinutes: "Skriv protokoll",
  switchOffWriteMyReminders: "Stäng av: skriv _mina påminnelser_.",
  ofYourAssignmentsHaveNo: (length: number) => `${length} av dina uppdrag har inga framsteg på 14 dagar.`,
  last: "Senast",
  noProgressLogged: "Inga framsteg loggade",
  logProgress: "Logga framsteg",
};
