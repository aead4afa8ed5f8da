import type { Messages } from "../sv";

/** English texts of calendar; the type makes a key missing from either language a compile error. */
export const calendar: Messages["calendar"] = {
  theFeedIsRevoked: "The feed is revoked.",
  thereWasNoFeed: "There was no feed.",
  theOutboxIsEmpty: "The outbox is empty.",
  next: "next",
  sentRetryingLaterFailed: (p: { sent: number; retrying: number; failed: number }) => `Sent ${p.sent}, retrying later ${p.retrying}, failed ${p.failed}.`,
};
