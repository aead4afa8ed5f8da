import { parseMarkup, type Inline } from "../markup";

/**
 * Adaptive Cards read a CommonMark subset (bold, italic, links, lists) in TextBlocks and
 * facts. User text is backslash-escaped wherever it would otherwise turn into formatting:
 * emphasis and link brackets anywhere, list markers at the start of a line.
 */
export function escapeAdaptiveMarkdown(text: string): string {
  return text
    .replace(/[\\*_[\]`]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([-+])(?=\s)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, "$1\\$2");
}

// Parentheses and spaces would end the link target early.
function escapeUrl(url: string): string {
  return url.replace(/[()\s]/g, (char) => encodeURIComponent(char));
}

export function inlineToAdaptiveMarkdown(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case "text":
          return escapeAdaptiveMarkdown(node.text);
        case "bold":
          return `**${escapeAdaptiveMarkdown(node.text)}**`;
        case "italic":
          return `_${escapeAdaptiveMarkdown(node.text)}_`;
        case "link":
          return `[${escapeAdaptiveMarkdown(node.text)}](${escapeUrl(node.url)})`;
      }
    })
    .join("");
}

export function markupToAdaptiveMarkdown(markup: string): string {
  return inlineToAdaptiveMarkdown(parseMarkup(markup));
}
