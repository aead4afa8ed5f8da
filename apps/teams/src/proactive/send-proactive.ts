import type { Message } from "@samverkan/chat";
import { TeamsConversationGoneError } from "../errors";
import { errorStatus } from "../log";
import { messageActivity } from "../render/message-activity";
import type { PostToConversation } from "./post";
import { asProactiveTarget, type ConversationReferences } from "./references";

export interface ProactiveResult {
  /** The new activity's id, as the connector returned it. */
  activityId?: string;
}

export type SendProactive = (conversationId: string, message: Message) => Promise<ProactiveResult>;

/**
 * Posts a message into a conversation the app was installed in, outside any user turn
 * (digests, nudges), as a new top-level post. A 403 (bot removed or blocked) or 404
 * (conversation gone) from the connector becomes `TeamsConversationGoneError`, as does a
 * conversation we hold no reference for; other errors are rethrown as they are.
 */
export function createSendProactive(deps: { post: PostToConversation; references: ConversationReferences }): SendProactive {
  return async (conversationId, message) => {
    const stored = await deps.references.get(conversationId);
    if (!stored) throw new TeamsConversationGoneError(conversationId, "no-reference");
    try {
      const activityId = await deps.post(asProactiveTarget(stored), messageActivity(message));
      return activityId ? { activityId } : {};
    } catch (error) {
      const status = errorStatus(error);
      if (status === 403 || status === 404) throw new TeamsConversationGoneError(conversationId, status === 403 ? "forbidden" : "not-found", status);
      throw error;
    }
  };
}
