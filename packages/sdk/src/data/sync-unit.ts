import { isValidOrganisationNumber } from "../domain/luhn";
import type { InspectionDocument, ListedSchoolUnit, SchoolUnitDetails, SchoolUnitStatistics, UpperSecondaryStatistics } from "../skolverket/types";
import type { StatValue } from "../skolverket/stat-value";
import type { Trx } from "../services/context";
import type { Directory, UpsertSummary } from "../services/directory";
import { emptySummary } from "./batches";
import { upsertOrganizersBatch } from "./directory-batch";
import { toResultRow, upsertResultsIn, type SchoolResult } from "./results";

export const API_SOURCE = "api:planned-educations-v4";

/** What the API told us about one unit. */
export interface FetchedUnit {
  listed: ListedSchoolUnit;
  details: SchoolUnitDetails;
  /** Null when the API has no statistics for the unit (404). */
  statistics: SchoolUnitStatistics | null;
  /** `statistics/gy` per programme, for units with upper secondary school. */
  programmes?: UpperSecondaryStatistics | null;
  /** The unit's SALSA figures, when the SALSA list has it. */
  salsa?: { timePeriod: string; values: Record<string, StatValue> } | null;
  /** Skolinspektionen's documents; null when the API has none (404). */
  documents?: InspectionDocument[] | null;
}

/** Programme figures are stored per programme: `ratioOfPupilsWithExamWithin3Years@EK`. */
export const programmeMetric = (metric: string, programCode: string) => `${metric}@${programCode}`;

/** Series whose every year is kept (for trends); of the others only the latest year. */
const ALL_YEARS = new Set(["ratioOfPupilsWithExamWithin3Years", "ratioOfStudentsEligibleForUndergraduateEducation", "gradesPointsForStudentsWithExam"]);

/** Results of `statistics/gy`: completion for every year held, the rest for the latest year, per programme. */
export function programmeResults(statistics: UpperSecondaryStatistics, source = API_SOURCE): SchoolResult[] {
  const results: SchoolResult[] = [];
  for (const programme of statistics.programmes) {
    for (const series of programme.series) {
      const metric = programmeMetric(series.metric, programme.programCode);
      const points = series.values.filter((p): p is typeof p & { timePeriod: string } => p.timePeriod !== null);
      if (ALL_YEARS.has(series.metric)) {
        for (const p of points) results.push({ metric, schoolYear: p.timePeriod, value: p.value, source });
        continue;
      }
      const latest = points.reduce<(typeof points)[number] | undefined>((best, p) => (!best || p.timePeriod > best.timePeriod ? p : best), undefined);
      if (latest) results.push({ metric, schoolYear: latest.timePeriod, value: latest.value, source });
    }
  }
  return results;
}

/** Writes a unit's documents: new ones inserted, changed ones updated; none deleted (history). */
async function upsertDocumentsIn(trx: Trx, code: string, documents: readonly InspectionDocument[], now: number): Promise<number> {
  const existing = new Map((await trx.selectFrom("inspection_documents").selectAll().where("school_unit_code", "=", code).execute()).map((r) => [r.url, r]));
  let written = 0;
  for (const d of new Map(documents.map((doc) => [doc.url, doc])).values()) {
    const row = { school_form: d.schoolForm, type: d.type, type_id: d.typeId, title: d.title, period: d.period, sort_key: d.sortKey };
    const before = existing.get(d.url);
    if (!before) {
      await trx
        .insertInto("inspection_documents")
        .values({ school_unit_code: code, url: d.url, ...row, updated_at: now })
        .execute();
      written++;
    } else if ((Object.keys(row) as Array<keyof typeof row>).some((k) => before[k] !== row[k])) {
      await trx
        .updateTable("inspection_documents")
        .set({ ...row, updated_at: now })
        .where("school_unit_code", "=", code)
        .where("url", "=", d.url)
        .execute();
      written++;
    }
  }
  return written;
}

export type UnitOutcome = "added" | "updated" | "unchanged";

export interface StoredUnit {
  outcome: UnitOutcome;
  municipalityAdded: boolean;
  organizers: UpsertSummary;
  results: UpsertSummary;
}

