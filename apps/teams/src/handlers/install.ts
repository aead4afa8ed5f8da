import type { Turn } from "../turn/turn";
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

  async function installed(turn: Turn, via: string): Promise<void> {
    const stored = await references.remember(turn.activity, clock());
    if (!stored) return;
    logger.info({ conversationKind: stored.kind, tenantId: stored.tenantId, via }, "app installed; conversation reference stored");
    if (stored.kind === "personal" && via === "membersAdded") {
      const activity = readActivity(turn.activity);
      await turn.send({ type: "message", text: say(strings.welcome, activity ? activityLocale(activity) : "sv"), textFormat: "markdown" });
    }
  }

  async function removed(turn: Turn, via: string): Promise<void> {
    const conversationId = readActivity(turn.activity)?.conversation?.id;
    if (!conversationId) return;
    await references.forget(conversationId);
    logger.info({ via }, "app removed; conversation reference forgotten");
  }

  return {
    async membersAdded(turn: Turn): Promise<void> {
      const activity = readActivity(turn.activity);
      const botId = activity?.recipient?.id;
      if (botId && activity.membersAdded?.some((member) => member.id === botId)) await installed(turn, "membersAdded");
    },
    async membersRemoved(turn: Turn): Promise<void> {
      const activity = readActivity(turn.activity);
      const botId = activity?.recipient?.id;
      if (botId && activity.membersRemoved?.some((member) => member.id === botId)) await removed(turn, "membersRemoved");
    },
    async installationUpdate(turn: Turn): Promise<void> {
      const action = readActivity(turn.activity)?.action ?? "";
      if (action.startsWith("add")) await installed(turn, "installationUpdate");
      else if (action.startsWith("remove")) await removed(turn, "installationUpdate");
    },
  };
}
