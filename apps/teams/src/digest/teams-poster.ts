import { ActivityTypes, type ConversationReference, type TurnContext } from "botbuilder";
import { z } from "zod";
import { DigestChannelGoneError, renderAdaptiveCardAttachment, startDigestScheduler, type DigestPoster, type DigestScheduler, type DigestSchedulerOptions, type Message } from "@samverkan/chat";
import type { DigestTarget, StateService } from "@samverkan/sdk";

/** Where the Teams app keeps conversation references, keyed by conversation id. */
export const TEAMS_CONVERSATION_REFS = "teams-conversation-refs";

/** The one adapter method used; botbuilder's CloudAdapter (and teams-ai's TeamsAdapter) have it. */
export interface ConversationContinuer {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

const accountSchema = z.object({ id: z.string(), name: z.string().optional() });
const referenceSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.url(),
  conversation: z.object({
    id: z.string(),
    name: z.string().optional(),
    isGroup: z.boolean().optional(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  bot: accountSchema,
  user: accountSchema.optional(),
  locale: z.string().optional(),
});
type StoredReference = z.infer<typeof referenceSchema>;

/** Stored either as the Teams app's `{ reference, tenantId, kind, … }` entry or as a bare reference. */
const storedSchema = z.union([z.looseObject({ reference: referenceSchema }).transform((s) => s.reference), referenceSchema]);

/** botbuilder's shape, without the last activity's id (that would make the digest a reply in its thread). */
function toConversationReference(stored: StoredReference): Partial<ConversationReference> {
  const { conversation, bot, user } = stored;
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: {
      id: conversation.id,
      name: conversation.name ?? "",
      isGroup: conversation.isGroup ?? true,
      conversationType: conversation.conversationType ?? "channel",
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
    bot: { id: bot.id, name: bot.name ?? "" },
    ...(user ? { user: { id: user.id, name: user.name ?? "" } } : {}),
    ...(stored.locale ? { locale: stored.locale } : {}),
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

/**
 * Posts digests into Teams conversations the app was installed in, as new top-level
 * posts (never replies), and returns the connector's activity id, which the scheduler
 * records before finishing the run: a run taken over after a crash is then finished, not
 * posted again. (The Bot Connector cannot list a conversation's messages, so a post whose
 * answer was lost is posted again: at least once.) A 403 (bot removed or blocked), a 404
 * (conversation gone) or a missing reference becomes DigestChannelGoneError, so the
 * subscription is paused.
 */
export class TeamsDigestPoster implements DigestPoster {
  constructor(private readonly deps: { adapter: ConversationContinuer; appId: string; state: Pick<StateService, "get"> }) {}

  async post(target: DigestTarget, message: Message): Promise<string | undefined> {
    if (target.platform !== "teams") throw new Error(`TeamsDigestPoster cannot post to ${target.platform}`);
    const stored = storedSchema.safeParse(await this.deps.state.get(TEAMS_CONVERSATION_REFS, target.conversationId));
    if (!stored.success) throw new DigestChannelGoneError("no_conversation_reference");
    const reference = toConversationReference(stored.data);
    let failure: unknown;
    let activityId: string | undefined;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      try {
        activityId = (await context.sendActivity({ type: ActivityTypes.Message, summary: message.text, attachments: [renderAdaptiveCardAttachment(message)] }))?.id;
      } catch (error) {
        // Caught inside the turn: thrown, it would go to the adapter's onTurnError instead of to us.
        failure = error;
      }
    });
    if (failure === undefined) return activityId;
    const status = statusOf(failure);
    if (status === 403 || status === 404) throw new DigestChannelGoneError(`teams_${status}`, { cause: failure });
    throw failure;
  }
}

export type TeamsDigestsOptions = Omit<DigestSchedulerOptions, "posters"> & { adapter: ConversationContinuer; appId: string };

/** Starts the digest scheduler for Teams subscriptions in this app instance. */
export function startTeamsDigests(options: TeamsDigestsOptions): DigestScheduler {
  const { adapter, appId, ...scheduler } = options;
  return startDigestScheduler({ ...scheduler, posters: { teams: new TeamsDigestPoster({ adapter, appId, state: scheduler.samverkan.state }) } });
}
