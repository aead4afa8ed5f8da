import type { Municipality } from "../domain/geography";
import type { OrganizerType } from "../domain/organizer";
import type { ExportRow } from "../skolverket/statistics-export-row";

export interface PlannedOrganizer {
  organizationNumber: string;
  name: string;
  type: OrganizerType;
  /** Municipal: its own municipality. Independent: where most of its units are. */
  municipalityCode: string;
  /** Lines of the rows that name this organizer, to report them if it cannot be stored. */
  lines: number[];
}

export interface ImportPlan {
  municipalities: Municipality[];
  organizers: PlannedOrganizer[];
  /** One row per school unit, in file order. */
  rows: ExportRow[];
  /** Later rows repeating a school unit code. */
  duplicates: { line: number; reason: string }[];
}

/** The value seen most often; ties go to the smallest, so the plan does not depend on row order. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = "";
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * What an export says about the directory: its municipalities (name from the file,
 * county from the code), its organizers (one per organisation number) and its units.
 * Pure, so the rules are testable without a store.
 */
export function planImport(rows: readonly ExportRow[]): ImportPlan {
  const firstLine = new Map<string, number>();
  const unique: ExportRow[] = [];
  const duplicates: ImportPlan["duplicates"] = [];
  for (const row of rows) {
    const seen = firstLine.get(row.schoolUnitCode);
    if (seen !== undefined) {
      duplicates.push({ line: row.line, reason: `school unit ${row.schoolUnitCode} appears again (first on line ${seen}); this row was skipped` });
      continue;
    }
    firstLine.set(row.schoolUnitCode, row.line);
    unique.push(row);
  }

  const municipalities = [...groupBy(unique, (r) => r.municipalityCode)].map(([code, group]) => ({
    code,
    name: mostCommon(group.map((r) => r.municipalityName)),
    countyCode: code.slice(0, 2),
  }));

  const organizers = [...groupBy(unique, (r) => r.organizationNumber)].map(([organizationNumber, group]) => ({
    organizationNumber,
    name: mostCommon(group.map((r) => r.organizerName)),
    type: mostCommon(group.map((r) => r.organizerType)) as OrganizerType,
    // A kommun's units are all in the kommun; for others this picks their main municipality.
    municipalityCode: mostCommon(group.map((r) => r.municipalityCode)),
    lines: group.map((r) => r.line),
  }));

  return { municipalities, organizers, rows: unique, duplicates };
}
