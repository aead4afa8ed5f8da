/**
 * Why a conversation can no longer be written to: the connector answered 403 (the bot
 * was removed, or the user blocked it) or 404 (the conversation or team is gone), or we
 * never stored a reference for it (the app was never installed there).
 */
export type ConversationGoneReason = "forbidden" | "not-found" | "no-reference";

/**
 * Thrown by `sendProactive` when a conversation cannot be reached any more. Digests
 * catch it and pause the schedule instead of retrying.
 */
export class TeamsConversationGoneError extends Error {
  override readonly name = "TeamsConversationGoneError";
  constructor(
    readonly conversationId: string,
    readonly reason: ConversationGoneReason,
    readonly statusCode?: number,
  ) {
    super(
      reason === "no-reference"
        ? `No stored conversation reference for Teams conversation ${conversationId}; install the app there first.`
        : `Teams conversation ${conversationId} is gone (Bot Connector answered ${statusCode ?? "?"}).`,
    );
  }
}

export function isTeamsConversationGoneError(error: unknown): error is TeamsConversationGoneError {
  return error instanceof TeamsConversationGoneError;
}
