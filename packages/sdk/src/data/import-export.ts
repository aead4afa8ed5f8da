import { ValidationError } from "../errors";
import { municipalitySchema } from "../domain/geography";
import { organizerInputSchema } from "../domain/organizer";
import { schoolUnitInputSchema } from "../domain/school-unit";
import { parseStatisticsExport } from "../skolverket/statistics-csv";
import type { ExportRow } from "../skolverket/statistics-export-row";
import { requireRole } from "../services/access";
import { recordAudit } from "../services/audit";
import type { Deps, WriteContext } from "../services/context";
import type { UpsertSummary } from "../services/directory";
import { addSummary, emptySummary, errorReason, writeInBatches } from "./batches";
import { upsertMunicipalitiesBatch, upsertOrganizersBatch, upsertSchoolUnitsBatch } from "./directory-batch";
import { planImport, type PlannedOrganizer } from "./import-plan";
import { EXPORT_METRICS } from "./metrics";
import { toResultRow, upsertResultsIn, type ResultRow } from "./results";

export interface ImportOptions {
  /** Where the data came from, e.g. the file name; stored with each result as `export:<source>`. */
  source?: string;
  /** School year of the results; default the file's `Valt läsår`. */
  schoolYear?: string;
  /** Rows per transaction (default 200). */
  batchSize?: number;
}

export interface ImportRowError {
  /** 1-based line in the file. */
  line: number;
  reason: string;
}

export interface ImportSummary {
  source: string;
  schoolYear: string;
  title: string | null;
  /** Data rows in the file, good and bad. */
  rows: number;
  /** Rows whose school unit and results are now in the store. */
  imported: number;
  municipalities: UpsertSummary;
  organizers: UpsertSummary;
  schoolUnits: UpsertSummary;
  /** Result values; written = added + updated. */
  results: UpsertSummary;
  /** Rows that were not imported, by line. */
  errors: ImportRowError[];
  durationMs: number;
}

const DEFAULT_BATCH = 200;
/** The audit event keeps the first few errors; the caller gets them all. */
const AUDITED_ERRORS = 20;

/** Checks the fields the parser does not (lengths), so a bad row fails alone, before any write. */
function rowProblem(row: ExportRow): string | undefined {
  const unit = schoolUnitInputSchema.safeParse({ code: row.schoolUnitCode, name: row.schoolName, municipalityCode: row.municipalityCode, organizerId: "-" });
  if (!unit.success) return `school unit ${row.schoolUnitCode}: ${unit.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`;
  const municipality = municipalitySchema.safeParse({ code: row.municipalityCode, name: row.municipalityName, countyCode: row.countyCode });
  if (!municipality.success) return `municipality ${row.municipalityCode}: ${municipality.error.issues.map((i) => i.message).join("; ")}`;
  return undefined;
}

function organizerProblem(o: PlannedOrganizer): string | undefined {
  const parsed = organizerInputSchema.safeParse(o);
  return parsed.success ? undefined : `organizer ${o.organizationNumber}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`;
}

