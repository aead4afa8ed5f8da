import type { Database } from "../store/schema";
import type { StatValue } from "../skolverket/stat-value";
import type { Trx } from "../services/context";
import type { UpsertSummary } from "../services/directory";

export type ResultRow = Database["school_results"];

/** One stored result: a statistic of a school unit for a school year, kept as its StatValue. */
export interface SchoolResult {
  metric: string;
  /** `2024/25`. */
  schoolYear: string;
  value: StatValue;
  /** Where it came from, e.g. `export:slutbetyg-ak9-2025-skolenhet.csv` or `api:planned-educations-v4`. */
  source: string;
}

/** Markers stay markers: a hidden value is stored with kind `hidden` and value null, never 0. */
export function toResultRow(schoolUnitCode: string, result: SchoolResult): ResultRow {
  const v = result.value;
  return {
    school_unit_code: schoolUnitCode,
    school_year: result.schoolYear,
    metric: result.metric,
    kind: v.kind,
    value: "value" in v ? v.value : null,
    raw: v.raw,
    value_type: v.valueType ?? null,
    source: result.source,
  };
}

type NumericKind = "number" | "rounded" | "approximate";
type MarkerKind = "hidden" | "missing" | "excluded" | "unparseable";
const NUMERIC_KINDS: ReadonlySet<string> = new Set<NumericKind>(["number", "rounded", "approximate"]);
const MARKER_KINDS: ReadonlySet<string> = new Set<MarkerKind>(["hidden", "missing", "excluded", "unparseable"]);
const isNumericKind = (kind: string): kind is NumericKind => NUMERIC_KINDS.has(kind);
const isMarkerKind = (kind: string): kind is MarkerKind => MARKER_KINDS.has(kind);

/** The StatValue a row stands for; a row that contradicts itself reads as unparseable. */
export function toStatValue(row: Pick<ResultRow, "kind" | "value" | "raw" | "value_type">): StatValue {
  const valueType = row.value_type ?? undefined;
  const extra = valueType === undefined ? {} : { valueType };
  if (isNumericKind(row.kind) && row.value !== null) {
    return { kind: row.kind, value: Number(row.value), raw: row.raw, ...extra };
  }
  const kind = isMarkerKind(row.kind) ? row.kind : "unparseable";
  return { kind, raw: row.raw, ...extra };
}

export function toSchoolResult(row: ResultRow): SchoolResult {
  return { metric: row.metric, schoolYear: row.school_year, value: toStatValue(row), source: row.source };
}

const key = (r: Pick<ResultRow, "school_unit_code" | "school_year" | "metric">) => `${r.school_unit_code}|${r.school_year}|${r.metric}`;

function sameRow(a: ResultRow, b: ResultRow): boolean {
  return a.kind === b.kind && a.value === b.value && a.raw === b.raw && a.value_type === b.value_type && a.source === b.source;
}

/** Inserts stay under every driver's bound-parameter limit. */
const INSERT_CHUNK = 500;

/**
 * Writes results inside the caller's transaction: new rows inserted in bulk, changed rows
 * updated, identical rows left alone (so a re-import writes nothing).
 */
export async function upsertResultsIn(trx: Trx, rows: readonly ResultRow[], summary: UpsertSummary): Promise<void> {
  if (rows.length === 0) return;
  const codes = [...new Set(rows.map((r) => r.school_unit_code))];
  const existing = new Map<string, ResultRow>();
  for (let i = 0; i < codes.length; i += INSERT_CHUNK) {
    const found = await trx
      .selectFrom("school_results")
      .selectAll()
      .where("school_unit_code", "in", codes.slice(i, i + INSERT_CHUNK))
      .execute();
    for (const row of found) existing.set(key(row), { ...row, value: row.value === null ? null : Number(row.value) });
  }
  const inserts: ResultRow[] = [];
  for (const row of rows) {
    const before = existing.get(key(row));
    if (!before) inserts.push(row);
    else if (!sameRow(before, row)) {
      await trx
        .updateTable("school_results")
        .set({ kind: row.kind, value: row.value, raw: row.raw, value_type: row.value_type, source: row.source })
        .where("school_unit_code", "=", row.school_unit_code)
        .where("school_year", "=", row.school_year)
        .where("metric", "=", row.metric)
        .execute();
      summary.updated++;
    } else summary.unchanged++;
  }
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
    await trx
      .insertInto("school_results")
      .values(inserts.slice(i, i + INSERT_CHUNK))
      .execute();
  }
  summary.added += inserts.length;
}
