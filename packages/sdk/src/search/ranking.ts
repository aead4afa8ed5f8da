/** A scored candidate, before it becomes a public hit. */
export interface RankedCandidate<T> {
  item: T;
  score: number;
  /** Normalized name: ties on score are broken by name, then by key. */
  sortName: string;
  key: string;
}

/** Higher score first, then name, then key: a total, deterministic order. */
export function compareCandidates<T>(a: RankedCandidate<T>, b: RankedCandidate<T>): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.sortName !== b.sortName) return a.sortName < b.sortName ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return 0;
}

/** Keeps the best `limit` candidates in order without sorting all of them. */
export class TopCandidates<T> {
  readonly #limit: number;
  readonly #items: RankedCandidate<T>[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Whether a candidate with this score, name and key would make the list now. */
  wouldTake(score: number, sortName: string, key: string): boolean {
    const last = this.#items[this.#items.length - 1];
    if (this.#items.length < this.#limit || last === undefined) return true;
    if (score !== last.score) return score > last.score;
    if (sortName !== last.sortName) return sortName < last.sortName;
    return key < last.key;
  }

  offer(candidate: RankedCandidate<T>): void {
    if (!this.wouldTake(candidate.score, candidate.sortName, candidate.key)) return;
    const items = this.#items;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const item = items[middle];
      if (item !== undefined && compareCandidates(item, candidate) <= 0) low = middle + 1;
      else high = middle;
    }
    items.splice(low, 0, candidate);
    if (items.length > this.#limit) items.pop();
  }

  get items(): readonly RankedCandidate<T>[] {
    return this.#items;
  }
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

/** The number of hits to return for a requested limit: default 10, between 1 and 100. */
export function effectiveLimit(limit: number | undefined): number {
  if (typeof limit !== "number" || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}
