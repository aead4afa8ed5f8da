import { activityLocale, conversationKind, tenantOf } from "../activity/identity";
import { readActivity } from "../activity/schema";
import { describeError, type Logger } from "../log";
import { say, strings } from "../strings";
import { invokeMessageResponse } from "./invoke-message";
import type { InvokeAnswer } from "./send";
import type { Turn } from "./turn";

/**
 * A turn that throws (engine bug, Bot Connector error) is logged with what
 * identifies it, never with secrets, and the user gets a short apology
 * where we can still give one. It never rethrows, so one bad turn cannot take the
 * process down or leave Teams waiting on an invoke: an invoke gets its apology as the answer.
 */
export function createTurnErrorHandler(logger: Logger): (turn: Turn, error: unknown) => Promise<InvokeAnswer | undefined> {
  return async (turn, error) => {
    const activity = readActivity(turn.activity);
    logger.error(
      {
        err: describeError(error),
        activityId: activity?.id,
        activityType: activity?.type,
        invoke: activity?.name,
        conversationKind: activity ? conversationKind(activity) : undefined,
        tenantId: activity ? tenantOf(activity) : undefined,
      },
      "turn failed",
    );
    const text = say(strings.somethingWrong, activity ? activityLocale(activity) : "sv");
    try {
      if (activity?.type === "invoke") return invokeMessageResponse(activity.name, text);
      if (activity?.type === "message") await turn.send({ type: "message", text, textFormat: "plain" });
    } catch (sendError) {
      logger.warn({ err: describeError(sendError), activityId: activity?.id }, "could not tell the user about the failed turn");
    }
    return undefined;
  };
}
