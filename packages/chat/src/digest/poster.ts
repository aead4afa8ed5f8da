import type { DigestTarget } from "@samverkan/sdk";
import type { Message } from "../cards/model";

/** Posts one digest to one channel. Slack and Teams each provide one; tests record. */
export interface DigestPoster {
  post(target: DigestTarget, message: Message): Promise<void>;
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
