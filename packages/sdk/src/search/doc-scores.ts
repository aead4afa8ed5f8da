import type { MatchedField } from "./types";

/** Share of the final score: how well the query words matched … */
const WORD_MATCH_SHARE = 0.9;
/** … how much of the name's distinctive words the query covered … */
const NAME_COVERAGE_SHARE = 0.06;
/** … and whether the query is the name, word for word. Sums to 0.99: 1 is kept for code hits. */
const EXACT_NAME_SHARE = 0.03;

const CATEGORY_ORDER: readonly MatchedField[] = ["code", "url", "name", "municipality", "organizer"];

/** The bit standing for a field category in match masks. */
export const categoryBit = (category: MatchedField): number => 1 << CATEGORY_ORDER.indexOf(category);

/** The field categories in a mask, in a fixed order. */
export function categoriesIn(mask: number): MatchedField[] {
  return CATEGORY_ORDER.filter((category) => (mask & categoryBit(category)) !== 0);
}

/**
 * The best match so far of every query word in every candidate document, kept in
 * flat typed arrays indexed by document slot. One board serves one query at a time
 * and is reused: `reset` clears only what the last query touched.
 */
export class ScoreBoard {
  #wordCount = 0;
  #best = new Float64Array(0);
  #categories = new Uint8Array(0);
  #nameMasks = new Int32Array(0);
  #isCandidate = new Uint8Array(0);
  #candidates: number[] = [];

  /** Prepares for a query of `wordCount` words over documents in slots below `slotCount`. */
  reset(slotCount: number, wordCount: number): void {
    this.#clearCandidates();
    const cells = slotCount * wordCount;
    if (this.#best.length < cells) {
      this.#best = new Float64Array(cells * 2);
      this.#categories = new Uint8Array(cells * 2);
    }
    if (this.#isCandidate.length < slotCount) {
      this.#isCandidate = new Uint8Array(slotCount * 2);
      this.#nameMasks = new Int32Array(slotCount * 2);
    }
    this.#wordCount = wordCount;
  }

  #clearCandidates(): void {
    const width = this.#wordCount;
    if (this.#candidates.length * 16 > this.#isCandidate.length) {
      this.#best.fill(0);
      this.#categories.fill(0);
      this.#nameMasks.fill(0);
      this.#isCandidate.fill(0);
    } else {
      for (const slot of this.#candidates) {
        this.#isCandidate[slot] = 0;
        this.#nameMasks[slot] = 0;
        for (let cell = slot * width; cell < (slot + 1) * width; cell += 1) {
          this.#best[cell] = 0;
          this.#categories[cell] = 0;
        }
      }
    }
    this.#candidates = [];
  }

  /** Slots of the candidate documents, in the order they were found. */
  get candidates(): readonly number[] {
    return this.#candidates;
  }

  isCandidate(slot: number): boolean {
    return this.#isCandidate[slot] === 1;
  }

  /** Offers a match of query word `word` worth `value` (0..1), found in a field of `categoryBits`. */
  offer(slot: number, word: number, value: number, categoryBits: number, namePositions: number): void {
    if (this.#isCandidate[slot] !== 1) {
      this.#isCandidate[slot] = 1;
      this.#candidates.push(slot);
    }
    const cell = slot * this.#wordCount + word;
    const best = this.#best[cell] ?? 0;
    if (value > best) {
      this.#best[cell] = value;
      this.#categories[cell] = categoryBits;
    } else if (value === best && value > 0) {
      this.#categories[cell] = (this.#categories[cell] ?? 0) | categoryBits;
    }
    this.#nameMasks[slot] = (this.#nameMasks[slot] ?? 0) | namePositions;
  }

  /** Weighted share of the query the document matched, 0..1. */
  wordMatch(slot: number, weights: readonly number[], totalWeight: number): number {
    let matched = 0;
    const start = slot * this.#wordCount;
    for (let word = 0; word < weights.length; word += 1) matched += (weights[word] ?? 0) * (this.#best[start + word] ?? 0);
    return totalWeight > 0 ? matched / totalWeight : 0;
  }

  /** Name word positions any query word matched. */
  nameMask(slot: number): number {
    return this.#nameMasks[slot] ?? 0;
  }

  /** The field categories that gave the words of this document their best matches. */
  matchedOn(slot: number): MatchedField[] {
    let mask = 0;
    const start = slot * this.#wordCount;
    for (let word = 0; word < this.#wordCount; word += 1) mask |= this.#categories[start + word] ?? 0;
    return categoriesIn(mask);
  }
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value >>> 0; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/** The share of the name's distinctive words (bits of `distinctiveMask`) that matched. */
export function nameCoverage(matchedMask: number, distinctiveMask: number): number {
  const total = bitCount(distinctiveMask);
  return total === 0 ? 0 : bitCount(matchedMask & distinctiveMask) / total;
}

/** The final text score, below 1 and rounded so that equal matches tie exactly. */
export function textScore(wordMatch: number, coverage: number, isExactName: boolean): number {
  const score = WORD_MATCH_SHARE * wordMatch + NAME_COVERAGE_SHARE * coverage + (isExactName ? EXACT_NAME_SHARE : 0);
  return Math.round(score * 1e6) / 1e6;
}
