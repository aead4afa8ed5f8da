import { isRequestError } from "@samverkan/sdk";
import { escapeMarkup, parseMarkup } from "../cards/markup";
import type { Action, Block, Locale, Message } from "../cards/model";
import type { EngineReply } from "./types";
import { t } from "../i18n";

export { escapeMarkup };

/** Markup as a notification line: the engine's emphasis markers dropped, data kept as written. */
function fallbackOf(markup: string): string {
  return parseMarkup(markup)
    .map((node) =>
      node.kind === "text" && !node.plain ? node.text.replace(/\*\*|\*|_/g, "") : node.kind === "link" ? `[${node.text}](${node.url})` : node.text,
    )
    .join("");
}

/** A message from blocks, with a plain fallback made of its first text. */
export function message(locale: Locale, blocks: Block[], fallback?: string): Message {
  const first = blocks.find((b) => b.type === "text" || b.type === "header");
  const text = fallback ?? (first?.type === "text" ? fallbackOf(first.text) : first?.type === "header" ? first.text : "");
  return { text, blocks, locale };
}

export function textMessage(locale: Locale, text: string): Message {
  return message(locale, [{ type: "text", text }], fallbackOf(text));
}

/**
 * An SDK error's message as markup. Its text quotes input and data (a reference the user
 * typed, a staff member's name), so it is escaped like any other data.
 */
export function errorMarkup(error: unknown, locale: Locale): string {
  return isRequestError(error) ? escapeMarkup(error.localized(locale)) : "";
}

/** New messages; the message the user clicked (if any) stays as it was. */
export function reply(...messages: Message[]): EngineReply {
  return { messages, replaceOriginal: false };
}

/** The same answer, its first message taking the place of the clicked message. */
export function inPlace(answer: EngineReply): EngineReply {
  return { ...answer, replaceOriginal: true };
}

export function cancelAction(locale: Locale): Action {
  return { id: "flow.cancel", label: t(locale).reply.cancel, value: {}, style: "danger" };
}