/** Imports Skolverket's per-school-unit statistics export into the directory and school_results. */
export function createExportImporter(deps: Deps) {
  const { db } = deps.store;
  const now = () => deps.clock().getTime();

  return async function importStatisticsExport(text: string, ctx: WriteContext, options: ImportOptions = {}): Promise<ImportSummary> {
    const started = performance.now();
    // Throws StatisticsExportFormatError when the file is not an export at all.
    const parsed = parseStatisticsExport(text);
    const schoolYear = options.schoolYear ?? parsed.schoolYear;
    if (!schoolYear) {
      throw ValidationError.field("schoolYear", {
        sv: 'Filen anger inget läsår (raden "Valt läsår: 2024/25" saknas). Ange läsåret uttryckligen.',
        en: 'The file names no school year (no "Valt läsår: 2024/25" line). Give the school year explicitly.',
      });
    }
    const actor = await db.transaction().execute((trx) => requireRole(trx, ctx, "admin", { sv: "läsa in skoldata", en: "import school data" }));
    const source = `export:${options.source ?? "statistics-export"}`;
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
    const summary: ImportSummary = {
      source,
      schoolYear,
      title: parsed.title,
      rows: parsed.rows.length + parsed.errors.length,
      imported: 0,
      municipalities: emptySummary(),
      organizers: emptySummary(),
      schoolUnits: emptySummary(),
      results: emptySummary(),
      errors: parsed.errors.map(({ line, reason }) => ({ line, reason })),
      durationMs: 0,
    };
    const fail = (line: number, reason: string) => summary.errors.push({ line, reason });

    const valid = parsed.rows.filter((row) => {
      const problem = rowProblem(row);
      if (problem) fail(row.line, problem);
      return problem === undefined;
    });
    const plan = planImport(valid);
    for (const duplicate of plan.duplicates) fail(duplicate.line, duplicate.reason);
    const rows = plan.rows;

    await writeInBatches(
      db,
      plan.municipalities,
      batchSize,
      async (trx, batch) => {
        const tally = emptySummary();
        await upsertMunicipalitiesBatch(trx, batch, tally);
        return tally;
      },
      (tally) => addSummary(summary.municipalities, tally),
      (m, error) => {
        for (const row of rows) if (row.municipalityCode === m.code) fail(row.line, `municipality ${m.code}: ${errorReason(error)}`);
      },
    );

    const organizerIds = new Map<string, string>();
    const organizers = plan.organizers.filter((o) => {
      const problem = organizerProblem(o);
      if (problem) for (const line of o.lines) fail(line, problem);
      return problem === undefined;
    });
    await writeInBatches(
      db,
      organizers,
      batchSize,
      async (trx, batch) => {
        const tally = emptySummary();
        const ids = await upsertOrganizersBatch(trx, batch, tally, now(), { keepSyncedNames: true });
        return { tally, ids };
      },
      ({ tally, ids }) => {
        addSummary(summary.organizers, tally);
        for (const [number, id] of ids) organizerIds.set(number, id);
      },
      (o, error) => {
        for (const line of o.lines) fail(line, `organizer ${o.organizationNumber}: ${errorReason(error)}`);
      },
    );

    const failedLines = new Set(summary.errors.map((e) => e.line));
    const units = rows.filter((row) => organizerIds.has(row.organizationNumber) && !failedLines.has(row.line));
    await writeInBatches(
      db,
      units,
      batchSize,
      async (trx, batch) => {
        const schoolUnits = emptySummary();
        const results = emptySummary();
        await upsertSchoolUnitsBatch(
          trx,
          batch.map((row) => ({
            code: row.schoolUnitCode,
            name: row.schoolName,
            municipalityCode: row.municipalityCode,
            organizerId: organizerIds.get(row.organizationNumber) ?? "",
            typesOfSchooling: ["gr"],
          })),
          schoolUnits,
          now(),
        );
        const resultRows: ResultRow[] = batch.flatMap((row) =>
          EXPORT_METRICS.map((metric) => toResultRow(row.schoolUnitCode, { metric, schoolYear, value: row[metric], source })),
        );
        await upsertResultsIn(trx, resultRows, results);
        return { schoolUnits, results };
      },
      (tally, batch) => {
        addSummary(summary.schoolUnits, tally.schoolUnits);
        addSummary(summary.results, tally.results);
        summary.imported += batch.length;
      },
      (row, error) => fail(row.line, `school unit ${row.schoolUnitCode}: ${errorReason(error)}`),
    );

    summary.errors.sort((a, b) => a.line - b.line);
    summary.durationMs = Math.round(performance.now() - started);
    await db.transaction().execute((trx) =>
      recordAudit(trx, ctx, actor, now(), {
        action: "data.import",
        entityType: "dataset",
        entityId: source,
        details: {
          schoolYear,
          title: summary.title,
          rows: summary.rows,
          imported: summary.imported,
          municipalities: summary.municipalities,
          organizers: summary.organizers,
          schoolUnits: summary.schoolUnits,
          results: summary.results,
          errorCount: summary.errors.length,
          errors: summary.errors.slice(0, AUDITED_ERRORS),
        },
      }),
    );
    return summary;
  };
}
