import type { Kysely } from "kysely";
import { InvalidStoredValueError } from "../errors";
import type { StatisticSeries } from "../skolverket/types";
import { numericOrNull, type StatValue } from "../skolverket/stat-value";
import type { Database } from "../store/schema";

/**
 * Skolverket's national values per upper secondary programme, kept in kv_state
 * (namespace `national`, key `gy:<programCode>`): reference data, not a school's result.
 */
export const NATIONAL_NAMESPACE = "national";

export async function saveNationalProgrammeValues(db: Kysely<Database>, programCode: string, series: readonly StatisticSeries[], now: number): Promise<void> {
  const value = JSON.stringify(series);
  await db
    .insertInto("kv_state")
    .values({ namespace: NATIONAL_NAMESPACE, key: `gy:${programCode}`, value, expires_at: null, updated_at: now })
    .onConflict((oc) => oc.columns(["namespace", "key"]).doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** National value of a metric per programme and school year: `EK` → `2020/21` → 84.6. Markers are left out, never 0. */
export async function nationalProgrammeFigures(
  db: Kysely<Database>,
  metric: string,
): Promise<Map<string, Map<string, { value: StatValue; number: number | null }>>> {
  const rows = await db.selectFrom("kv_state").select(["key", "value"]).where("namespace", "=", NATIONAL_NAMESPACE).where("key", "like", "gy:%").execute();
  const out = new Map<string, Map<string, { value: StatValue; number: number | null }>>();
  for (const row of rows) {
    let series: StatisticSeries[];
    try {
      series = JSON.parse(row.value) as StatisticSeries[];
    } catch {
      throw new InvalidStoredValueError(`kv_state ${NATIONAL_NAMESPACE}/${row.key}`, row.value);
    }
    const years = new Map<string, { value: StatValue; number: number | null }>();
    for (const point of series.find((s) => s.metric === metric)?.values ?? []) {
      if (point.timePeriod) years.set(point.timePeriod, { value: point.value, number: numericOrNull(point.value) });
    }
    out.set(row.key.slice(3), years);
  }
  return out;
}
