import { boundedEditDistance } from "./edit-distance";

export interface FuzzyTerm {
  id: number;
  distance: number;
}

/** The terms that share a key, and how deep the key's deletions are indexed. */
interface TermGroup {
  ids: number[];
  depth: number;
  number: number;
}

/**
 * Every distinct term of an index, with the two lookups fuzzy matching needs:
 * terms within a small edit distance, and terms starting with a prefix (a sorted list).
 *
 * Fuzzy candidates come from a deletion neighbourhood, the idea behind SymSpell:
 * two words within d edits become equal after deleting at most d letters from each.
 * Only the first `keyLength` letters are used as keys, which keeps the neighbourhood
 * small for long compound names and loses no match: when two words are within d
 * edits, so are their first-k-letter prefixes up to letters cut off at the end, and
 * those can be among the deletions. Candidates are then checked with the real
 * distance (the test suite compares the lookup with brute force). Terms are only
 * ever added; a term whose documents are all removed stays.
 */
export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  /** Terms grouped by their key (first `keyLength` letters), with the deletion depth indexed for the group. */
  readonly #groups = new Map<string, TermGroup>();
  /** The same groups by number, in the order they were made (what the deletions point at). */
  readonly #groupsByNumber: TermGroup[] = [];
  /**
   * A deletion's hash → the group (number) it was made from, or groups when several share
   * the hash (most have one). Hashes rather than the deletions themselves: there are some
   * twenty per key, and as strings they were the biggest part of the search indexes' memory.
   * Two deletions that share a hash only offer more candidates, which the real distance sorts out.
   */
  readonly #deletions = new Map<number, number | number[]>();
  #sorted: number[] = [];
  #unsorted: number[] = [];
  readonly #maxDistance: (termLength: number) => number;
  readonly #keyLength: number;

  /**
   * `maxDistance(length)`: the largest edit distance at which a word of that length is
   * looked up; `keyLength`: how many leading letters the deletion keys use.
   */
  constructor(maxDistance: (wordLength: number) => number, keyLength = 6) {
    this.#maxDistance = maxDistance;
    this.#keyLength = keyLength;
  }

  get size(): number {
    return this.#terms.length;
  }

  term(id: number): string {
    return this.#terms[id] ?? "";
  }

  id(term: string): number | undefined {
    return this.#ids.get(term);
  }

  /** The id of `term`, adding it first if it is new. */
  intern(term: string): number {
    const known = this.#ids.get(term);
    if (known !== undefined) return known;
    const id = this.#terms.length;
    this.#terms.push(term);
    this.#ids.set(term, id);
    this.#unsorted.push(id);
    const key = term.slice(0, this.#keyLength);
    const depth = Math.min(this.#indexDepth(term.length), Math.max(0, key.length - 1));
    const group = this.#groups.get(key);
    if (group === undefined) {
      const created: TermGroup = { ids: [id], depth, number: this.#groupsByNumber.length };
      this.#groupsByNumber.push(created);
      this.#groups.set(key, created);
      for (const deletion of deletionsOf(key, depth)) this.#addDeletion(deletion, created.number);
    } else {
      group.ids.push(id);
      if (depth > group.depth) {
        const known = deletionsOf(key, group.depth);
        for (const deletion of deletionsOf(key, depth)) if (!known.has(deletion)) this.#addDeletion(deletion, group.number);
        group.depth = depth;
      }
    }
    return id;
  }

  #addDeletion(deletion: string, group: number): void {
    const hash = hashOf(deletion);
    const known = this.#deletions.get(hash);
    if (known === undefined) this.#deletions.set(hash, group);
    else if (typeof known === "number") this.#deletions.set(hash, [known, group]);
    else known.push(group);
  }

  /** Terms within `maxDistance` edits (insert, delete, substitute, swap neighbours) of `word`. */
  withinDistance(word: string, maxDistance: number): FuzzyTerm[] {
    const found = new Map<number, number>();
    const consider = (id: number): void => {
      if (found.has(id)) return;
      const distance = boundedEditDistance(word, this.#terms[id] ?? "", maxDistance);
      if (distance <= maxDistance) found.set(id, distance);
    };
    const exact = this.#ids.get(word);
    if (exact !== undefined) found.set(exact, 0);
    if (maxDistance > 0) {
      const key = word.slice(0, this.#keyLength);
      const considerGroup = (group: TermGroup | undefined): void => {
        for (const id of group?.ids ?? []) consider(id);
      };
      for (const deletion of [key, ...deletionsOf(key, maxDistance)]) {
        considerGroup(this.#groups.get(deletion));
        const numbers = this.#deletions.get(hashOf(deletion));
        if (typeof numbers === "number") considerGroup(this.#groupsByNumber[numbers]);
        else if (numbers !== undefined) for (const number of numbers) considerGroup(this.#groupsByNumber[number]);
      }
    }
    return [...found].map(([id, distance]) => ({ id, distance }));
  }

  /** Ids of the terms that start with `prefix` (in term order), at most `limit` of them. */
  withPrefix(prefix: string, limit: number): number[] {
    const sorted = this.#sortedIds();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.term(sorted[middle] ?? 0) < prefix) low = middle + 1;
      else high = middle;
    }
    const ids: number[] = [];
    for (let index = low; index < sorted.length && ids.length < limit; index += 1) {
      const id = sorted[index] ?? 0;
      if (!this.term(id).startsWith(prefix)) break;
      ids.push(id);
    }
    return ids;
  }

  /**
   * How many deletions to index for a term of this length: enough to meet every word
   * that may be looked up at its own distance and could be that close in length.
   */
  #indexDepth(length: number): number {
    let depth = 0;
    for (let delta = -2; delta <= 2; delta += 1) {
      const wordLength = length + delta;
      if (wordLength < 1) continue;
      const allowed = this.#maxDistance(wordLength);
      if (Math.abs(delta) <= allowed) depth = Math.max(depth, allowed);
    }
    return Math.min(depth, Math.max(0, length - 1));
  }

  #sortedIds(): number[] {
    if (this.#unsorted.length === 0) return this.#sorted;
    const byTerm = (a: number, b: number): number => compareStrings(this.term(a), this.term(b));
    if (this.#unsorted.length > 64) {
      this.#sorted = [...this.#sorted, ...this.#unsorted].sort(byTerm);
    } else {
      for (const id of this.#unsorted) {
        let low = 0;
        let high = this.#sorted.length;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (byTerm(this.#sorted[middle] ?? 0, id) < 0) low = middle + 1;
          else high = middle;
        }
        this.#sorted.splice(low, 0, id);
      }
    }
    this.#unsorted = [];
    return this.#sorted;
  }
}

/** FNV-1a over the UTF-16 code units, as a 32-bit integer (which V8 keeps unboxed). */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** All distinct strings made by deleting 1..depth characters from `word`. */
export function deletionsOf(word: string, depth: number): Set<string> {
  const result = new Set<string>();
  let frontier = [word];
  for (let level = 0; level < depth; level += 1) {
    const next: string[] = [];
    for (const current of frontier) {
      if (current.length <= 1) continue;
      for (let index = 0; index < current.length; index += 1) {
        const deleted = current.slice(0, index) + current.slice(index + 1);
        if (!result.has(deleted)) {
          result.add(deleted);
          next.push(deleted);
        }
      }
    }
    frontier = next;
  }
  return result;
}
