import type { ActivityParams, Client as ApiClient } from "@microsoft/teams.api";
import type { OutgoingActivity } from "../turn/turn";
import type { ProactiveTarget } from "./references";

/**
 * Posts an activity into a conversation outside any user turn, as a new top-level post
 * (never a reply), and resolves with the connector's id for it. Connector errors are
 * thrown as they come (their status is read with `errorStatus`): 403 means the bot was
 * removed or blocked, 404 that the conversation is gone. 429 and 5xx are retried first.
 *
 * This is the one proactive seam: digests, `sendProactive` and nudges all post through it.
 */
export type PostToConversation = (target: ProactiveTarget, activity: OutgoingActivity) => Promise<string | undefined>;

/** The seam over the Teams SDK's Bot Connector client (its token provider and retries), at each target's own serviceUrl. */
export function createPostToConversation(api: ApiClient): PostToConversation {
  return async (target, activity) => {
    const client = api.clone({ serviceUrl: target.serviceUrl.replace(/\/+$/, "") });
    const params = { ...activity, channelId: target.channelId, from: target.bot, conversation: target.conversation } as unknown as ActivityParams;
    const sent = await client.conversations.createActivity(target.conversation.id, params);
    return sent.id || undefined;
  };
}
