/**
 * Slack's message text as the user meant it: the bot's own mention removed, links and
 * channel references shown as their labels, and Slack's three HTML escapes undone.
 */
export function plainSlackText(text: string, botUserId?: string): string {
  const ownMention = botUserId ? new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, "g") : undefined;
  let result = ownMention ? text.replace(ownMention, " ") : text.replace(/^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/, " ");
  result = result
    // <https://…|label> → label, <https://…> → https://…, <mailto:x|x> → x
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    // <#C123|name> → #name
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return result.replace(/\s+/g, " ").trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
