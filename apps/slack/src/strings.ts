/** What the transport itself says (everything else comes from the engine), Swedish first. */
export const slackStrings = {
  /** A workspace that is not on SLACK_ALLOWED_TEAM_IDS. */
  foreignTeam: "Den här Slack-arbetsytan är inte ansluten till Samverkan.",
  /** A Slack Connect user from another organisation in a shared channel. */
  externalUser:
    "Samverkan är bara öppet för medarbetare i den anslutna arbetsytan, så jag kan inte hjälpa dig här. " +
    "_Samverkan is only available to members of the connected workspace._",
  /** A form answer that arrived after Slack's 3-second window, with errors the modal could no longer show. */
  lateFormErrors: (lines: string[]) => `Formuläret kunde inte sparas:\n${lines.map((line) => `• ${line}`).join("\n")}\nÖppna det igen och rätta uppgifterna.`,
  /** The answer queue is full (overload); Swedish first, English in italics as for guests. */
  busy: "Jag har väldigt mycket att göra just nu. Försök igen om en liten stund. _I am very busy right now; please try again in a moment._",
  /** Posting into the conversation failed; the answer went to the user's DM instead. */
  movedToDm: "Jag kunde inte svara i kanalen (jag är kanske inte medlem där), så här är svaret i stället.",
} as const;
