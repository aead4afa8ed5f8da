/**
 * Input hygiene shared by every extractor. All transforms keep the string length, so an
 * index found in one view (folded, blanked) points at the same characters in the others.
 */

/** Long pastes are capped so parsing stays fast; commands and dates are near the start. */
export const MAX_PARSE_CHARS = 2000;

// Control, zero-width and bidi characters: invisible, and they break word boundaries.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g;
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u205f\u3000]/g;

export function sanitize(input: unknown): string {
  const text = typeof input === "string" ? input : "";
  return text.slice(0, MAX_PARSE_CHARS).replace(INVISIBLE, " ").replace(ODD_SPACES, " ");
}

/** Replace every match with spaces of the same length, so indices stay put. */
export function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => " ".repeat(m.length));
}

// Slack `<@U123>`, Teams `<at>Samverkan</at>`, and the slash command itself are addressing, not content.
const ADDRESSING = [/<@[A-Za-z0-9._-]+(?:\|[^>]*)?>/g, /<at>[^<]{0,80}<\/at>/gi, /^\s*\/?samverkan\b:?/i, /^\s*@samverkan\b:?/i];

export function stripAddressing(text: string): string {
  return ADDRESSING.reduce((acc, re) => blank(acc, re), text);
}

export interface Token {
  word: string;
  index: number;
  /** Capitalised mid-sentence ("Borås"): a name, so never typo-matched against command words. */
  name: boolean;
}

export function tokenize(folded: string, text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g)) {
    const first = text[m.index] ?? "";
    const before = text.slice(0, m.index);
    const sentenceStart = !/[\p{L}\p{N}]/u.test(before) || /[.!?:]\s+$/.test(before.slice(-10));
    tokens.push({ word: m[0], index: m.index, name: first !== first.toLowerCase() && !sentenceStart });
  }
  return tokens;
}

/** Collapse whitespace and trim separators a user puts around a phrase. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/^[\s,.;:!?\-–—>/]+/, "")
    .replace(/[\s,.;:!?\-–—<]+$/, "")
    .trim();
}
