import { foldSwedish } from "@samverkan/sdk";
import { sanitize, stripAddressing, tokenize, type Token } from "./text";

/**
 * One message in the three views the extractors need. `text` and `folded` have equal length,
 * so an index found in the folded view cuts the original-case text at the same place.
 */
export interface Utterance {
  /** Sanitized, capped, with bot mentions and the slash command blanked out. */
  text: string;
  /** Lowercase, without diacritics: what typo-tolerant matching runs on. */
  folded: string;
  tokens: Token[];
}

export function toUtterance(input: unknown): Utterance {
  const text = stripAddressing(sanitize(input));
  const folded = foldSwedish(text);
  return { text, folded, tokens: tokenize(folded, text) };
}
