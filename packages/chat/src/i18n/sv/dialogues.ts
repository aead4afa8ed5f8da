/** Swedish texts of dialogues. */
export const dialogues = {
  digital: "digitalt",
  show: "Visa",
  myUpcomingDialogues: "Mina kommande dialoger",
  next: "Nästa",
  previous: "Föregående",
  youHaveUpcomingDialogues: (length: number) => `Du har ${length} kommande dialoger.`,
  choose: "Välj",
  yesCancelIt: "Ja, ställ in",
  noKeepIt: "Nej, behåll",
  cancelledViaChat: "Inställd via chatten",
  newTime: "Ny tid",
  reschedule: "Flytta",
  moveHere: "Flytta hit",
};
