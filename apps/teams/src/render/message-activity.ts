import { renderAdaptiveCardAttachment, type AdaptiveCard, type Message } from "@samverkan/chat";
import type { OutgoingActivity } from "../turn/turn";

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

/** Markup the card renderer would format (bold, italics, links, code): such text needs a card. */
const MARKUP = /[*_[\]`\\<>]/;

/**
 * One engine message as a Teams activity. A message that is a single plain sentence
 * travels as ordinary chat text; anything with structure or formatting becomes an
 * Adaptive Card, with the message's plain text as the notification summary.
 */
export function messageActivity(message: Message): OutgoingActivity {
  const [only, ...rest] = message.blocks;
  if (only?.type === "text" && rest.length === 0 && only.text === message.text && !MARKUP.test(only.text)) {
    return { type: "message", text: only.text, textFormat: "plain" };
  }
  return {
    type: "message",
    summary: message.text,
    attachments: [renderAdaptiveCardAttachment(message)],
  };
}

/** A hand-built Teams card (dialog opener) as an activity. */
export function cardActivity(card: AdaptiveCard, summary: string): OutgoingActivity {
  return { type: "message", summary, attachments: [{ contentType: ADAPTIVE, content: card }] };
}
