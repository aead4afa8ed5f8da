import * as z from "zod";
import {
  DigestChannelGoneError,
  renderAdaptiveCardAttachment,
  startDigestScheduler,
  type DigestPoster,
  type DigestScheduler,
  type DigestSchedulerOptions,
  type Message,
} from "@samverkan/chat";
import type { DigestTarget, StateService } from "@samverkan/sdk";
import { errorStatus } from "../log";
import type { PostToConversation } from "../proactive/post";
import type { ProactiveTarget } from "../proactive/references";

/** Where the Teams app keeps conversation references, keyed by conversation id. */
export const TEAMS_CONVERSATION_REFS = "teams-conversation-refs";

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

/**
 * Where to post, from a reference stored by either app generation (botbuilder's
 * `ConversationReference` shape; a last activity id in it is ignored, so the digest is a
 * new post and not a reply in that thread).
 */
function toTarget(stored: StoredReference): ProactiveTarget {
  const { conversation, bot } = stored;
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: {
      id: conversation.id,
      isGroup: conversation.isGroup ?? true,
      conversationType: conversation.conversationType ?? "channel",
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
    bot: { id: bot.id, ...(bot.name ? { name: bot.name } : {}) },
  };
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
  constructor(private readonly deps: { post: PostToConversation; state: Pick<StateService, "get"> }) {}

  async post(target: DigestTarget, message: Message): Promise<string | undefined> {
    if (target.platform !== "teams") throw new Error(`TeamsDigestPoster cannot post to ${target.platform}`);
    const stored = storedSchema.safeParse(await this.deps.state.get(TEAMS_CONVERSATION_REFS, target.conversationId));
    if (!stored.success) throw new DigestChannelGoneError("no_conversation_reference");
    try {
      return await this.deps.post(toTarget(stored.data), { type: "message", summary: message.text, attachments: [renderAdaptiveCardAttachment(message)] });
    } catch (error) {
      const status = errorStatus(error);
      if (status === 403 || status === 404) throw new DigestChannelGoneError(`teams_${status}`, { cause: error });
      throw error;
    }
  }
}

export type TeamsDigestsOptions = Omit<DigestSchedulerOptions, "posters"> & { post: PostToConversation };

/** Starts the digest scheduler for Teams subscriptions in this app instance. */
export function startTeamsDigests(options: TeamsDigestsOptions): DigestScheduler {
  const { post, ...scheduler } = options;
  return startDigestScheduler({ ...scheduler, posters: { teams: new TeamsDigestPoster({ post, state: scheduler.samverkan.state }) } });
}
