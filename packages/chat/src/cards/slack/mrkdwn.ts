import type { MrkdwnElement, PlainTextElement } from "@slack/types";
import { parseMarkup, renderMarkupWithin, type Inline } from "../markup";
import { truncate } from "../text-budget";

/** Slack needs exactly these three escaped in mrkdwn; escaping them also defuses `<!channel>`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// `|` and `>` end a Slack link, so they must not appear raw inside the URL.
function escapeUrl(url: string): string {
  return url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
}

export function inlineToMrkdwn(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case "text":
          return escapeMrkdwn(node.text);
        case "bold":
          return `*${escapeMrkdwn(node.text)}*`;
        case "italic":
          return `_${escapeMrkdwn(node.text)}_`;
        case "link":
          return `<${escapeUrl(node.url)}|${escapeMrkdwn(node.text)}>`;
      }
    })
    .join("");
}

/** Tiny markup → mrkdwn of at most `max` characters. */
export function markupToMrkdwn(markup: string, max: number): string {
  return renderMarkupWithin(parseMarkup(markup), inlineToMrkdwn, max);
}

/** Plain text shown in bold, escaped and shortened to `max`. */
export function boldMrkdwn(text: string, max: number): string {
  return renderMarkupWithin([{ kind: "bold", text }], inlineToMrkdwn, max);
}

/** `verbatim` stops Slack from turning bare words like @here or #channel into live mentions. */
export function mrkdwnElement(text: string): MrkdwnElement {
  return { type: "mrkdwn", text, verbatim: true };
}

export function plainTextElement(text: string, max: number): PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

/** Plain text escaped for mrkdwn and shortened to `max` without cutting an entity in half. */
export function escapedMrkdwn(text: string, max: number): string {
  return renderMarkupWithin([{ kind: "text", text }], inlineToMrkdwn, max);
}
