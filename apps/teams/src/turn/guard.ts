import type { Samverkan } from "@samverkan/sdk";
import { tenantOf } from "../activity/identity";
import { readActivity, type TeamsActivity } from "../activity/schema";
import type { Logger } from "../log";
import { bothLanguages, strings } from "../strings";
import { invokeMessageResponse } from "./invoke-message";
import type { InvokeAnswer } from "./send";
import type { Turn } from "./turn";

/** Go on with the turn, or stop it here (with the answer to an invoke, when there is one). */
export type GuardDecision = { pass: true } | { pass: false; answer?: InvokeAnswer };

export interface TurnGuardOptions {
  samverkan: Samverkan;
  allowedTenantIds: readonly string[];
  logger: Logger;
}

/**
 * The de-duplication key of an activity. Teams message ids are millisecond timestamps,
 * unique only within a conversation, so the conversation is part of the key.
 */
export function activityEventKey(activity: TeamsActivity): string | undefined {
  if (!activity.id) return undefined;
  return `teams:activity:${activity.conversation?.id ?? "-"}:${activity.id}`;
}

/**
 * Runs before every turn, whatever its kind (messages, invokes, installs, updates).
 * 1. Tenants not on the allow-list are refused politely and nothing is written.
 * 2. An activity Teams delivers again (same id) is acted on only once, across instances.
 */
export function createTurnGuard(options: TurnGuardOptions): (turn: Turn) => Promise<GuardDecision> {
  const allowed = new Set(options.allowedTenantIds.map((id) => id.toLowerCase()));
  const { logger, samverkan } = options;

  async function refuse(turn: Turn, activity: TeamsActivity): Promise<GuardDecision> {
    const text = bothLanguages(strings.notConnected);
    if (activity.type === "message") {
      await turn.send({ type: "message", text, textFormat: "markdown" });
    } else if (activity.type === "invoke") {
      return { pass: false, answer: invokeMessageResponse(activity.name, text) };
    }
    return { pass: false };
  }

  return async (turn) => {
    const activity = readActivity(turn.activity);
    if (!activity) {
      const type = (turn.activity as { type?: unknown } | null)?.type;
      logger.warn({ activityType: typeof type === "string" ? type : undefined }, "ignored an activity without the fields Teams always sends");
      return { pass: false };
    }
    const tenantId = tenantOf(activity);
    if (!tenantId || !allowed.has(tenantId.toLowerCase())) {
      logger.warn(
        { tenantId: tenantId ?? null, activityType: activity.type, invoke: activity.name },
        "refused an activity from a tenant not on TEAMS_ALLOWED_TENANT_IDS",
      );
      return refuse(turn, activity);
    }
    const key = activityEventKey(activity);
    if (key && !(await samverkan.state.claimEvent(key))) {
      logger.info({ activityId: activity.id, activityType: activity.type, invoke: activity.name }, "ignored a redelivered activity");
      return activity.type === "invoke" ? { pass: false, answer: { status: 200 } } : { pass: false };
    }
    return { pass: true };
  };
}
