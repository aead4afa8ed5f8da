import type { Action, Block, Locale, Message } from "../cards/model";
import type { EngineReply } from "./types";

/** A message from blocks, with a plain fallback made of its first text. */
export function message(locale: Locale, blocks: Block[], fallback?: string): Message {
  const first = blocks.find((b) => b.type === "text" || b.type === "header") as { text: string } | undefined;
  return { text: fallback ?? first?.text.replace(/\*\*|_|\*/g, "") ?? "", blocks, locale };
}

export function textMessage(locale: Locale, text: string): Message {
  return message(locale, [{ type: "text", text }], text.replace(/\*\*|\*|_/g, ""));
}

export function reply(...messages: Message[]): EngineReply {
  return { messages };
}

export function cancelAction(locale: Locale): Action {
  return { id: "flow.cancel", label: locale === "sv" ? "Avbryt" : "Cancel", value: {}, style: "danger" };
}
