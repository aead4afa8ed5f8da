import {
  NudgeNotDeliverableError,
  startNudgeScheduler,
  type Message,
  type NudgePoster,
  type NudgeScheduler,
  type NudgeSchedulerOptions,
} from "@samverkan/chat";
import type { Staff } from "@samverkan/sdk";
import { TeamsConversationGoneError } from "../errors";
import type { ConversationReferences } from "./references";
import type { SendProactive } from "./send-proactive";

/**
 * Sends a nudge into the staff member's personal chat with the bot, through the one
 * proactive-send function the app has. Teams lets a bot start a 1:1 chat only where it
 * holds the conversation reference, stored when the person installed the app or wrote to
 * it; without one (or without a linked Teams user) the nudge is `NudgeNotDeliverableError`.
 */
export function createTeamsNudgePoster(deps: { references: Pick<ConversationReferences, "personalConversation">; sendProactive: SendProactive }): NudgePoster {
  return {
    async postDirect(staff: Staff, message: Message): Promise<void> {
      const identities = staff.identities.filter((i) => i.platform === "teams");
      if (identities.length === 0) throw new NudgeNotDeliverableError(staff.id, "no-teams-user");
      let conversationId: string | undefined;
      for (const identity of identities) {
        conversationId ??= await deps.references.personalConversation(identity.tenantId, identity.aadObjectId);
      }
      if (!conversationId) throw new NudgeNotDeliverableError(staff.id, "no-personal-conversation");
      try {
        await deps.sendProactive(conversationId, message);
      } catch (error) {
        // Uninstalled or blocked (403/404): nothing to retry until the person writes again.
        if (error instanceof TeamsConversationGoneError) throw new NudgeNotDeliverableError(staff.id, `conversation-${error.reason}`);
        throw error;
      }
    },
  };
}

export type TeamsNudgesOptions = Omit<NudgeSchedulerOptions, "poster"> & {
  references: Pick<ConversationReferences, "personalConversation">;
  sendProactive: SendProactive;
};

/** Starts the nudge scheduler in this Teams app instance (each nudge is claimed once across instances). */
export function startTeamsNudges(options: TeamsNudgesOptions): NudgeScheduler {
  const { references, sendProactive, ...scheduler } = options;
  return startNudgeScheduler({ ...scheduler, poster: createTeamsNudgePoster({ references, sendProactive }) });
}
