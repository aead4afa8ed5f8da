import * as z from "zod";

/**
 * Where a turn happened and therefore where its answer goes: a channel thread, a DM, an
 * ephemeral slash-command reply (only its `response_url` reaches it), or the App Home.
 */
export interface Origin {
  userId: string;
  /** C…/G… channel or D… DM; absent for the App Home. */
  channelId?: string | undefined;
  /** Thread to answer in. */
  threadTs?: string | undefined;
  /** The message a button was pressed in (for replacing it). */
  messageTs?: string | undefined;
  /** Reaches ephemeral replies and can replace the message acted on. */
  responseUrl?: string | undefined;
  /** The conversation is private to the user (slash command replies). */
  ephemeral?: boolean | undefined;
  /** The App Home tab. */
  home?: boolean | undefined;
}

/** The channel a digest set up in this turn posts to; the App Home has none. */
export function withTarget(teamId: string, origin: Origin): { target?: { platform: "slack"; teamId: string; channelId: string } } {
  return origin.channelId ? { target: { platform: "slack", teamId, channelId: origin.channelId } } : {};
}

export function isDirectMessage(channelId: string | undefined): boolean {
  return channelId !== undefined && channelId.startsWith("D");
}

/**
 * Keys the engine's conversation state. A DM and the App Home are one conversation per
 * user; a channel thread is its own conversation; a channel without thread (slash
 * commands) is one conversation per user and channel (the engine adds the user).
 */
export function conversationIdOf(origin: Origin): string {
  if (origin.home || isDirectMessage(origin.channelId) || !origin.channelId) return `im:${origin.userId}`;
  return origin.threadTs ? `${origin.channelId}:${origin.threadTs}` : origin.channelId;
}

const metadataSchema = z.object({
  u: z.string().min(1),
  c: z.string().optional(),
  t: z.string().optional(),
  m: z.string().optional(),
  r: z.string().optional(),
  e: z.literal(1).optional(),
  h: z.literal(1).optional(),
});

/** The origin as a modal's `private_metadata` (round-trips through Slack untouched). */
export function encodeOrigin(origin: Origin): string {
  const compact: z.input<typeof metadataSchema> = { u: origin.userId };
  if (origin.channelId) compact.c = origin.channelId;
  if (origin.threadTs) compact.t = origin.threadTs;
  if (origin.messageTs) compact.m = origin.messageTs;
  if (origin.responseUrl) compact.r = origin.responseUrl;
  if (origin.ephemeral) compact.e = 1;
  if (origin.home) compact.h = 1;
  return JSON.stringify(compact);
}

export function decodeOrigin(text: string | undefined): Origin | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  return { userId: m.u, channelId: m.c, threadTs: m.t, messageTs: m.m, responseUrl: m.r, ephemeral: m.e === 1, home: m.h === 1 };
}
