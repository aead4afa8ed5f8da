import { tidy } from "../text";
import type { Utterance } from "../utterance";

/**
 * What to search for: the rest of the message after "sök"/"hitta"/"search for", without the
 * generic words in front of the name ("skola", "skolor i", "school named"). The name itself
 * is kept as typed, including "skolan" when it is part of it ("Rinkebyskolan").
 */
const LEADING_FILLER = new Set([
  "efter",
  "for",
  "up",
  "upp",
  "pa",
  "om",
  "on",
  "about",
  "info",
  "information",
  "skola",
  "skolan",
  "skolor",
  "skolorna",
  "skolenhet",
  "skolenheten",
  "skolenheter",
  "school",
  "schools",
  "a",
  "an",
  "the",
  "en",
  "ett",
  "named",
  "called",
  "som",
  "heter",
  "med",
  "namn",
  "namnet",
  "name",
  "mig",
  "me",
  "at",
  "i",
  "in",
  "det",
  "there",
  "nagon",
  "nagra",
  "any",
  "some",
  "en",
  "vilka",
  "which",
  "alla",
  "all",
  "kan",
  "du",
  "can",
  "you",
  "please",
  "snalla",
  "visa",
  "show",
  "sok",
  "hitta",
  "search",
  "find",
  "leta",
  "finns",
  "are",
  "is",
  "ligger",
  "lookup",
  "look",
  "sla",
]);
const TRAILING_FILLER = /(?:\s+(?:tack|please|pls|thanks|at\s+mig|for\s+me|ar|finns|is|are))+\s*$/i;

export function findQuery(u: Utterance, cueEnd: number | undefined): string | undefined {
  let region = u.text.slice(cueEnd ?? 0);
  let folded = u.folded.slice(cueEnd ?? 0);
  for (;;) {
    const m = /^[\s,:;-]*([a-z0-9]+)\b[\s,:;-]*/.exec(folded);
    if (!m?.[1] || !LEADING_FILLER.has(m[1])) break;
    // Never peel the last word: "sök skola" searches for nothing, but "sök Skolan" might be a name.
    if (m[0].length >= folded.trimEnd().length) break;
    region = region.slice(m[0].length);
    folded = folded.slice(m[0].length);
  }
  const query = tidy(region.replace(/[?!.]+\s*$/, "").replace(TRAILING_FILLER, ""));
  if (!/[\p{L}\p{N}]/u.test(query)) return undefined;
  if (LEADING_FILLER.has(query.toLowerCase())) return undefined;
  return query.slice(0, 200);
}
