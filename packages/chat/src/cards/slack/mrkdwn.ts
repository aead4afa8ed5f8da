import type { MrkdwnElement, PlainTextElement } from "@slack/types";
import { parseMarkup, renderMarkupWithin, type Inline } from "../markup";
import { truncate } from "../text-budget";

/** Slack needs exactly these three escaped in mrkdwn; escaping them also defuses `<!channel>`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Slack has no escape for `*`, `_`, `~` and `` ` ``, so in data they become look-alikes
 * that format nothing (∗ ＿ ∼ ˋ). An underscore inside a word (snake_case) cannot start
 * italics and stays as it is.
 */
const LOOK_ALIKES: Record<string, string> = { "*": "\u2217", _: "\uFF3F", "~": "\u223C", "`": "\u02CB" };

export function neutralizeMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, (char, offset: number, whole: string) =>
    char === "_" && /[\p{L}\p{N}]/u.test(whole[offset - 1] ?? "") && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? "") ? char : (LOOK_ALIKES[char] ?? char),
  );
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
          // The engine's own words keep Slack's *emphasis*; data never formats anything.
          return node.plain ? neutralizeMrkdwn(node.text) : escapeMrkdwn(node.text);
        case "bold":
          return `*${neutralizeMrkdwn(node.text)}*`;
        case "italic":
          return `_${neutralizeMrkdwn(node.text)}_`;
        case "link":
          return `<${escapeUrl(node.url)}|${neutralizeMrkdwn(node.text)}>`;
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

/** Plain text (titles, subtitles, fallbacks) as mrkdwn that formats nothing, shortened to `max` without cutting an entity in half. */
export function escapedMrkdwn(text: string, max: number): string {
  return renderMarkupWithin([{ kind: "text", text, plain: true }], inlineToMrkdwn, max);
}
