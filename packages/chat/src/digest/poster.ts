import type { DigestTarget } from "@samverkan/sdk";
import type { Message } from "../cards/model";

/** Which run a post belongs to: carried with the post where the platform allows (Slack metadata). */
export interface DigestDelivery {
  runId: string;
  /** `D-3`. */
  subscriptionRef: string;
  /** The occurrence as UTC ISO. */
  periodKey: string;
  /** No post for this run can be older than this (the occurrence itself). */
  notBefore: Date;
}

/**
 * Posts one digest to one channel. Slack and Teams each provide one; tests record.
 * `post` resolves with the platform's id for the new message when it has one (Slack ts,
 * Teams activity id); the scheduler records it before finishing the run.
 */
export interface DigestPoster {
  post(target: DigestTarget, message: Message, delivery?: DigestDelivery): Promise<string | undefined | void>;
  /**
   * Looks for a post of this run already in the channel (a post whose answer was lost, or a
   * crash after posting). Resolves with its id, or undefined when there is none. Platforms
   * that cannot look (Teams) leave it out.
   */
  findPosted?(target: DigestTarget, delivery: DigestDelivery): Promise<string | undefined>;
}

/**
 * The channel cannot be posted to any more (bot removed, channel archived or deleted).
 * Retrying will not help, so the scheduler pauses the subscription with the reason
 * instead of failing every week.
 */
export class DigestChannelGoneError extends Error {
  constructor(
    /** Short platform reason, e.g. `not_in_channel` or `teams 403`. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The digest channel is gone: ${reason}`, options);
    this.name = "DigestChannelGoneError";
  }
}

export function isDigestChannelGone(error: unknown): error is DigestChannelGoneError {
  return error instanceof DigestChannelGoneError;
}
