import type { Message } from "@samverkan/chat";
import type { CloudAdapterBase } from "botbuilder";
import { TeamsConversationGoneError } from "../errors";
import { errorStatus } from "../log";
import { messageActivity } from "../render/message-activity";
import { asConversationReference, type ConversationReferences } from "./references";

export interface ProactiveResult {
  /** The new activity's id, as the connector returned it. */
  activityId?: string;
}

export type SendProactive = (conversationId: string, message: Message) => Promise<ProactiveResult>;

/**
 * Posts a message into a conversation the app was installed in, outside any user turn
 * (digests). A new top-level post, not a reply: botbuilder's continuation activity has a
 * made-up id that must not become `replyToId`. A 403 (bot removed or blocked) or 404
 * (conversation gone) from the connector becomes `TeamsConversationGoneError`, as does a
 * conversation we hold no reference for; other errors are rethrown as they are.
 */
export function createSendProactive(deps: { adapter: CloudAdapterBase; appId: string; references: ConversationReferences }): SendProactive {
  return async (conversationId, message) => {
    const stored = await deps.references.get(conversationId);
    if (!stored) throw new TeamsConversationGoneError(conversationId, "no-reference");
    let failure: unknown;
    let activityId: string | undefined;
    await deps.adapter.continueConversationAsync(deps.appId, asConversationReference(stored), async (context) => {
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      try {
        activityId = (await context.sendActivity(messageActivity(message)))?.id;
      } catch (error) {
        // Caught here: errors thrown inside the turn would go to onTurnError and vanish.
        failure = error;
      }
    });
    if (failure !== undefined) {
      const status = errorStatus(failure);
      if (status === 403 || status === 404) throw new TeamsConversationGoneError(conversationId, status === 403 ? "forbidden" : "not-found", status);
      throw failure;
    }
    return activityId ? { activityId } : {};
  };
}
