import { isValidOrganisationNumber } from "../domain/luhn";
import type { ListedSchoolUnit, SchoolUnitDetails, SchoolUnitStatistics } from "../skolverket/types";
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
    await trx.insertInto("municipalities").values({ code: municipalityCode, name: `Kommun ${municipalityCode}`, county_code: municipalityCode.slice(0, 2) }).execute();
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
  if (fetched.statistics) await upsertResultsIn(trx, latestResults(fetched.statistics).map((r) => toResultRow(details.code, r)), results);

  const changed = !municipality || organizers.added + organizers.updated + results.added + results.updated > 0;
  const outcome: UnitOutcome = unit.added ? "added" : unit.updated || changed ? "updated" : "unchanged";
  return { outcome, municipalityAdded: !municipality, organizers, results };
}
