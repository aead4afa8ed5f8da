import type { Message } from "@samverkan/chat";
import { messageActivity } from "../render/message-activity";
import type { Turn } from "./turn";

/**
 * Posts messages where the turn happened, as replies to the incoming activity, so channel
 * answers land in the same thread. The connector client retries 429s (honouring
 * Retry-After) and 5xx; other errors propagate to the turn's error handler.
 */
export async function sendMessages(turn: Turn, messages: readonly Message[]): Promise<void> {
  for (const message of messages) await turn.send(messageActivity(message));
}

/** The HTTP answer to an invoke activity. */
export interface InvokeAnswer {
  status: number;
  body?: unknown;
}
