/**
 * Words that say little about which unit is meant: school-type words, legal forms,
 * small function words. They still count, but far less than a distinctive word.
 */
const GENERIC_WORDS = new Set([
  "skola",
  "skolan",
  "skolor",
  "skolorna",
  "skolenhet",
  "school",
  "schools",
  "grundskola",
  "grundskolan",
  "grundsarskola",
  "friskola",
  "friskolan",
  "resursskola",
  "resursskolan",
  "enskilda",
  "kommunal",
  "kommun",
  "kommuns",
  "stad",
  "region",
  "ab",
  "aktiebolag",
  "ek",
  "for",
  "forening",
  "ekonomisk",
  "ideell",
  "stiftelsen",
  "stiftelse",
  "sverige",
  "och",
  "i",
  "pa",
  "av",
  "till",
  "med",
  "the",
  "of",
  "and",
  "in",
  "gr",
  "grsk",
  "ak",
  "arskurs",
  "enhet",
  "lan",
]);

export const GENERIC_WORD_WEIGHT = 0.3;
export const SHORT_WORD_WEIGHT = 0.4;

/** How much a normalized query or name word counts: 1 for a distinctive word, less for generic ones. */
export function wordWeight(word: string): number {
  if (GENERIC_WORDS.has(word)) return GENERIC_WORD_WEIGHT;
  if (word.length <= 1 || /^\d{1,2}$/.test(word)) return SHORT_WORD_WEIGHT;
  return 1;
}

/** Whether a word distinguishes one name from another (used for name coverage). */
export function isDistinctiveWord(word: string): boolean {
  return wordWeight(word) === 1;
}
