/**
 * Swedish school names are compounds ("Rinkebyskolan", "Kvarnbergsskolan",
 * "Sjöviksfriskolan"). Splitting off the school word lets "rinkeby skola" find
 * "Rinkebyskolan" and "hjulstaskolan" find "Hjulsta grundskola". Longest first.
 */
const SCHOOL_SUFFIXES = [
  "montessoriskolan",
  "montessoriskola",
  "resursskolan",
  "resursskola",
  "grundskolan",
  "grundskola",
  "friskolorna",
  "friskolan",
  "friskola",
  "skolorna",
  "skolan",
  "skolor",
  "skola",
] as const;

const MIN_STEM_LENGTH = 3;

export interface CompoundParts {
  /** The distinctive part, e.g. "kvarnbergs" in "kvarnbergsskolan". */
  stem: string;
  /** The school word, e.g. "skolan". */
  suffix: string;
}

/** Splits a normalized word ending in a school word; `undefined` for other words. */
export function splitSchoolCompound(word: string): CompoundParts | undefined {
  for (const suffix of SCHOOL_SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM_LENGTH && word.endsWith(suffix)) {
      return { stem: word.slice(0, word.length - suffix.length), suffix };
    }
  }
  return undefined;
}

/**
 * The base form of a Swedish genitive ("härnösands" → "härnösand", "kvarnbergs" →
 * "kvarnberg"), or `undefined` when the word is too short to tell.
 */
export function withoutGenitive(word: string): string | undefined {
  return word.length >= 5 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : undefined;
}
