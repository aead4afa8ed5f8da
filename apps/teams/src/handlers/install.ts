import type { TurnContext } from "botbuilder";
import { activityLocale } from "../activity/identity";
import { readActivity } from "../activity/schema";
import type { Logger } from "../log";
import type { ConversationReferences } from "../proactive/references";
import { say, strings } from "../strings";

export interface InstallHandlerOptions {
  references: ConversationReferences;
  logger: Logger;
  clock: () => Date;
}

/**
 * Installs and removals. When the bot joins a conversation (conversationUpdate with the
 * bot among `membersAdded`, or installationUpdate "add"), its conversation reference is
 * stored so digests can post there; removal forgets it. A personal install says hello;
 * teams and group chats are not spammed.
 */
export function createInstallHandlers(options: InstallHandlerOptions) {
  const { references, logger, clock } = options;

  async function installed(context: TurnContext, via: string): Promise<void> {
    const stored = await references.remember(context.activity, clock());
    if (!stored) return;
    logger.info({ conversationKind: stored.kind, tenantId: stored.tenantId, via }, "app installed; conversation reference stored");
    if (stored.kind === "personal" && via === "membersAdded") {
      const activity = readActivity(context.activity);
      await context.sendActivity({ type: "message", text: say(strings.welcome, activity ? activityLocale(activity) : "sv"), textFormat: "markdown" });
    }
  }

  async function removed(context: TurnContext, via: string): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return;
    await references.forget(conversationId);
    logger.info({ via }, "app removed; conversation reference forgotten");
  }

  return {
    async membersAdded(context: TurnContext): Promise<void> {
      const activity = readActivity(context.activity);
      const botId = activity?.recipient?.id;
      if (botId && activity.membersAdded?.some((member) => member.id === botId)) await installed(context, "membersAdded");
    },
    async membersRemoved(context: TurnContext): Promise<void> {
      const activity = readActivity(context.activity);
      const botId = activity?.recipient?.id;
      if (botId && activity.membersRemoved?.some((member) => member.id === botId)) await removed(context, "membersRemoved");
    },
    async installationUpdate(context: TurnContext): Promise<void> {
      const action = readActivity(context.activity)?.action ?? "";
      if (action.startsWith("add")) await installed(context, "installationUpdate");
      else if (action.startsWith("remove")) await removed(context, "installationUpdate");
    },
  };
}
