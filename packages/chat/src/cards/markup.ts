import { fitRendered, graphemes } from "./text-budget";

/**
 * The tiny markup flows write in: `**bold**`, `_italic_` and `[label](https://…)`. It is
 * flat on purpose (no nesting), so every platform can express it; anything that does not
 * match exactly stays literal text.
 *
 * Data (names, notes, queries, error texts that quote input) enters markup only through
 * `escapeMarkup`: a backslash before one of `\ * _ [ ] ~ \`` makes that character plain
 * text, which each renderer then shows literally (Slack has no escape for its own
 * formatting characters, so it gets look-alikes; see `slack/mrkdwn.ts`).
 */
export type Inline =
  | {
      kind: "text";
      text: string;
      /** Data, not the engine's own words: no character in it may format anything on any platform. */
      plain?: boolean;
    }
  | { kind: "bold"; text: string }
  | { kind: "italic"; text: string }
  | { kind: "link"; text: string; url: string };

const ESCAPABLE = /[\\*_[\]~`]/g;

/** Makes text safe to put inside markup: every character of it shows literally. */
export function escapeMarkup(text: string): string {
  return text.replace(ESCAPABLE, (char) => `\\${char}`);
}

const unescape = (text: string) => text.replace(/\\([\\*_[\]~`])/g, "$1");

// An escaped pair (`\*`) is one unit that never closes a span, so `**${escapeMarkup(name)}**`
// stays one bold span whatever the name holds.
const BOLD = /\*\*(?=\S)((?:\\[\\*_[\]~`]|\\(?![\\*_[\]~`])|[^\\])*?(?:\\[\\*_[\]~`]|\\(?![\\*_[\]~`])|[^\\\s]))\*\*/y;
// Underscores inside words (snake_case, file_names) are not italics.
const ITALIC = /_(?=\S)((?:\\[\\*_[\]~`]|\\(?![\\*_[\]~`])|[^_\n\\])*?(?:\\[\\*_[\]~`]|\\(?![\\*_[\]~`])|[^\s_\\]))_(?![\p{L}\p{N}])/uy;
const LINK = /\[((?:\\[\\*_[\]~`]|\\(?![\\*_[\]~`])|[^\]\n\\])+)\]\(((?:https?:\/\/|mailto:)[^\s()<>]+)\)/iy;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ESCAPED = /^[\\*_[\]~`]$/;

function matchAt(pattern: RegExp, source: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(source);
}

export function parseMarkup(source: string): Inline[] {
  const nodes: Inline[] = [];
  let literal = "";
  let plain = "";
  const flush = () => {
    if (literal) nodes.push({ kind: "text", text: literal });
    if (plain) nodes.push({ kind: "text", text: plain, plain: true });
    literal = "";
    plain = "";
  };
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    const following = source[index + 1] ?? "";
    if (char === "\\" && ESCAPED.test(following)) {
      if (literal) flush();
      plain += following;
      index += 2;
      continue;
    }
    if (plain) flush();
    let match: RegExpExecArray | null = null;
    let node: Inline | undefined;
    if (char === "*" && following === "*") {
      match = matchAt(BOLD, source, index);
      if (match) node = { kind: "bold", text: unescape(match[1] ?? "") };
    } else if (char === "_" && !WORD_CHAR.test(source[index - 1] ?? "")) {
      match = matchAt(ITALIC, source, index);
      if (match) node = { kind: "italic", text: unescape(match[1] ?? "") };
    } else if (char === "[") {
      match = matchAt(LINK, source, index);
      if (match) node = { kind: "link", text: unescape(match[1] ?? ""), url: match[2] ?? "" };
    }
    if (match && node) {
      flush();
      nodes.push(node);
      index += match[0].length;
    } else {
      literal += char;
      index += 1;
    }
  }
  flush();
  return nodes;
}

/** Markup as plain text: markers dropped, links as `label (url)`. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.kind === "link" && node.text !== node.url ? `${node.text} (${node.url})` : node.text)).join("");
}

/**
 * Renders markup with a platform's `render` and shortens it to `max` characters of output
 * by dropping visible text from the end, so markers, links and escapes stay whole.
 */
export function renderMarkupWithin(nodes: readonly Inline[], render: (nodes: readonly Inline[]) => string, max: number): string {
  // Segment once; the search below renders many prefixes.
  const split = nodes.map((node) => ({ node, parts: graphemes(node.text) }));
  const total = split.reduce((sum, { parts }) => sum + parts.length, 0);
  const prefix = (count: number): Inline[] => {
    const kept: Inline[] = [];
    let remaining = count;
    for (const { node, parts } of split) {
      if (remaining <= 0) break;
      kept.push(parts.length <= remaining ? node : { ...node, text: parts.slice(0, remaining).join("") });
      remaining -= parts.length;
    }
    return kept;
  };
  return fitRendered(total, (count) => render(count === total ? nodes : prefix(count)), max);
}
