import { ValidationError } from "../errors";
import { countyCodeSchema, municipalityCodeSchema } from "../domain/geography";
import type { SkolverketClient } from "../skolverket/client";
import { isSkolverketError, SkolverketHttpError, SkolverketNotFoundError } from "../skolverket/errors";
import type { InspectionDocument, ListedSchoolUnit, SalsaList, SchoolUnitDetails, SchoolUnitStatistics, UpperSecondaryStatistics } from "../skolverket/types";
import { requireRole } from "../services/access";
import { recordAudit } from "../services/audit";
import type { Deps, WriteContext } from "../services/context";
import type { Directory, UpsertSummary } from "../services/directory";
import { addSummary, emptySummary, errorReason } from "./batches";
import { createSyncCheckpoint } from "./sync-checkpoint";
import { storeUnitIn, UnitDataError } from "./sync-unit";
import { saveNationalProgrammeValues } from "./national-values";

export interface SyncProgress {
  phase: "listing" | "units";
  /** Municipalities listed so far, or units handled so far (skipped ones included). */
  done: number;
  total: number;
  /** The municipality or unit just handled. */
  code?: string;
}

export interface SyncOptions {
  client: SkolverketClient;
  /** 4-digit municipality codes, e.g. `["0180"]`. */
  municipalities?: readonly string[];
  /** 2-digit county codes: every municipality of the county that the store knows. */
  counties?: readonly string[];
  onProgress?: (progress: SyncProgress) => void;
  /** Start a new run even when an unfinished one for the same municipalities exists. */
  fresh?: boolean;
  /** Units fetched at once (default 4; the client has its own limit too). */
  concurrency?: number;
}

export interface SyncFailure {
  /** A school unit code, or a municipality code when its listing failed. */
  code: string;
  stage: "list" | "details" | "statistics" | "documents" | "salsa" | "national" | "store";
  reason: string;
}

export interface SyncSummary {
  runId: string;
  /** True when this run continued an unfinished one and skipped what it had done. */
  resumed: boolean;
  municipalities: string[];
  /** Units the API listed. */
  listed: number;
  /** Units already stored by this run before it was resumed. */
  skipped: number;
  /** School units, counted once each: new, changed (unit, organizer or results), or as they were. */
  added: number;
  updated: number;
  unchanged: number;
  failed: SyncFailure[];
  /** Units stored without results because the API has no statistics for them. */
  withoutStatistics: string[];
  /** Municipalities created with a placeholder name (the export has their names). */
  municipalitiesAdded: number;
  organizers: UpsertSummary;
  results: UpsertSummary;
  durationMs: number;
}

/** The school years the recorded listings asked for: units with a year 9. */
const SCHOOL_YEARS = 9;

function describeError(error: unknown): string {
  if (error instanceof SkolverketNotFoundError) return "not found at Skolverket (404)";
  if (error instanceof SkolverketHttpError) return `Skolverket answered HTTP ${error.status}`;
  if (isSkolverketError(error) || error instanceof UnitDataError) return error.message;
  return errorReason(error);
}

