import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type QueryKind = "typo" | "diacritics" | "digraph" | "prefix" | "municipality" | "word-order" | "organizer" | "partial" | "code" | "url";

/** A query a staff member would type, and the real school unit they mean. */
export interface LabelledQuery {
  query: string;
  expected: string;
  kind: QueryKind;
  /**
   * Written after the engine was tuned on the others, and never tuned on: the honest
   * estimate of accuracy on queries nobody has seen.
   */
  heldOut: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The labelled query set (bench/search/queries.json). */
export function loadLabelledQueries(): LabelledQuery[] {
  const parsed: unknown = JSON.parse(readFileSync(resolve(here, "queries.json"), "utf8"));
  if (!Array.isArray(parsed)) throw new Error("queries.json must hold an array of {query, expected, kind}");
  return parsed.map((entry: unknown, index) => {
    const item = entry as Partial<LabelledQuery>;
    if (typeof item.query !== "string" || typeof item.expected !== "string" || !/^\d{8}$/.test(item.expected)) {
      throw new Error(`queries.json entry ${index} needs a string query and an 8-digit expected code`);
    }
    return {
      query: item.query,
      expected: item.expected,
      kind: item.kind ?? "partial",
      heldOut: item.heldOut === true,
    };
  });
}

export interface AccuracyReport {
  top1: number;
  top3: number;
  /** Queries whose expected unit was not first, with what came first instead. */
  /** Top-1 accuracy on the held-out queries alone. */
  heldOutTop1: number;
  /** Top-1 accuracy per kind of query. */
  top1ByKind: Partial<Record<QueryKind, number>>;
  misses: (LabelledQuery & { got: string[] })[];
}

/** Top-1 and top-3 accuracy of a search function over the labelled queries. */
export function measureAccuracy(queries: readonly LabelledQuery[], search: (query: string) => string[]): AccuracyReport {
  let first = 0;
  let inTopThree = 0;
  let heldOut = 0;
  let heldOutFirst = 0;
  const kinds = new Map<QueryKind, { total: number; first: number }>();
  const misses: AccuracyReport["misses"] = [];
  for (const labelled of queries) {
    const got = search(labelled.query).slice(0, 3);
    const rank = got.indexOf(labelled.expected);
    if (rank === 0) first += 1;
    else misses.push({ ...labelled, got });
    const kind = kinds.get(labelled.kind) ?? { total: 0, first: 0 };
    kind.total += 1;
    if (rank === 0) kind.first += 1;
    kinds.set(labelled.kind, kind);
    if (labelled.heldOut) {
      heldOut += 1;
      if (rank === 0) heldOutFirst += 1;
    }
    if (rank >= 0) inTopThree += 1;
  }
  const total = Math.max(1, queries.length);
  return {
    top1: first / total,
    top3: inTopThree / total,
    heldOutTop1: heldOutFirst / Math.max(1, heldOut),
    top1ByKind: Object.fromEntries([...kinds].map(([kind, counts]) => [kind, counts.first / counts.total])),
    misses,
  };
}