/** A unit the API describes too poorly to store; the sync reports it and moves on. */
export class UnitDataError extends Error {
  override readonly name = "UnitDataError";
}

/** The latest school year of each series, as one result per metric. */
/** SALSA's figures for one unit, one result per metric, all of the same period. */
function salsaResults(salsa: FetchedUnit["salsa"]): SchoolResult[] {
  if (!salsa) return [];
  return Object.entries(salsa.values).map(([metric, value]) => ({ metric, schoolYear: salsa.timePeriod, value, source: API_SOURCE }));
}

export function latestResults(statistics: SchoolUnitStatistics, source = API_SOURCE): SchoolResult[] {
  const results: SchoolResult[] = [];
  for (const series of statistics.series) {
    let latest: SchoolResult | undefined;
    for (const point of series.values) {
      // The API pads empty series with a `timePeriod: null` placeholder.
      if (point.timePeriod === null) continue;
      if (!latest || point.timePeriod > latest.schoolYear) latest = { metric: series.metric, schoolYear: point.timePeriod, value: point.value, source };
    }
    if (latest) results.push(latest);
  }
  return results;
}

/** Stores one unit, its organizer and its latest results, inside the caller's transaction. */
export async function storeUnitIn(trx: Trx, directory: Directory, fetched: FetchedUnit, now: number): Promise<StoredUnit> {
  const { details, listed } = fetched;
  const municipalityCode = details.municipalityCode;

  // Names come from the statistics export; a unit synced first gets a placeholder until then.
  const municipality = await trx.selectFrom("municipalities").select("code").where("code", "=", municipalityCode).executeTakeFirst();
  if (!municipality) {
    await trx
      .insertInto("municipalities")
      .values({ code: municipalityCode, name: `Kommun ${municipalityCode}`, county_code: municipalityCode.slice(0, 2) })
      .execute();
  }

  const number = details.organizer.organisationNumber;
  if (!number || !isValidOrganisationNumber(number)) throw new UnitDataError(`no valid organisation number (got ${JSON.stringify(number)})`);
  const type = details.organizer.type ?? listed.organizerType;
  if (!type) throw new UnitDataError(`unknown organizer type ${JSON.stringify(details.organizer.typeRaw)}`);
  const existing = await trx.selectFrom("organizers").selectAll().where("organization_number", "=", number).executeTakeFirst();
  const apiName = details.organizer.name?.trim() || undefined;
  // The API writes "HANINGE KOMMUN" where the export writes "Haninge kommun": keep the nicer casing.
  const sameName = existing && apiName && existing.name.toLocaleLowerCase("sv-SE") === apiName.toLocaleLowerCase("sv-SE");
  const name = sameName ? existing.name : (apiName ?? existing?.name);
  if (!name) throw new UnitDataError("no organizer name");
  const organizers = emptySummary();
  const ids = await upsertOrganizersBatch(
    trx,
    [{ organizationNumber: number, name, type, municipalityCode: type === "municipal" ? municipalityCode : (existing?.municipality_code ?? municipalityCode) }],
    organizers,
    now,
  );

  const unit = emptySummary();
  await directory.internal.upsertSchoolIn(
    trx,
    {
      code: details.code,
      name: details.name,
      municipalityCode,
      organizerId: ids.get(number) ?? "",
      typesOfSchooling: details.typesOfSchooling.map((t) => t.code),
      details,
    },
    unit,
  );

  const results = emptySummary();
  const rows = [
    ...(fetched.statistics ? latestResults(fetched.statistics) : []),
    ...(fetched.programmes ? programmeResults(fetched.programmes) : []),
    ...salsaResults(fetched.salsa),
  ].map((r) => toResultRow(details.code, r));
  await upsertResultsIn(trx, rows, results);
  const documents = fetched.documents ? await upsertDocumentsIn(trx, details.code, fetched.documents, now) : 0;

  const changed = !municipality || organizers.added + organizers.updated + results.added + results.updated + documents > 0;
  const outcome: UnitOutcome = unit.added ? "added" : unit.updated || changed ? "updated" : "unchanged";
  return { outcome, municipalityAdded: !municipality, organizers, results };
}
