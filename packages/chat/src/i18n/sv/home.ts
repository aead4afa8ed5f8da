/** Swedish texts of home. */
export const home = {
  hi: (name: string) => `Hej ${name}!`,
  myUpcomingDialogues: "Mina kommande dialoger",
  show: "Visa",
  noUpcomingDialogues: "Inga kommande dialoger.",
  myAssignments: "Mina uppdrag",
  lastProgress: "senaste framsteg",
  logProgress: "Logga framsteg",
  noOpenAssignments: "Inga pågående uppdrag.",
  coverage: "Täckning",
  bookDialogue: "Boka dialog",
  samverkanHome: "Samverkan – hem",
};
