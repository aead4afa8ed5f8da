/** Swedish texts of dialogues. */
export const dialogues = {
  booked: "Bokad",
  noUpcomingDialogues: "Inga kommande dialoger.",
  cancelled: "Inställd",
  rescheduled: "Flyttad",
  held: "Genomförd",
};
