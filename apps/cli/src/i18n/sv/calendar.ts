/** Swedish texts of calendar. */
export const calendar = {
  theFeedIsRevoked: "Flödet är avstängt.",
  thereWasNoFeed: "Det fanns inget flöde.",
  theOutboxIsEmpty: "Utkorgen är tom.",
  next: "nästa",
  sentRetryingLaterFailed: (p: { sent: number; retrying: number; failed: number }) =>
    `Skickade ${p.sent}, försöker igen senare ${p.retrying}, misslyckades ${p.failed}.`,
};
