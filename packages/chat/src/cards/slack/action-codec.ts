import type { ActionRef } from "../model";
import { actionRefSchema } from "../schema";
import { CardLimitError } from "../errors";

/**
 * How an Action travels through Slack:
 * - `action_id` = `<action.id>:<n>`, where `n` numbers the buttons of one message from 0,
 *   because Slack wants action ids unique and the same verb may appear twice
 *   (say "Välj" on every school in a list). Split at the last `:` to read it back.
 * - `value` = JSON `{"id": action.id, "value": action.value}` (Slack's limit: 2000 characters).
 *   The id is repeated so the value alone identifies the action.
 */
export const SLACK_ACTION_ID_MAX = 255;
export const SLACK_BUTTON_VALUE_MAX = 2000;

export function encodeSlackActionId(actionId: string, index: number): string {
  const encoded = `${actionId}:${index}`;
  if (encoded.length > SLACK_ACTION_ID_MAX) {
    throw new CardLimitError(
      "slack.action_id",
      `Action id "${actionId.slice(0, 40)}…" is too long for Slack (max ${SLACK_ACTION_ID_MAX} characters with its suffix).`,
    );
  }
  return encoded;
}

export function decodeSlackActionId(actionId: string): { id: string; index: number } | undefined {
  const colon = actionId.lastIndexOf(":");
  if (colon <= 0) return undefined;
  const index = Number(actionId.slice(colon + 1));
  if (!Number.isInteger(index) || index < 0) return undefined;
  return { id: actionId.slice(0, colon), index };
}

export function encodeSlackActionValue(action: ActionRef): string {
  const encoded = JSON.stringify({ id: action.id, value: action.value });
  if (encoded.length > SLACK_BUTTON_VALUE_MAX) {
    throw new CardLimitError(
      "slack.button.value",
      `The value of action "${action.id}" is ${encoded.length} characters as JSON; Slack allows ${SLACK_BUTTON_VALUE_MAX}. Put ids in action values, not text.`,
    );
  }
  return encoded;
}

/** The part of a Slack `block_actions` action we need. */
export interface SlackActionPayload {
  action_id: string;
  value?: string | null;
}

/**
 * Reads an action a user clicked back into `{ id, value }`. Returns `undefined` for actions
 * this renderer did not produce, or whose value does not match its action id.
 */
export function parseSlackAction(payload: SlackActionPayload): ActionRef | undefined {
  const decodedId = decodeSlackActionId(payload.action_id);
  if (!decodedId || typeof payload.value !== "string") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(payload.value);
  } catch {
    return undefined;
  }
  const parsed = actionRefSchema.safeParse(json);
  if (!parsed.success || parsed.data.id !== decodedId.id) return undefined;
  return parsed.data;
}
