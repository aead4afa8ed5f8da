import type { Samverkan } from "@samverkan/sdk";
import * as z from "zod";
import { conversationKind, tenantOf } from "../activity/identity";
import { readActivity } from "../activity/schema";

/** Shared state namespace (the digest scheduler reads it too). */
export const CONVERSATION_REFS_NAMESPACE = "teams-conversation-refs";
/** Each user's personal (1:1) conversation with the bot, keyed `tenantId:aadObjectId`, for nudges. */
export const PERSONAL_CONVERSATIONS_NAMESPACE = "teams-personal-conversations";

const personalSchema = z.object({ conversationId: z.string().min(1) });
const personalKey = (tenantId: string, aadObjectId: string) => `${tenantId}:${aadObjectId}`;

const accountSchema = z.looseObject({ id: z.string(), name: z.string().optional() });

const referenceSchema = z.looseObject({
  channelId: z.string(),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string(), conversationType: z.string().optional(), tenantId: z.string().optional(), isGroup: z.boolean().optional() }),
  bot: accountSchema,
  user: accountSchema.optional(),
  locale: z.string().optional(),
});

export const storedConversationSchema = z.object({
  reference: referenceSchema,
  tenantId: z.string(),
  kind: z.enum(["personal", "groupChat", "channel"]),
  /** The team's id for channel installs, so digests can tell teams apart. */
  teamId: z.string().optional(),
  installedAt: z.string(),
});

export type StoredConversation = z.infer<typeof storedConversationSchema>;

/** `19:abc@thread.tacv2;messageid=123` → `19:abc@thread.tacv2`. */
export function channelRoot(conversationId: string): string {
  return conversationId.split(";messageid=")[0] ?? conversationId;
}

/**
 * Conversation references of every conversation the app is installed in, keyed by
 * conversation id, so digests can post there later (from any instance).
 */
export function createConversationReferences(samverkan: Samverkan) {
  const api = {
    /**
     * Remembers where an install (or any activity) came from; returns the stored entry.
     * The reference has the shape botbuilder stored (bot = the activity's recipient, user =
     * its sender), without the activity's id, so references stored before the move to the
     * Teams SDK and after it are read the same way.
     */
    async remember(activity: unknown, now: Date): Promise<StoredConversation | undefined> {
      const read = readActivity(activity);
      const tenantId = read ? tenantOf(read) : undefined;
      if (!read?.conversation || !tenantId || !read.recipient || !read.serviceUrl) return undefined;
      // A message in a channel thread carries `;messageid=…`; posts go to the channel itself.
      const conversationId = channelRoot(read.conversation.id);
      const reference = {
        channelId: read.channelId ?? "msteams",
        serviceUrl: read.serviceUrl,
        conversation: { ...read.conversation, id: conversationId },
        bot: read.recipient,
        ...(read.from ? { user: read.from } : {}),
        ...(read.locale ? { locale: read.locale } : {}),
      };
      const stored: StoredConversation = {
        reference: referenceSchema.parse(reference),
        tenantId,
        kind: conversationKind(read),
        ...(read.channelData?.team?.id ? { teamId: read.channelData.team.id } : {}),
        installedAt: now.toISOString(),
      };
      await samverkan.state.set(CONVERSATION_REFS_NAMESPACE, conversationId, stored);
      const aadObjectId = read.from?.aadObjectId;
      if (stored.kind === "personal" && aadObjectId)
        await samverkan.state.set(PERSONAL_CONVERSATIONS_NAMESPACE, personalKey(tenantId, aadObjectId), { conversationId });
      return stored;
    },

    /**
     * In a personal chat: makes sure the user's 1:1 conversation is on record (one read when
     * it already is), so nudges can reach people who messaged the bot before this was stored.
     */
    async rememberPersonal(activity: unknown, now: Date): Promise<void> {
      const read = readActivity(activity);
      const tenantId = read ? tenantOf(read) : undefined;
      const aadObjectId = read?.from?.aadObjectId;
      if (!read?.conversation || !tenantId || !aadObjectId || conversationKind(read) !== "personal") return;
      const known = personalSchema.safeParse(await samverkan.state.get(PERSONAL_CONVERSATIONS_NAMESPACE, personalKey(tenantId, aadObjectId)));
      if (known.success && known.data.conversationId === read.conversation.id) return;
      await api.remember(activity, now);
    },

    /** The user's personal conversation with the bot, if they installed the app or messaged it. */
    async personalConversation(tenantId: string, aadObjectId: string): Promise<string | undefined> {
      const parsed = personalSchema.safeParse(await samverkan.state.get(PERSONAL_CONVERSATIONS_NAMESPACE, personalKey(tenantId, aadObjectId)));
      return parsed.success ? parsed.data.conversationId : undefined;
    },

    async get(conversationId: string): Promise<StoredConversation | undefined> {
      const parsed = storedConversationSchema.safeParse(await samverkan.state.get(CONVERSATION_REFS_NAMESPACE, conversationId));
      return parsed.success ? parsed.data : undefined;
    },

    async list(): Promise<Array<{ conversationId: string; conversation: StoredConversation }>> {
      const rows = await samverkan.state.list(CONVERSATION_REFS_NAMESPACE);
      return rows.flatMap((row) => {
        const parsed = storedConversationSchema.safeParse(row.value);
        return parsed.success ? [{ conversationId: row.key, conversation: parsed.data }] : [];
      });
    },

    forget(conversationId: string): Promise<void> {
      return samverkan.state.delete(CONVERSATION_REFS_NAMESPACE, conversationId);
    },
  };
  return api;
}

export type ConversationReferences = ReturnType<typeof createConversationReferences>;

/** Where a proactive post goes: the parts of a stored reference the Bot Connector needs. */
export interface ProactiveTarget {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  bot: { id: string; name?: string };
}

/** The stored reference as a proactive target (validated when read). */
export function asProactiveTarget(stored: StoredConversation): ProactiveTarget {
  const { channelId, serviceUrl, conversation, bot } = stored.reference;
  return {
    channelId,
    serviceUrl,
    conversation: {
      id: conversation.id,
      conversationType: conversation.conversationType ?? stored.kind,
      tenantId: conversation.tenantId ?? stored.tenantId,
      ...(conversation.isGroup !== undefined ? { isGroup: conversation.isGroup } : {}),
    },
    bot: { id: bot.id, ...(bot.name ? { name: bot.name } : {}) },
  };
}
