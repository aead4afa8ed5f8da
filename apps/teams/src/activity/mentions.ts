import type { TeamsActivity } from "./schema";

/** True when the activity @-mentions the bot (the recipient). */
export function mentionsBot(activity: TeamsActivity): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  return (activity.entities ?? []).some((entity) => entity.type === "mention" && entity.mentioned?.id === botId);
}

const AT_TAG = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;

const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * The text a user wrote, without Teams mention markup: the bot's own `<at>…</at>` is
 * removed, other people's mentions keep their name ("boka med <at>Karin</at>" →
 * "boka med Karin"). Non-breaking spaces and the few HTML entities Teams puts in
 * plain text become ordinary characters.
 */
export function stripMentions(activity: TeamsActivity): string {
  let text = activity.text ?? "";
  const botId = activity.recipient?.id;
  const botMentions = new Set<string>();
  for (const entity of activity.entities ?? []) {
    const mentioned = entity.mentioned;
    if (entity.type === "mention" && mentioned && mentioned.id === botId) {
      if (entity.text) botMentions.add(entity.text);
      if (mentioned.name) botMentions.add(`<at>${mentioned.name}</at>`);
    }
  }
  if (activity.recipient?.name) botMentions.add(`<at>${activity.recipient.name}</at>`);
  for (const mention of botMentions) text = text.split(mention).join(" ");
  text = text.replace(AT_TAG, (_match, name: string) => name);
  text = text.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
