import * as z from "zod";
import { digestTargetSchema, formatScope, parseScope, type DigestScope, type DigestTarget } from "@samverkan/sdk";
import type { ActionValue, Locale } from "../cards/model";

/**
 * Action ids the digest cards use; the engine routes every `digest.*` action to
 * `handleDigestAction`. Values carry ids, never user text.
 */
export const DIGEST_ACTIONS = {
  /** Creates the subscription described in the value (see `encodeCreateValue`). */
  createConfirm: "digest.create.confirm",
  /** Drops a pending create or remove question; nothing changes. */
  cancel: "digest.cancel",
  list: "digest.list",
  /** `{ id }` */
  pause: "digest.pause",
  /** `{ id }` */
  resume: "digest.resume",
  /** `{ id }`: asks for confirmation. */
  remove: "digest.remove",
  /** `{ id }`: removes. */
  removeConfirm: "digest.remove.confirm",
  /** `{ id }`: shows the digest as it would be posted now. */
  preview: "digest.preview",
} as const;

export interface DigestDraft {
  target: DigestTarget;
  scope: DigestScope;
  cron: string;
  locale: Locale;
  postWhenEmpty: boolean;
}

/** The parsed subscription, flat, for the confirm button's value (well under Slack's 2,000 characters). */
export function encodeCreateValue(draft: DigestDraft): ActionValue {
  return {
    ...draft.target,
    scope: formatScope(draft.scope),
    cron: draft.cron,
    locale: draft.locale,
    postWhenEmpty: draft.postWhenEmpty,
  };
}

const createValueSchema = z.object({
  platform: z.enum(["slack", "teams"]),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
  conversationId: z.string().optional(),
  scope: z.string(),
  cron: z.string().max(100),
  locale: z.enum(["sv", "en"]),
  postWhenEmpty: z.boolean(),
});

/** Reads a confirm button's value back; undefined when it was tampered with or is from an older version. */
export function decodeCreateValue(value: ActionValue): DigestDraft | undefined {
  const parsed = createValueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { platform, teamId, channelId, conversationId, scope, ...rest } = parsed.data;
  const target = digestTargetSchema.safeParse(platform === "slack" ? { platform, teamId, channelId } : { platform, conversationId });
  const parsedScope = parseScope(scope);
  if (!target.success || !parsedScope) return undefined;
  return { target: target.data, scope: parsedScope, ...rest };
}

export function sameTarget(a: DigestTarget, b: DigestTarget): boolean {
  if (a.platform === "slack" && b.platform === "slack") return a.teamId === b.teamId && a.channelId === b.channelId;
  if (a.platform === "teams" && b.platform === "teams") return a.conversationId === b.conversationId;
  return false;
}
