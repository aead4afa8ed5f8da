/** Swedish texts of digest. */
export const digest = {
  okayNothingWasChanged: "Okej, inget har ändrats.",
  digestsArePostedToA: "Digests skickas till en Slack- eller Teams-kanal. Skriv kommandot i kanalen som ska få digesten (bjud in mig dit först).",
  thisButtonHasExpiredWrite: "Den här knappen har gått ut. Skriv digest-kommandot igen.",
  confirmTheDigestInThe: "Bekräfta digesten i kanalen där du skapade den.",
  doneTheDigestIsCreated: "Klart! Digesten är skapad.",
  pausedBy: (name: string) => `Pausad av ${name}`,
  theDigestIsPaused: "Digesten är pausad.",
  theDigestIsRunningAgain: "Digesten är igång igen.",
  digestIsRemoved: (ref: string) => `Digest ${ref} är borttagen.`,
  preview: (p: { ref: string; wouldBeSkipped: boolean }) =>
    `Förhandsvisning av ${p.ref}, så som den skulle se ut nu.${p.wouldBeSkipped ? " Det finns inget nytt, så den skulle inte postas." : ""}`,
};
