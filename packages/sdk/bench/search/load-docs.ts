import { readFileSync } from "node:fs";
import type { OrganizerSearchDoc, SchoolSearchDoc } from "../../src/search";
import { parseStatisticsExport } from "../../src/skolverket/statistics-csv";
import type { ExportRow } from "../../src/skolverket/statistics-export-row";

/** The fields of one row of Skolverket's statistics export that search needs. */
export type SchoolUnitRow = Pick<
  ExportRow,
  "schoolUnitCode" | "schoolName" | "municipalityCode" | "municipalityName" | "countyCode" | "organizerName" | "organizationNumber"
>;

/** The school units of a statistics export, read with the SDK's own parser. */
export function loadSchoolUnitRows(path: string): SchoolUnitRow[] {
  const parsed = parseStatisticsExport(readFileSync(path, "utf8"));
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`${parsed.errors.length} rows of ${path} did not parse, first at line ${first?.line}: ${first?.reason}`);
  }
  return parsed.rows;
}

/** A search document for one unit; the organizer is identified by its organisation number. */
export function schoolDocFromRow(row: SchoolUnitRow): SchoolSearchDoc {
  return {
    schoolUnitCode: row.schoolUnitCode,
    name: row.schoolName,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    countyCode: row.countyCode,
    organizerId: row.organizationNumber,
    organizerName: row.organizerName,
  };
}

/**
 * One organizer per organisation number. Its municipality is the one where most of
 * its units are (a kommun's own), its county likewise; ties go to the alphabetically first.
 */
export function organizerDocsFromRows(rows: readonly SchoolUnitRow[]): OrganizerSearchDoc[] {
  const byNumber = new Map<string, SchoolUnitRow[]>();
  for (const row of rows) {
    const list = byNumber.get(row.organizationNumber) ?? [];
    list.push(row);
    byNumber.set(row.organizationNumber, list);
  }
  return [...byNumber].map(([organizationNumber, units]) => ({
    organizerId: organizationNumber,
    organizationNumber,
    name: units[0]?.organizerName ?? "",
    municipalityName: mostCommon(units.map((unit) => unit.municipalityName)),
    countyCode: mostCommon(units.map((unit) => unit.countyCode)),
  }));
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
