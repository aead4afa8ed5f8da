import type { PlatformUser } from "@samverkan/chat";
import type { TeamsActivity } from "./schema";

export type ConversationKind = "personal" | "groupChat" | "channel";

/** The Entra ID tenant an activity comes from, as sent; Teams puts it in two places. */
export function tenantOf(activity: TeamsActivity): string | undefined {
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? undefined;
}

/** Personal chat, group chat or team channel; older payloads only say `isGroup`. */
export function conversationKind(activity: TeamsActivity): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === "personal" || type === "groupChat" || type === "channel") return type;
  if (activity.channelData?.channel || activity.channelData?.team) return "channel";
  return activity.conversation?.isGroup ? "groupChat" : "personal";
}

/**
 * The Teams user behind an activity as the engine knows users: tenant + Entra object id.
 * Undefined when Teams did not say who it is (no aadObjectId), so no staff member can match.
 */
export function teamsUser(activity: TeamsActivity): Extract<PlatformUser, { platform: "teams" }> | undefined {
  const tenantId = tenantOf(activity);
  // As sent (Teams sends lower case): staff identities are matched exactly.
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId) return undefined;
  return { platform: "teams", tenantId, aadObjectId, ...(activity.from?.name ? { displayName: activity.from.name } : {}) };
}

/** English only for users whose Teams client says so; Swedish otherwise. */
export function activityLocale(activity: TeamsActivity): "sv" | "en" {
  return activity.locale?.toLowerCase().startsWith("en") ? "en" : "sv";
}
