import { categoryBit, nameCoverage, ScoreBoard, textScore } from "./doc-scores";
import { fieldTerms, positionBit, type FieldSpec } from "./field-terms";
import { isDistinctiveWord } from "./generic-words";
import { tokenize } from "./normalize";
import { queryWords, type QueryWord } from "./query-words";
import { TopCandidates } from "./ranking";
import { matchingTerms, matchQuality } from "./term-matching";
import type { SearchHit } from "./types";
import { Vocabulary } from "./vocabulary";

/** A searchable field: how to read it from a document and how to weigh it. */
export interface FieldDefinition<T> extends FieldSpec {
  read(doc: T): string | undefined;
}

export interface EngineDefinition<T> {
  fields: readonly FieldDefinition<T>[];
  keyOf(doc: T): string;
  nameOf(doc: T): string;
}

interface DocRecord<T> {
  doc: T;
  key: string;
  /** Index of the document's row in the score board; reused after removal. */
  slot: number;
  /** Normalized name: for exact-name ranking and tie-breaking. */
  sortName: string;
  distinctiveNameMask: number;
  postings: Posting<T>[];
  alive: boolean;
}

/** One term of one field of one document. */
interface Posting<T> {
  record: DocRecord<T>;
  termId: number;
  /** A perfect match's worth: the field's weight times the term's factor (see `fieldTerms`). */
  weight: number;
  categoryBits: number;
  /** Name word positions the term covers; 0 outside the name. */
  namePositions: number;
}

interface CachedTerm {
  termId: number;
  factor: number;
  positions: number;
}

/** Documents whose words matched less than this (weighted) are not worth showing. */
const MIN_WORD_MATCH = 0.15;
const MAX_CACHED_FIELD_VALUES = 50_000;
/** Removed documents' postings are dropped in one pass once they are this share of all postings. */
const COMPACT_AT_DEAD_SHARE = 0.25;
/** Below this many candidates, a generic word is checked against each candidate's own terms. */
const FEW_CANDIDATES = 256;

const maxTypos = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/**
 * A generic in-memory full-text index over a few weighted fields, tolerant of
 * typos, diacritics, word order and unfinished words. The school and organizer
 * indexes are thin wrappers around it.
 */
export class SearchEngine<T> {
  readonly #definition: EngineDefinition<T>;
  readonly #fieldWeights: number[];
  readonly #fieldCategoryBits: number[];
  readonly #vocabulary = new Vocabulary(maxTypos);
  readonly #postings = new Map<number, Posting<T>[]>();
  readonly #records = new Map<string, DocRecord<T>>();
  readonly #slots: (DocRecord<T> | undefined)[] = [];
  readonly #freeSlots: number[] = [];
  readonly #board = new ScoreBoard();
  /** Field values repeat (municipalities, organizers): their terms are worked out once. */
  readonly #termsCache = new Map<string, readonly CachedTerm[]>();
  #livePostings = 0;
  #deadPostings = 0;

  constructor(definition: EngineDefinition<T>) {
    this.#definition = definition;
    this.#fieldWeights = definition.fields.map((field) => field.weight);
    this.#fieldCategoryBits = definition.fields.map((field) => categoryBit(field.category));
  }

  get size(): number {
    return this.#records.size;
  }

  get(key: string): T | undefined {
    return this.#records.get(key)?.doc;
  }

