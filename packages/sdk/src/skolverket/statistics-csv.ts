import { SamverkanError, type LocalizedText } from "../errors";
import { parseDelimited, type CsvRecord } from "./csv";
import { HEADER_MARKER, mapColumns, type ExportColumn } from "./statistics-export-columns";
import { parseExportRow, type ExportRow } from "./statistics-export-row";

export type ExportRowError = { line: number; reason: string; raw: string };

export type StatisticsExport = {
  /** From the preamble line `Valt läsår: 2024/25`; null if absent. */
  schoolYear: string | null;
  /** E.g. `Grundskola - Slutbetyg årskurs 9, samtliga elever`; null if absent. */
  title: string | null;
  rows: ExportRow[];
  /** Rows that failed validation; the other rows still come through. */
  errors: ExportRowError[];
};

/** The file as a whole cannot be read: no header row, or a column is missing. */
export class StatisticsExportFormatError extends SamverkanError {
  constructor(
    readonly code: "export_no_header" | "export_missing_columns",
    messages: LocalizedText,
    readonly missingColumns: readonly ExportColumn[] = [],
  ) {
    super(messages);
  }
}

const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === "");
const SOURCE_LINE = /^statistik från/i;
const SELECTION_LINE = /^valt\s+[^:]+:/i;
const SCHOOL_YEAR = /^valt\s+läsår\s*:\s*(\S+)/i;

function readPreamble(records: readonly CsvRecord[]): { title: string | null; schoolYear: string | null } {
  let title: string | null = null;
  let schoolYear: string | null = null;
  for (const record of records) {
    const first = (record.cells.find((cell) => cell.trim() !== "") ?? "").trim();
    if (first === "") continue;
    const year = SCHOOL_YEAR.exec(first);
    if (year?.[1] !== undefined) schoolYear ??= year[1];
    else if (title === null && !SOURCE_LINE.test(first) && !SELECTION_LINE.test(first)) title = first;
  }
  return { title, schoolYear };
}

/**
 * Parses Skolverket's statistics export ("Slutbetyg årskurs 9" per school unit):
 * UTF-8 (BOM optional), `;`-separated, preamble, a header row found by its
 * `Skol-enhetskod` cell, data rows until the first blank row (notes follow it).
 * Columns are found by header name, not position.
 */
export function parseStatisticsExport(text: string): StatisticsExport {
  const records = parseDelimited(text.replace(/^\uFEFF/, ""));
  const headerAt = records.findIndex((record) => record.cells.some((cell) => cell.trim() === HEADER_MARKER));
  const header = records[headerAt];
  if (header === undefined) {
    throw new StatisticsExportFormatError("export_no_header", {
      sv: `Ingen rubrikrad med en cell "${HEADER_MARKER}" hittades`,
      en: `No header row with a "${HEADER_MARKER}" cell was found`,
    });
  }
  const mapped = mapColumns(header.cells);
  if ("missing" in mapped) {
    throw new StatisticsExportFormatError(
      "export_missing_columns",
      {
        sv: `Rubrikraden (rad ${header.line}) saknar kolumnerna: ${mapped.missing.join(", ")}`,
        en: `The header row (line ${header.line}) lacks the columns: ${mapped.missing.join(", ")}`,
      },
      mapped.missing,
    );
  }

  const rows: ExportRow[] = [];
  const errors: ExportRowError[] = [];
  for (const record of records.slice(headerAt + 1)) {
    if (isBlank(record)) break;
    const result = parseExportRow(record.cells, record.line, mapped.columns);
    if (result.ok) rows.push(result.row);
    else errors.push({ line: record.line, reason: result.reason, raw: record.raw });
  }
  return { ...readPreamble(records.slice(0, headerAt)), rows, errors };
}
