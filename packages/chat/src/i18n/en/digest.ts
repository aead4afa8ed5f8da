import type { Messages } from "../sv";

/** English texts of digest; the type makes a key missing from either language a compile error. */
export const digest: Messages["digest"] = {
  okayNothingWasChanged: "Okay, nothing was changed.",
  digestsArePostedToA: "Digests are posted to a Slack or Teams channel. Write the command in the channel that should get the digest (invite me there first).",
  thisButtonHasExpiredWrite: "This button has expired. Write the digest command again.",
  confirmTheDigestInThe: "Confirm the digest in the channel where you created it.",
  doneTheDigestIsCreated: "Done! The digest is created.",
  pausedBy: (name: string) => `Paused by ${name}`,
  theDigestIsPaused: "The digest is paused.",
  theDigestIsRunningAgain: "The digest is running again.",
  digestIsRemoved: (ref: string) => `Digest ${ref} is removed.`,
  preview: (p: { ref: string; wouldBeSkipped: boolean }) =>
    `Preview of ${p.ref} as it would look now.${p.wouldBeSkipped ? " There is nothing new, so it would not be posted." : ""}`,
};
