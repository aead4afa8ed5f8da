import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from "botbuilder";
import { activityLocale, conversationKind, tenantOf } from "../activity/identity";
import { readActivity } from "../activity/schema";
import { describeError, type Logger } from "../log";
import { say, strings } from "../strings";
import { invokeMessageResponse } from "./invoke-message";
import { sendInvokeResponse } from "./send";

/**
 * The adapter's `onTurnError`: a turn that throws (engine bug, Bot Connector error) is
 * logged with what identifies it, never with secrets, and the user gets a short apology
 * where we can still give one. It never rethrows, so one bad turn cannot take the
 * process down or leave Teams waiting on an invoke.
 */
export function createTurnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const activity = readActivity(context.activity);
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
      if (activity?.type === ActivityTypes.Invoke) {
        if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
          const response = invokeMessageResponse(activity.name, text);
          await sendInvokeResponse(context, response.body, response.status);
        }
      } else if (activity?.type === ActivityTypes.Message) {
        await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: "plain" });
      }
    } catch (sendError) {
      logger.warn({ err: describeError(sendError), activityId: activity?.id }, "could not tell the user about the failed turn");
    }
  };
}
