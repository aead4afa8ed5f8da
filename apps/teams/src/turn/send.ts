import type { Message } from "@samverkan/chat";
import { ActivityTypes, type TurnContext } from "botbuilder";
import { messageActivity } from "../render/message-activity";

/**
 * Posts messages where the turn happened: botbuilder replies to the incoming activity, so
 * channel answers land in the same thread. The connector client itself retries 429s
 * (honouring Retry-After); other errors propagate to the turn's error handler.
 */
export async function sendMessages(context: TurnContext, messages: readonly Message[]): Promise<void> {
  for (const message of messages) await context.sendActivity(messageActivity(message));
}

/** Queues the HTTP answer to an invoke activity (botbuilder returns it when the turn ends). */
export async function sendInvokeResponse(context: TurnContext, body?: unknown, status = 200): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: body === undefined ? { status } : { status, body } });
}
