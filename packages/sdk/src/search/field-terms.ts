import { splitSchoolCompound, withoutGenitive } from "./compounds";
import { tokenize } from "./normalize";
import type { MatchedField } from "./types";

/** How one searchable field of a document is indexed and weighed. */
export interface FieldSpec {
  category: MatchedField;
  /** Weight of a perfect match in this field; the name field weighs 1. */
  weight: number;
  /** Also index the parts of school compounds and adjacent words run together. */
  compounds: boolean;
  /** Also index genitive words without their "s". */
  genitive: boolean;
  /** The field whose words count for name coverage and exact-name ranking. */
  isName: boolean;
}

/** A term to index for a field, with how strongly it stands for the field text. */
export interface FieldTerm {
  term: string;
  /** 1 for a word as written, less for derived parts. */
  factor: number;
  /** Bit i set when the term covers word i of the field (words beyond 30 share bit 30). */
  positions: number;
}

export const MAX_FIELD_WORDS = 31;

const STEM_FACTOR = 0.92;
const SUFFIX_FACTOR = 0.9;
const JOINED_FACTOR = 0.85;
const ACRONYM_FACTOR = 0.9;

/** Initials of a name's first three words: "Internationella Engelska Skolan Kista" → "ies". */
function acronymOf(words: readonly string[]): string | undefined {
  const leading = words.slice(0, 3);
  if (leading.length < 3 || !leading.every((word) => /^\p{L}{2,}$/u.test(word))) return undefined;
  return leading.map((word) => word[0] ?? "").join("");
}

/** Short neighbouring words are also indexed run together: "rinkeby skola" as "rinkebyskola". */
const MAX_JOINED_LENGTH = 14;

function isJoinable(word: string, next: string): boolean {
  return word.length + next.length <= MAX_JOINED_LENGTH && /^\p{L}{2,}$/u.test(word) && /^\p{L}{2,}$/u.test(next);
}

export function positionBit(index: number): number {
  return 1 << Math.min(index, MAX_FIELD_WORDS - 1);
}

/** The terms to index for one field value. */
export function fieldTerms(text: string, spec: FieldSpec): FieldTerm[] {
  const words = tokenize(text).slice(0, 64);
  const terms = new Map<string, FieldTerm>();
  const add = (term: string, factor: number, positions: number): void => {
    const known = terms.get(term);
    if (known === undefined) terms.set(term, { term, factor, positions });
    else {
      known.factor = Math.max(known.factor, factor);
      known.positions |= positions;
    }
  };
  const acronym = acronymOf(words);
  if (spec.compounds && acronym !== undefined) add(acronym, ACRONYM_FACTOR, 0b111);
  words.forEach((word, index) => {
    const bit = positionBit(index);
    add(word, 1, bit);
    if (spec.compounds) {
      const parts = splitSchoolCompound(word);
      if (parts !== undefined) {
        add(parts.stem, STEM_FACTOR, bit);
        add(parts.suffix, SUFFIX_FACTOR, bit);
        const base = withoutGenitive(parts.stem);
        if (base !== undefined) add(base, STEM_FACTOR, bit);
      }
      const next = words[index + 1];
      if (next !== undefined && isJoinable(word, next)) {
        add(word + next, JOINED_FACTOR, bit | positionBit(index + 1));
      }
    }
    if (spec.genitive) {
      const base = withoutGenitive(word);
      if (base !== undefined) add(base, STEM_FACTOR, bit);
    }
  });
  return [...terms.values()];
}
