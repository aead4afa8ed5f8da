/** The columns of Skolverket's per-school-unit statistics export, by what they mean. */
export const EXPORT_COLUMNS = [
  "schoolName",
  "schoolUnitCode",
  "municipalityName",
  "municipalityCode",
  "organizerType",
  "organizerName",
  "organizationNumber",
  "pupils",
  "shareAllSubjects",
  "shareEligibleVocational",
  "meritValue",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** The cell that identifies the header row. */
export const HEADER_MARKER = "Skol-enhetskod";

/** Header text, lower-cased without spaces, hyphens or soft hyphens. */
export function normalizeHeader(text: string): string {
  return text.toLocaleLowerCase("sv-SE").replace(/[\s\u00ad-]+/g, "");
}

/** Exact names first; the predicates accept the wording of other years' exports. */
const MATCHERS: Record<ExportColumn, (header: string) => boolean> = {
  schoolName: (h) => h === "skola" || h === "skolenhet" || h === "skolnamn",
  schoolUnitCode: (h) => h === "skolenhetskod",
  municipalityName: (h) => h === "skolkommun" || h === "kommun",
  municipalityCode: (h) => h === "kommunkod" || h === "skolkommunkod",
  organizerType: (h) => h === "typavhuvudman" || h === "huvudmannatyp",
  organizerName: (h) => h === "huvudman" || h === "huvudmannensnamn",
  organizationNumber: (h) => h === "huvudmanorgnr" || h.startsWith("huvudmanorganisationsnummer") || h === "organisationsnummer",
  pupils: (h) => h === "antalelever",
  shareAllSubjects: (h) => h.startsWith("andel") && h.includes("allaämnen"),
  shareEligibleVocational: (h) => h.startsWith("andel") && h.includes("behörig") && h.includes("yrkes"),
  meritValue: (h) => h.includes("meritvärde"),
};

export type ColumnMap = Record<ExportColumn, { index: number; header: string }>;

/** Finds each column by its header; lists the ones it cannot find. */
export function mapColumns(headerCells: readonly string[]): { columns: ColumnMap } | { missing: ExportColumn[] } {
  const normalized = headerCells.map((cell) => normalizeHeader(cell));
  const found: Partial<ColumnMap> = {};
  const missing: ExportColumn[] = [];
  for (const column of EXPORT_COLUMNS) {
    const index = normalized.findIndex((header) => header !== "" && MATCHERS[column](header));
    if (index === -1) missing.push(column);
    else found[column] = { index, header: (headerCells[index] ?? "").trim() };
  }
  return missing.length > 0 ? { missing } : { columns: found as ColumnMap };
}
