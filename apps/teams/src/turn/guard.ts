import type { Samverkan } from "@samverkan/sdk";
import { ActivityTypes, type TurnContext } from "botbuilder";
import { tenantOf } from "../activity/identity";
import { readActivity, type TeamsActivity } from "../activity/schema";
import type { Logger } from "../log";
import { bothLanguages, strings } from "../strings";
import { invokeMessageResponse } from "./invoke-message";
import { sendInvokeResponse } from "./send";

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
 * Runs before every turn (teams-ai `beforeTurn`); returning false ends the turn.
 * 1. Tenants not on the allow-list are refused politely and nothing is written.
 * 2. An activity Teams delivers again (same id) is acted on only once, across instances.
 */
export function createTurnGuard(options: TurnGuardOptions): (context: TurnContext) => Promise<boolean> {
  const allowed = new Set(options.allowedTenantIds.map((id) => id.toLowerCase()));
  const { logger, samverkan } = options;

  async function refuse(context: TurnContext, activity: TeamsActivity): Promise<void> {
    const text = bothLanguages(strings.notConnected);
    if (activity.type === ActivityTypes.Message) {
      await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: "markdown" });
    } else if (activity.type === ActivityTypes.Invoke) {
      const response = invokeMessageResponse(activity.name, text);
      await sendInvokeResponse(context, response.body, response.status);
    }
  }

  return async (context) => {
    const activity = readActivity(context.activity);
    if (!activity) {
      logger.warn({ activityType: context.activity.type }, "ignored an activity without the fields Teams always sends");
      return false;
    }
    const tenantId = tenantOf(activity);
    if (!tenantId || !allowed.has(tenantId.toLowerCase())) {
      logger.warn({ tenantId: tenantId ?? null, activityType: activity.type, invoke: activity.name }, "refused an activity from a tenant not on TEAMS_ALLOWED_TENANT_IDS");
      await refuse(context, activity);
      return false;
    }
    const key = activityEventKey(activity);
    if (key && !(await samverkan.state.claimEvent(key))) {
      logger.info({ activityId: activity.id, activityType: activity.type, invoke: activity.name }, "ignored a redelivered activity");
      if (activity.type === ActivityTypes.Invoke) await sendInvokeResponse(context);
      return false;
    }
    return true;
  };
}
