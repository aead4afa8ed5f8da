import { InvalidStoredValueError, NotFoundError } from "../errors";
import { countyName, type County, type Municipality } from "../domain/geography";
import { officeServingCounty, type RegionalOffice } from "../domain/offices";
import type { PrincipalOrganizer } from "../domain/organizer";
import { schoolUnitCodeSchema, type SchoolUnit } from "../domain/school-unit";
import { extractSchoolUnitCode } from "../search/index";
import type { SchoolUnitDetails } from "../skolverket/types";
import { compareMetrics } from "../data/metrics";
import { toSchoolResult, type SchoolResult } from "../data/results";
import type { Deps } from "./context";
import { toOrganizer, toSchool } from "./directory";
import { validate } from "./validate";
import type { SchoolsService } from "../api/directory";

/** Everything staff want on one card about a school unit. */
export interface SchoolProfile {
  school: SchoolUnit;
  organizer: PrincipalOrganizer;
  municipality: Municipality | null;
  county: County | null;
  /** The regional office serving the unit's county. */
  office: RegionalOffice | null;
  /** The latest school year of each metric, export metrics first. */
  results: SchoolResult[];
  /** Contact, coordinates and types of schooling from Skolverket's API, once synced. */
  details: SchoolUnitDetails | null;
  /** Skolinspektionen's latest document for the unit (decision, report or survey), once synced. */
  inspection: { type: string; title: string; url: string; period: string | null } | null;
}

function parseDetails(text: string | null): SchoolUnitDetails | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidStoredValueError("school_units.details", text);
  }
  // Written by the sync from the client's typed details; a cheap check guards older rows.
  return typeof value === "object" && value !== null && "code" in value && "contact" in value ? (value as SchoolUnitDetails) : null;
}

export function createProfileService(deps: Deps): SchoolsService["profile"] {
  const { db } = deps.store;

  /** By code or Skolverket link. @throws NotFoundError when the store has no such unit. */
  return async function profile(codeOrLink: string): Promise<SchoolProfile> {
    const code = validate(schoolUnitCodeSchema, extractSchoolUnitCode(codeOrLink) ?? codeOrLink);
    const unit = await db.selectFrom("school_units").selectAll().where("code", "=", code).executeTakeFirst();
    if (!unit) throw new NotFoundError("schoolUnit", code, { sv: `Ingen skolenhet med koden ${code}.`, en: `No school unit with code ${code}.` });
    const [organizer, municipality, resultRows, documents] = await Promise.all([
      db.selectFrom("organizers").selectAll().where("id", "=", unit.organizer_id).executeTakeFirstOrThrow(),
      db.selectFrom("municipalities").selectAll().where("code", "=", unit.municipality_code).executeTakeFirst(),
      db.selectFrom("school_results").selectAll().where("school_unit_code", "=", code).execute(),
      db.selectFrom("inspection_documents").select(["type", "title", "url", "period", "sort_key"]).where("school_unit_code", "=", code).execute(),
    ]);
    const latestDocument = documents.reduce<(typeof documents)[number] | undefined>(
      (best, d) => (!best || (d.sort_key ?? "") > (best.sort_key ?? "") ? d : best),
      undefined,
    );
    const latest = new Map<string, SchoolResult>();
    for (const row of resultRows) {
      const seen = latest.get(row.metric);
      if (!seen || row.school_year > seen.schoolYear) latest.set(row.metric, toSchoolResult(row));
    }
    const countyCode = municipality?.county_code ?? unit.municipality_code.slice(0, 2);
    const name = countyName(countyCode);
    return {
      school: toSchool(unit),
      organizer: toOrganizer(organizer),
      municipality: municipality ? { code: municipality.code, name: municipality.name, countyCode: municipality.county_code } : null,
      county: name ? { code: countyCode, name } : null,
      office: officeServingCounty(deps.config.offices, countyCode) ?? null,
      results: [...latest.values()].sort((a, b) => compareMetrics(a.metric, b.metric)),
      details: parseDetails(unit.details),
      inspection: latestDocument ? { type: latestDocument.type, title: latestDocument.title, url: latestDocument.url, period: latestDocument.period } : null,
    };
  };
}
