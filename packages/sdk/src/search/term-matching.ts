import { boundedEditDistance } from "./edit-distance";
import type { Vocabulary } from "./vocabulary";

/**
 * How well a query word matches an indexed term, from 1 (the same word) down:
 * exact > start of the word being typed > typo > start of an earlier word.
 */
export const MATCH_QUALITY = {
  exact: 1,
  /** Plus up to `typingPrefixBonus` the more of the term is typed. */
  typingPrefix: 0.72,
  typingPrefixBonus: 0.2,
  oneTypo: 0.68,
  /**
   * A letter left out, the commonest slip in long Swedish compounds
   * ("klagshamskolan", "tellusborgskolan"): a little better than other single typos.
   */
  oneMissingLetter: 0.7,
  twoTypos: 0.5,
  /**
   * A word that is itself a known term is probably meant as written: its one-typo
   * neighbours count this much less, its two-typo neighbours not at all.
   */
  knownWordTypoFactor: 0.75,
  /** A complete earlier word that is the start of a term ("internat engelska"). */
  innerPrefix: 0.5,
  innerPrefixBonus: 0.15,
} as const;

const MIN_INNER_PREFIX_LENGTH = 4;
const MAX_PREFIX_TERMS = 5000;

/** Typos tolerated: none below 4 letters, 1 from 4, 2 from 8; never in numbers. */
export function allowedTypos(word: string): number {
  if (/^\d+$/.test(word)) return 0;
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

function prefixQuality(word: string, term: string, typing: boolean): number {
  const covered = word.length / term.length;
  return typing ? MATCH_QUALITY.typingPrefix + MATCH_QUALITY.typingPrefixBonus * covered : MATCH_QUALITY.innerPrefix + MATCH_QUALITY.innerPrefixBonus * covered;
}

function canMatchAsPrefix(word: string, typing: boolean): boolean {
  return typing ? word.length >= 1 : word.length >= MIN_INNER_PREFIX_LENGTH && !/^\d+$/.test(word);
}

function typoQuality(word: string, term: string, distance: number, wordIsKnown: boolean): number {
  if (distance === 0) return MATCH_QUALITY.exact;
  if (distance === 1) {
    const quality = term.length === word.length + 1 ? MATCH_QUALITY.oneMissingLetter : MATCH_QUALITY.oneTypo;
    return wordIsKnown ? quality * MATCH_QUALITY.knownWordTypoFactor : quality;
  }
  return wordIsKnown ? 0 : MATCH_QUALITY.twoTypos;
}

/**
 * The quality of one word against one term, or 0 when they do not match.
 * `wordIsKnown`: the word is itself a term of the index (see `MATCH_QUALITY.knownWordTypoFactor`).
 */
export function matchQuality(word: string, term: string, typing: boolean, wordIsKnown: boolean): number {
  if (word === term) return MATCH_QUALITY.exact;
  let best = 0;
  if (term.length > word.length && canMatchAsPrefix(word, typing) && term.startsWith(word)) {
    best = prefixQuality(word, term, typing);
  }
  const typos = allowedTypos(word);
  if (typos > 0) {
    const distance = boundedEditDistance(word, term, typos);
    if (distance <= typos) best = Math.max(best, typoQuality(word, term, distance, wordIsKnown));
  }
  return best;
}

/** Every term of the vocabulary the word matches, with its quality. */
export function matchingTerms(vocabulary: Vocabulary, word: string, typing: boolean): Map<number, number> {
  const matches = new Map<number, number>();
  const offer = (id: number, quality: number): void => {
    if ((matches.get(id) ?? 0) < quality) matches.set(id, quality);
  };
  const wordIsKnown = vocabulary.id(word) !== undefined;
  for (const { id, distance } of vocabulary.withinDistance(word, allowedTypos(word))) {
    offer(id, typoQuality(word, vocabulary.term(id), distance, wordIsKnown));
  }
  if (canMatchAsPrefix(word, typing)) {
    for (const id of vocabulary.withPrefix(word, MAX_PREFIX_TERMS)) {
      const term = vocabulary.term(id);
      if (term.length > word.length) offer(id, prefixQuality(word, term, typing));
    }
  }
  return matches;
}