/** A 404 is an answer: there is nothing. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof SkolverketNotFoundError) return null;
    throw error;
  }
}

/** Runs one write at a time: units are fetched in parallel but stored in turn. */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Fetches school units from Skolverket's API and stores them with their latest results. */
export function createSync(deps: Deps, directory: Directory) {
  const { db } = deps.store;
  const now = () => deps.clock().getTime();
  const checkpoint = createSyncCheckpoint(db, now);

  async function resolveMunicipalities(options: SyncOptions): Promise<string[]> {
    const codes = new Set<string>();
    for (const code of options.municipalities ?? []) {
      if (!municipalityCodeSchema.safeParse(code).success) {
        throw ValidationError.field("municipalities", {
          sv: `"${code}" är ingen kommunkod; den har fyra siffror, t.ex. 0180.`,
          en: `"${code}" is not a municipality code; it has four digits, e.g. 0180.`,
        });
      }
      codes.add(code);
    }
    for (const county of options.counties ?? []) {
      if (!countyCodeSchema.safeParse(county).success) {
        throw ValidationError.field("counties", {
          sv: `"${county}" är ingen länskod; den har två siffror, t.ex. 01.`,
          en: `"${county}" is not a county code; it has two digits, e.g. 01.`,
        });
      }
      const known = await db.selectFrom("municipalities").select("code").where("county_code", "=", county).execute();
      if (known.length === 0) {
        throw ValidationError.field("counties", {
          sv: `Inga kommuner i län ${county} finns i Samverkan ännu. Läs in statistikexporten först, eller ange kommunerna med --municipality.`,
          en: `No municipalities of county ${county} are known yet. Import the statistics export first, or name the municipalities with --municipality.`,
        });
      }
      for (const m of known) codes.add(m.code);
    }
    if (codes.size === 0) {
      throw ValidationError.field("municipalities", { sv: "Ange minst en kommun eller ett län.", en: "Name at least one municipality or county." });
    }
    return [...codes].sort();
  }

  return async function sync(options: SyncOptions, ctx: WriteContext): Promise<SyncSummary> {
    const started = performance.now();
    const municipalities = await resolveMunicipalities(options);
    const actor = await db.transaction().execute((trx) => requireRole(trx, ctx, "admin", { sv: "synka skoldata", en: "sync school data" }));
    const run = await checkpoint.begin(municipalities, options.fresh === true);
    const summary: SyncSummary = {
      runId: run.runId,
      resumed: run.resumed,
      municipalities,
      listed: 0,
      skipped: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      failed: [],
      withoutStatistics: [],
      municipalitiesAdded: 0,
      organizers: emptySummary(),
      results: emptySummary(),
      durationMs: 0,
    };
    const progress = options.onProgress ?? (() => undefined);

    // Same filter as the recorded requests: grundskola units with a year 9.
    const units = new Map<string, ListedSchoolUnit>();
    for (const [index, municipality] of municipalities.entries()) {
      try {
        for await (const unit of options.client.iterateSchoolUnits({ geographicalAreaCode: municipality, typeOfSchooling: "gr", schoolYears: SCHOOL_YEARS })) {
          units.set(unit.code, unit);
        }
      } catch (error) {
        summary.failed.push({ code: municipality, stage: "list", reason: describeError(error) });
      }
      progress({ phase: "listing", done: index + 1, total: municipalities.length, code: municipality });
    }
    summary.listed = units.size;

    // SALSA comes for all of Sweden in one answer; a failure costs only the SALSA figures.
    let salsa: SalsaList | null = null;
    try {
      salsa = await options.client.getSalsa();
    } catch (error) {
      if (!(error instanceof SkolverketNotFoundError)) summary.failed.push({ code: "salsa", stage: "salsa", reason: describeError(error) });
    }
    const salsaByUnit = new Map((salsa?.units ?? []).map((u) => [u.schoolUnitCode, u.values]));
    const programmesSeen = new Set<string>();

    const todo = [...units.values()].filter((unit) => !run.done.has(unit.code));
    summary.skipped = units.size - todo.length;
    let handled = summary.skipped;
    const write = serial();

    async function handle(listed: ListedSchoolUnit): Promise<void> {
      let details: SchoolUnitDetails;
      let statistics: SchoolUnitStatistics | null = null;
      try {
        details = await options.client.getSchoolUnit(listed.code);
      } catch (error) {
        summary.failed.push({ code: listed.code, stage: "details", reason: describeError(error) });
        return;
      }
      try {
        statistics = await options.client.getStatistics(listed.code, "gr");
      } catch (error) {
        if (!(error instanceof SkolverketNotFoundError)) {
          summary.failed.push({ code: listed.code, stage: "statistics", reason: describeError(error) });
          return;
        }
        summary.withoutStatistics.push(listed.code);
      }
      // Upper secondary figures per programme, and Skolinspektionen's documents; a 404 means none.
      let programmes: UpperSecondaryStatistics | null = null;
      let documents: InspectionDocument[] | null = null;
      try {
        if (details.typesOfSchooling.some((t) => t.code === "gy")) programmes = await orNull(options.client.getUpperSecondaryStatistics(listed.code));
      } catch (error) {
        summary.failed.push({ code: listed.code, stage: "statistics", reason: describeError(error) });
        return;
      }
      try {
        documents = await orNull(options.client.getDocuments(listed.code));
      } catch (error) {
        summary.failed.push({ code: listed.code, stage: "documents", reason: describeError(error) });
        return;
      }
      for (const p of programmes?.programmes ?? []) programmesSeen.add(p.programCode);
      const unitSalsa = salsaByUnit.get(listed.code);
      try {
        const stored = await write(() =>
          db.transaction().execute(async (trx) => {
            // Another instance syncing the same organizer waits here instead of racing.
            await deps.store.lock(trx, [`organizer:${details.organizer.organisationNumber ?? details.code}`]);
            const result = await storeUnitIn(
              trx,
              directory,
              {
                listed,
                details,
                statistics,
                programmes,
                documents,
                salsa: unitSalsa && salsa?.timePeriod ? { timePeriod: salsa.timePeriod, values: unitSalsa } : null,
              },
              now(),
            );
            await checkpoint.markDoneIn(trx, run.runId, listed.code);
            return result;
          }),
        );
        summary[stored.outcome]++;
        if (stored.municipalityAdded) summary.municipalitiesAdded++;
        addSummary(summary.organizers, stored.organizers);
        addSummary(summary.results, stored.results);
      } catch (error) {
        summary.withoutStatistics = summary.withoutStatistics.filter((code) => code !== listed.code);
        summary.failed.push({ code: listed.code, stage: "store", reason: describeError(error) });
      }
    }

    const queue = [...todo];
    const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) }, async () => {
      for (let unit = queue.shift(); unit; unit = queue.shift()) {
        await handle(unit);
        progress({ phase: "units", done: ++handled, total: units.size, code: unit.code });
      }
    });
    await Promise.all(workers);

    // National values for each programme seen, to compare a unit's completion with.
    for (const programCode of [...programmesSeen].sort()) {
      try {
        const series = await options.client.getNationalProgrammeValues(programCode);
        await saveNationalProgrammeValues(db, programCode, series, now());
      } catch (error) {
        if (!(error instanceof SkolverketNotFoundError)) summary.failed.push({ code: programCode, stage: "national", reason: describeError(error) });
      }
    }

    if (summary.failed.length === 0) await checkpoint.complete(municipalities, run);
    summary.failed.sort((a, b) => a.code.localeCompare(b.code));
    summary.withoutStatistics.sort();
    summary.durationMs = Math.round(performance.now() - started);
    await db.transaction().execute((trx) =>
      recordAudit(trx, ctx, actor, now(), {
        action: "data.sync",
        entityType: "dataset",
        entityId: `skolverket:${municipalities.join(",")}`,
        details: {
          runId: summary.runId,
          resumed: summary.resumed,
          listed: summary.listed,
          skipped: summary.skipped,
          added: summary.added,
          updated: summary.updated,
          unchanged: summary.unchanged,
          failed: summary.failed.slice(0, 20),
          failedCount: summary.failed.length,
          organizers: summary.organizers,
          results: summary.results,
        },
      }),
    );
    return summary;
  };
}