  /** Adds the document, replacing any document with the same key. */
  upsert(doc: T): void {
    const key = this.#definition.keyOf(doc);
    this.remove(key);
    const nameWords = tokenize(this.#definition.nameOf(doc));
    const record: DocRecord<T> = {
      doc,
      key,
      slot: this.#freeSlots.pop() ?? this.#slots.length,
      sortName: nameWords.join(" "),
      distinctiveNameMask: distinctiveMask(nameWords),
      postings: [],
      alive: true,
    };
    this.#definition.fields.forEach((field, fieldIndex) => {
      const text = field.read(doc);
      if (typeof text !== "string" || text.length === 0) return;
      const weight = this.#fieldWeights[fieldIndex] ?? 0;
      const categoryBits = this.#fieldCategoryBits[fieldIndex] ?? 0;
      for (const { termId, factor, positions } of this.#fieldTermIds(fieldIndex, text)) {
        const posting: Posting<T> = {
          record,
          termId,
          weight: weight * factor,
          categoryBits,
          namePositions: field.isName ? positions : 0,
        };
        const list = this.#postings.get(termId);
        if (list === undefined) this.#postings.set(termId, [posting]);
        else list.push(posting);
        record.postings.push(posting);
      }
    });
    this.#records.set(key, record);
    this.#slots[record.slot] = record;
    this.#livePostings += record.postings.length;
  }

  /** Removes the document with this key; `false` when there was none. */
  remove(key: string): boolean {
    const record = this.#records.get(key);
    if (record === undefined) return false;
    record.alive = false;
    this.#records.delete(key);
    this.#slots[record.slot] = undefined;
    this.#freeSlots.push(record.slot);
    this.#livePostings -= record.postings.length;
    this.#deadPostings += record.postings.length;
    if (this.#deadPostings > COMPACT_AT_DEAD_SHARE * (this.#livePostings + this.#deadPostings)) this.#compact();
    return true;
  }

  /** The best `limit` documents for a free-text query among those `accept` lets through. */
  search(query: string, accept: (doc: T) => boolean, limit: number): SearchHit<T>[] {
    const words = queryWords(query);
    if (words.length === 0 || words.every((word) => word.text.length <= 1)) return [];
    const board = this.#board;
    board.reset(this.#slots.length, words.length);
    this.#matchWords(words, board);
    const weights = words.map((word) => word.weight);
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const wholeQuery = words.map((word) => word.text).join(" ");
    const top = new TopCandidates<DocRecord<T>>(limit);
    for (const slot of board.candidates) {
      const record = this.#slots[slot];
      if (record === undefined) continue;
      const wordMatch = board.wordMatch(slot, weights, totalWeight);
      if (wordMatch < MIN_WORD_MATCH || !accept(record.doc)) continue;
      const coverage = nameCoverage(board.nameMask(slot), record.distinctiveNameMask);
      const score = textScore(wordMatch, coverage, record.sortName === wholeQuery);
      if (top.wouldTake(score, record.sortName, record.key)) {
        top.offer({ item: record, score, sortName: record.sortName, key: record.key });
      }
    }
    return top.items.map(({ item, score }) => ({ doc: item.doc, score, matchedOn: board.matchedOn(item.slot) }));
  }

  #fieldTermIds(fieldIndex: number, text: string): readonly CachedTerm[] {
    const cacheKey = `${fieldIndex}\u0000${text}`;
    const cached = this.#termsCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const field = this.#definition.fields[fieldIndex];
    const terms = field === undefined ? [] : fieldTerms(text, field);
    const ids = terms.map(({ term, factor, positions }) => ({ termId: this.#vocabulary.intern(term), factor, positions }));
    if (this.#termsCache.size < MAX_CACHED_FIELD_VALUES) this.#termsCache.set(cacheKey, ids);
    return ids;
  }

  #compact(): void {
    for (const [termId, list] of this.#postings) {
      const alive = list.filter((posting) => posting.record.alive);
      if (alive.length === 0) this.#postings.delete(termId);
      else if (alive.length !== list.length) this.#postings.set(termId, alive);
    }
    this.#deadPostings = 0;
  }

  /**
   * Best match per query word for every candidate document. Distinctive words find
   * the candidates; generic and short words only add to documents already found,
   * unless the query has nothing else.
   */
  #matchWords(words: readonly QueryWord[], board: ScoreBoard): void {
    const isFinder = (word: QueryWord): boolean => word.weight === 1 && word.text.length >= 2;
    const anyFinder = words.some(isFinder);
    words.forEach((word, index) => {
      if (!anyFinder || isFinder(word)) {
        for (const [termId, quality] of this.#termsMatching(word)) this.#offerTerm(board, index, termId, quality, false);
      }
    });
    if (!anyFinder) return;
    words.forEach((word, index) => {
      if (isFinder(word)) return;
      if (board.candidates.length < FEW_CANDIDATES) this.#matchEachCandidate(board, index, word);
      else for (const [termId, quality] of this.#termsMatching(word)) this.#offerTerm(board, index, termId, quality, true);
    });
  }

  #offerTerm(board: ScoreBoard, wordIndex: number, termId: number, quality: number, candidatesOnly: boolean): void {
    for (const posting of this.#postings.get(termId) ?? []) {
      const { record } = posting;
      if (record.alive && (!candidatesOnly || board.isCandidate(record.slot))) this.#offer(board, wordIndex, posting, quality);
    }
  }

  /** Matches a word against the terms of the few candidates found so far. */
  #matchEachCandidate(board: ScoreBoard, wordIndex: number, word: QueryWord): void {
    const qualityByTerm = new Map<number, number>();
    for (const slot of [...board.candidates]) {
      for (const posting of this.#slots[slot]?.postings ?? []) {
        let quality = qualityByTerm.get(posting.termId);
        if (quality === undefined) {
          quality = this.#qualityAgainst(word, this.#vocabulary.term(posting.termId));
          qualityByTerm.set(posting.termId, quality);
        }
        if (quality > 0) this.#offer(board, wordIndex, posting, quality);
      }
    }
  }

  #termsMatching(word: QueryWord): Map<number, number> {
    const merged = new Map<number, number>();
    for (const form of word.forms) {
      for (const [termId, quality] of matchingTerms(this.#vocabulary, form.text, form.prefix)) {
        const value = quality * form.factor;
        if ((merged.get(termId) ?? 0) < value) merged.set(termId, value);
      }
    }
    return merged;
  }

  #qualityAgainst(word: QueryWord, term: string): number {
    let best = 0;
    for (const form of word.forms) {
      const known = this.#vocabulary.id(form.text) !== undefined;
      best = Math.max(best, matchQuality(form.text, term, form.prefix, known) * form.factor);
    }
    return best;
  }

  #offer(board: ScoreBoard, wordIndex: number, posting: Posting<T>, quality: number): void {
    board.offer(posting.record.slot, wordIndex, posting.weight * quality, posting.categoryBits, posting.namePositions);
  }
}

function distinctiveMask(nameWords: readonly string[]): number {
  let mask = 0;
  nameWords.forEach((word, index) => {
    if (isDistinctiveWord(word)) mask |= positionBit(index);
  });
  return mask;
}
