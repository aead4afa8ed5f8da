import type { IActivityContext } from "@microsoft/teams.apps";
import type { ActivityLike } from "@microsoft/teams.api";

/** An activity the bot sends: a message (text or card attachments) or a typing indicator. */
export interface OutgoingActivity {
  type: "message" | "typing";
  text?: string;
  textFormat?: "plain" | "markdown" | "xml";
  summary?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
}

/**
 * One inbound activity and a way to answer it: what the handlers need from the SDK's
 * context, so they stay small and testable and the SDK stays at the edge.
 */
export interface Turn {
  /** The inbound activity as Teams sent it (validated where it is read). */
  readonly activity: unknown;
  /** Sends into the turn's conversation as a reply to the inbound activity; resolves with the new activity's id. */
  send(activity: OutgoingActivity): Promise<string | undefined>;
}

/** The SDK's activity context as a `Turn`. Replies carry `replyToId`, as botbuilder's did. */
export function turnOf(ctx: Pick<IActivityContext, "activity" | "send">): Turn {
  const replyToId = ctx.activity.id;
  return {
    activity: ctx.activity,
    async send(activity) {
      const sent = await ctx.send({ ...activity, ...(replyToId ? { replyToId } : {}) } as ActivityLike);
      return sent.id;
    },
  };
}
