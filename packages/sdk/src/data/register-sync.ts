import type { Insertable, Kysely } from "kysely";
import { isValidOrganisationNumber } from "../domain/luhn";
import type { OrganizerType } from "../domain/organizer";
import type { SkolenhetsregistretClient } from "../skolverket/register/client";
import type { RegisterOrganizer, RegisterOrganizerDetails, RegisterSchoolUnit, RegisterSchoolUnitDetails } from "../skolverket/register/types";
import { InvalidStoredValueError } from "../errors";
import { isSkolverketError, SkolverketHttpError, SkolverketNotFoundError } from "../skolverket/errors";
import type { Database } from "../store/schema";
import { requireRole } from "../services/access";
import { recordAudit } from "../services/audit";
import { newId, toJson, type Deps, type Trx, type WriteContext } from "../services/context";
import { errorReason } from "./batches";
import { createSyncCheckpoint } from "./sync-checkpoint";

/** kv_state namespace and key of the last completed register sync. */
export const REGISTER_NAMESPACE = "register";
export const REGISTER_STATE_KEY = "lastSync";

export interface RegisterSyncProgress {
  phase: "listing" | "organizers" | "schoolUnits";
  done: number;
  total: number;
  code?: string;
}

export interface RegisterSyncOptions {
  client: SkolenhetsregistretClient;
  onProgress?: (progress: RegisterSyncProgress) => void;
  /** Start a new run even when an unfinished one exists. */
  fresh?: boolean;
  /** Details fetched at once (default 8; the client has its own limit too). */
  concurrency?: number;
  /** Items stored per transaction (default 200). */
  batchSize?: number;
}

export interface RegisterCounts {
  new: number;
  changed: number;
  unchanged: number;
  /**
   * Active before this run and not now: listed but ceased (also counted in `changed`), or
   * no longer listed at all (kept, marked inactive or closed).
   */
  noLongerActive: number;
}

export interface RegisterSyncFailure {
  /** Organisation number or school unit code; `organizers`/`school-units` for a list. */
  code: string;
  stage: "list" | "organizer" | "schoolUnit" | "store";
  reason: string;
}

export interface RegisterSyncSummary {
  runId: string;
  resumed: boolean;
  listed: { organizers: number; schoolUnits: number };
  /** Already stored by this run before it was resumed. */
  skipped: { organizers: number; schoolUnits: number };
  organizers: RegisterCounts;
  schoolUnits: RegisterCounts;
  failed: RegisterSyncFailure[];
  /** Set when the run completed (no failures): the population is then the register's. */
  syncedAt: string | null;
  /** The register's own extract date (`meta.extractDate`). */
  extractDate: string | null;
  /** Municipalities created with a placeholder name (the statistics export has their names). */
  municipalitiesAdded: number;
  durationMs: number;
}

/** What a completed sync leaves in kv_state (`register` / `lastSync`). */
export interface RegisterSyncState {
  syncedAt: string;
  extractDate: string | null;
  runId: string;
}

const emptyCounts = (): RegisterCounts => ({ new: 0, changed: 0, unchanged: 0, noLongerActive: 0 });
const ORG = "o:";
const UNIT = "u:";
const CHUNK = 500;

function describeError(error: unknown): string {
  if (error instanceof SkolverketNotFoundError) return "not in the register (404)";
  if (error instanceof SkolverketHttpError) return `Skolenhetsregistret answered HTTP ${error.status}`;
  if (isSkolverketError(error)) return error.message;
  return errorReason(error);
}

/** A type the register does not name (or one we do not map) is read from the organizer's name. */
function organizerType(type: OrganizerType | null, name: string): OrganizerType {
  if (type) return type;
  return /\b(kommun|kommunförbund)\b/i.test(name) ? "municipal" : /\bregion\b/i.test(name) ? "region" : "independent";
}

/** Fetches with a bounded pool and hands results over in batches; the order of batches is the order fetched. */
async function fetchInBatches<I, R>(
  items: readonly I[],
  options: { concurrency: number; batchSize: number },
  fetchOne: (item: I) => Promise<R | undefined>,
  flush: (batch: R[]) => Promise<void>,
  progress: (item: I) => void,
): Promise<void> {
  const queue = [...items];
  let buffer: R[] = [];
  let flushing: Promise<void> = Promise.resolve();
  const drain = () => {
    const batch = buffer;
    buffer = [];
    flushing = flushing.then(() => flush(batch));
    return flushing;
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const result = await fetchOne(item);
      if (result !== undefined) buffer.push(result);
      progress(item);
      // Back-pressure: a worker waits for the write when a batch is full.
      if (buffer.length >= options.batchSize) await drain();
    }
  });
  await Promise.all(workers);
  if (buffer.length > 0) await drain();
  await flushing;
}

/**
 * Brings every organizer and school unit of Skolenhetsregistret into the store, merging
 * with what imports and the statistics API wrote (by organisation number and unit code).
 */
export function createRegisterSync(deps: Deps) {
  const { db } = deps.store;
  const now = () => deps.clock().getTime();
  const checkpoint = createSyncCheckpoint(db, now);

  async function ensureMunicipalities(trx: Trx, codes: Iterable<string>): Promise<number> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return 0;
    const known = new Set((await trx.selectFrom("municipalities").select("code").where("code", "in", wanted).execute()).map((r) => r.code));
    const missing = wanted.filter((c) => !known.has(c));
    if (missing.length > 0) {
      await trx
        .insertInto("municipalities")
        .values(missing.map((code) => ({ code, name: `Kommun ${code}`, county_code: code.slice(0, 2) })))
        .execute();
    }
    return missing.length;
  }

  /** Upserts organizers described by the register; returns the tally of this batch. */
  async function storeOrganizers(trx: Trx, items: readonly RegisterOrganizerDetails[], at: number) {
    const counts = emptyCounts();
    const municipalitiesAdded = await ensureMunicipalities(
      trx,
      items.flatMap((o) => (o.seatMunicipalityCode ? [o.seatMunicipalityCode] : [])),
    );
    const existing = new Map(
      (
        await trx
          .selectFrom("organizers")
          .selectAll()
          .where(
            "organization_number",
            "in",
            items.map((o) => o.organizationNumber),
          )
          .execute()
      ).map((r) => [r.organization_number, r]),
    );
    const inserts: Array<Insertable<Database["organizers"]>> = [];
    for (const o of items) {
      const before = existing.get(o.organizationNumber);
      const fields = {
        name: o.name,
        type: organizerType(o.type, o.name),
        // A seat the register does not give leaves what an import worked out.
        municipality_code: o.seatMunicipalityCode ?? before?.municipality_code ?? null,
        status: o.active ? ("active" as const) : ("inactive" as const),
        source: "register",
        register_type: o.typeCode,
        legal_entity_status: o.legalEntityStatus,
        company_status: o.companyStatus,
        company_form: o.companyForm?.name ?? o.companyForm?.code ?? null,
      };
      if (!before) {
        inserts.push({ id: newId(), organization_number: o.organizationNumber, ...fields, updated_at: at, register_seen_at: at });
        counts.new++;
        continue;
      }
      const changed = (Object.keys(fields) as Array<keyof typeof fields>).some((k) => before[k] !== fields[k]);
      if (before.status === "active" && fields.status !== "active") counts.noLongerActive++;
      if (changed) {
        await trx
          .updateTable("organizers")
          .set({ ...fields, updated_at: at, register_seen_at: at })
          .where("id", "=", before.id)
          .execute();
        counts.changed++;
      } else {
        await trx.updateTable("organizers").set({ register_seen_at: at }).where("id", "=", before.id).execute();
        counts.unchanged++;
      }
    }
    for (let i = 0; i < inserts.length; i += CHUNK)
      await trx
        .insertInto("organizers")
        .values(inserts.slice(i, i + CHUNK))
        .execute();
    return { counts, municipalitiesAdded };
  }

  async function storeSchoolUnits(trx: Trx, items: readonly RegisterSchoolUnitDetails[], at: number) {
    const counts = emptyCounts();
    const municipalitiesAdded = await ensureMunicipalities(
      trx,
      items.map((u) => u.municipalityCode),
    );
    // Organizers by number; one the organizer list did not have (a ceased one) is created inactive.
    const numbers = [...new Set(items.flatMap((u) => (u.organizer ? [u.organizer.organizationNumber] : [])))];
    const organizerIds = new Map(
      (
        await trx
          .selectFrom("organizers")
          .select(["id", "organization_number"])
          .where("organization_number", "in", numbers.length ? numbers : ["-"])
          .execute()
      ).map((r) => [r.organization_number, r.id]),
    );
    for (const u of items) {
      const o = u.organizer;
      if (!o || organizerIds.has(o.organizationNumber)) continue;
      const id = newId();
      const name = o.name ?? `Huvudman ${o.organizationNumber}`;
      await trx
        .insertInto("organizers")
        .values({
          id,
          organization_number: o.organizationNumber,
          name,
          type: organizerType(o.type, name),
          municipality_code: o.type === "municipal" ? u.municipalityCode : null,
          status: "inactive",
          source: "register",
          register_type: o.typeCode,
          updated_at: at,
          register_seen_at: at,
        })
        .execute();
      organizerIds.set(o.organizationNumber, id);
    }
    const existing = new Map(
      (
        await trx
          .selectFrom("school_units")
          .selectAll()
          .where(
            "code",
            "in",
            items.map((u) => u.code),
          )
          .execute()
      ).map((r) => [r.code, r]),
    );
    for (const u of items) {
      const organizerId = u.organizer ? organizerIds.get(u.organizer.organizationNumber) : undefined;
      const before = existing.get(u.code);
      // A unit without an organizer in the register keeps the one an import gave it.
      const organizer = organizerId ?? before?.organizer_id;
      if (!organizer) throw new Error(`school unit ${u.code} has no organizer in the register`);
      const types = [...new Set([...(before ? (JSON.parse(before.types_of_schooling) as string[]) : []), ...u.schoolTypes])].sort();
      const fields = { name: u.name, municipality_code: u.municipalityCode, organizer_id: organizer, types_of_schooling: toJson(types), status: u.status };
      if (!before) {
        await trx
          .insertInto("school_units")
          .values({ code: u.code, ...fields, details: null, updated_at: at, register_seen_at: at })
          .execute();
        counts.new++;
        continue;
      }
      if (before.status === "active" && u.status !== "active") counts.noLongerActive++;
      const changed = (Object.keys(fields) as Array<keyof typeof fields>).some((k) => before[k] !== fields[k]);
      await trx
        .updateTable("school_units")
        .set(changed ? { ...fields, updated_at: at, register_seen_at: at } : { register_seen_at: at })
        .where("code", "=", u.code)
        .execute();
      if (changed) counts.changed++;
      else counts.unchanged++;
    }
    return { counts, municipalitiesAdded };
  }

  /** Rows the register no longer lists stay (history refers to them) but stop counting as active. */
  async function retireUnlisted(organizers: ReadonlySet<string>, units: ReadonlySet<string>, at: number) {
    return db.transaction().execute(async (trx) => {
      const activeOrganizers = await trx.selectFrom("organizers").select(["id", "organization_number", "source"]).where("status", "=", "active").execute();
      // Organizers an admin added by hand (preschool-only ones are not in the register) stay.
      const goneOrganizers = activeOrganizers.filter((o) => !organizers.has(o.organization_number) && o.source !== "manual").map((o) => o.id);
      for (let i = 0; i < goneOrganizers.length; i += CHUNK) {
        await trx
          .updateTable("organizers")
          .set({ status: "inactive", updated_at: at })
          .where("id", "in", goneOrganizers.slice(i, i + CHUNK))
          .execute();
      }
      const activeUnits = await trx.selectFrom("school_units").select("code").where("status", "=", "active").execute();
      const goneUnits = activeUnits.filter((u) => !units.has(u.code)).map((u) => u.code);
      for (let i = 0; i < goneUnits.length; i += CHUNK) {
        await trx
          .updateTable("school_units")
          .set({ status: "closed", updated_at: at })
          .where("code", "in", goneUnits.slice(i, i + CHUNK))
          .execute();
      }
      return { organizers: goneOrganizers.length, units: goneUnits.length };
    });
  }

  return async function syncRegister(options: RegisterSyncOptions, ctx: WriteContext): Promise<RegisterSyncSummary> {
    const started = performance.now();
    const actor = await db
      .transaction()
      .execute((trx) => requireRole(trx, ctx, "admin", { sv: "synka skolenhetsregistret", en: "sync the school unit register" }));
    const run = await checkpoint.begin(["register"], options.fresh === true);
    const progress = options.onProgress ?? (() => undefined);
    const concurrency = options.concurrency ?? 8;
    const batchSize = Math.max(1, options.batchSize ?? 200);
    const summary: RegisterSyncSummary = {
      runId: run.runId,
      resumed: run.resumed,
      listed: { organizers: 0, schoolUnits: 0 },
      skipped: { organizers: 0, schoolUnits: 0 },
      organizers: emptyCounts(),
      schoolUnits: emptyCounts(),
      failed: [],
      syncedAt: null,
      extractDate: null,
      municipalitiesAdded: 0,
      durationMs: 0,
    };

    const organizerList: RegisterOrganizer[] = [];
    let unitList: RegisterSchoolUnit[] = [];
    try {
      const list = await options.client.listOrganizers();
      const unique = new Map(list.items.map((o) => [o.organizationNumber, o]));
      for (const o of unique.values()) {
        if (isValidOrganisationNumber(o.organizationNumber)) organizerList.push(o);
        else summary.failed.push({ code: o.organizationNumber, stage: "organizer", reason: "the organisation number's check digit is wrong" });
      }
      summary.extractDate = list.extractDate;
    } catch (error) {
      summary.failed.push({ code: "organizers", stage: "list", reason: describeError(error) });
    }
    progress({ phase: "listing", done: 1, total: 2 });
    try {
      const list = await options.client.listSchoolUnits();
      unitList = [...new Map(list.items.map((u) => [u.code, u])).values()];
      summary.extractDate ??= list.extractDate;
    } catch (error) {
      summary.failed.push({ code: "school-units", stage: "list", reason: describeError(error) });
    }
    progress({ phase: "listing", done: 2, total: 2 });
    summary.listed = { organizers: organizerList.length, schoolUnits: unitList.length };

    const listFailed = summary.failed.some((f) => f.stage === "list");
    if (!listFailed) {
      const organizersTodo = organizerList.filter((o) => !run.done.has(ORG + o.organizationNumber));
      summary.skipped.organizers = organizerList.length - organizersTodo.length;
      let done = summary.skipped.organizers;
      await fetchInBatches(
        organizersTodo,
        { concurrency, batchSize },
        async (o) => {
          try {
            return await options.client.getOrganizer(o.organizationNumber);
          } catch (error) {
            summary.failed.push({ code: o.organizationNumber, stage: "organizer", reason: describeError(error) });
            return undefined;
          }
        },
        async (batch) => {
          try {
            const tally = await db.transaction().execute(async (trx) => {
              const stored = await storeOrganizers(trx, batch, now());
              for (const o of batch) await checkpoint.markDoneIn(trx, run.runId, ORG + o.organizationNumber);
              return stored;
            });
            for (const k of ["new", "changed", "unchanged", "noLongerActive"] as const) summary.organizers[k] += tally.counts[k];
            summary.municipalitiesAdded += tally.municipalitiesAdded;
          } catch (error) {
            for (const o of batch) summary.failed.push({ code: o.organizationNumber, stage: "store", reason: errorReason(error) });
          }
        },
        (o) => progress({ phase: "organizers", done: ++done, total: organizerList.length, code: o.organizationNumber }),
      );

      const unitsTodo = unitList.filter((u) => !run.done.has(UNIT + u.code));
      summary.skipped.schoolUnits = unitList.length - unitsTodo.length;
      done = summary.skipped.schoolUnits;
      await fetchInBatches(
        unitsTodo,
        { concurrency, batchSize },
        async (u) => {
          try {
            return await options.client.getSchoolUnit(u.code);
          } catch (error) {
            summary.failed.push({ code: u.code, stage: "schoolUnit", reason: describeError(error) });
            return undefined;
          }
        },
        async (batch) => {
          try {
            const tally = await db.transaction().execute(async (trx) => {
              const stored = await storeSchoolUnits(trx, batch, now());
              for (const u of batch) await checkpoint.markDoneIn(trx, run.runId, UNIT + u.code);
              return stored;
            });
            for (const k of ["new", "changed", "unchanged", "noLongerActive"] as const) summary.schoolUnits[k] += tally.counts[k];
            summary.municipalitiesAdded += tally.municipalitiesAdded;
          } catch (error) {
            for (const u of batch) summary.failed.push({ code: u.code, stage: "store", reason: errorReason(error) });
          }
        },
        (u) => progress({ phase: "schoolUnits", done: ++done, total: unitList.length, code: u.code }),
      );
    }

    // Only a complete run may retire what it did not see, and only then is the population the register's.
    if (summary.failed.length === 0) {
      const at = now();
      const retired = await retireUnlisted(new Set(organizerList.map((o) => o.organizationNumber)), new Set(unitList.map((u) => u.code)), at);
      summary.organizers.noLongerActive += retired.organizers;
      summary.schoolUnits.noLongerActive += retired.units;
      await checkpoint.complete(["register"], run);
      summary.syncedAt = new Date(at).toISOString();
      const state: RegisterSyncState = { syncedAt: summary.syncedAt, extractDate: summary.extractDate, runId: run.runId };
      await db
        .insertInto("kv_state")
        .values({ namespace: REGISTER_NAMESPACE, key: REGISTER_STATE_KEY, value: JSON.stringify(state), expires_at: null, updated_at: at })
        .onConflict((oc) => oc.columns(["namespace", "key"]).doUpdateSet({ value: JSON.stringify(state), expires_at: null, updated_at: at }))
        .execute();
    }
    summary.failed.sort((a, b) => a.code.localeCompare(b.code));
    summary.durationMs = Math.round(performance.now() - started);
    await db.transaction().execute((trx) =>
      recordAudit(trx, ctx, actor, now(), {
        action: "data.syncRegister",
        entityType: "dataset",
        entityId: "skolenhetsregistret",
        details: {
          runId: summary.runId,
          resumed: summary.resumed,
          listed: summary.listed,
          skipped: summary.skipped,
          organizers: summary.organizers,
          schoolUnits: summary.schoolUnits,
          failed: summary.failed.slice(0, 20),
          failedCount: summary.failed.length,
          syncedAt: summary.syncedAt,
        },
      }),
    );
    return summary;
  };
}

/** The last completed register sync, or null before any. */
export async function readRegisterState(db: Kysely<Database>): Promise<RegisterSyncState | null> {
  const row = await db
    .selectFrom("kv_state")
    .select("value")
    .where("namespace", "=", REGISTER_NAMESPACE)
    .where("key", "=", REGISTER_STATE_KEY)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return JSON.parse(row.value) as RegisterSyncState;
  } catch {
    throw new InvalidStoredValueError(`kv_state ${REGISTER_NAMESPACE}/${REGISTER_STATE_KEY}`, row.value);
  }
}

export interface RegisterStatus {
  organizers: { active: number; inactive: number };
  schoolUnits: { active: number; inactive: number };
  syncedAt: string;
}

/** Active and inactive organizers and units once a register sync has completed; null before. */
export async function registerStatus(db: Kysely<Database>): Promise<RegisterStatus | null> {
  const state = await readRegisterState(db);
  if (!state) return null;
  const [organizers, units] = await Promise.all([
    db
      .selectFrom("organizers")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute(),
    db
      .selectFrom("school_units")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute(),
  ]);
  const split = (rows: Array<{ status: string; n: number | string }>) => {
    const active = rows.filter((r) => r.status === "active").reduce((s, r) => s + Number(r.n), 0);
    return { active, inactive: rows.reduce((s, r) => s + Number(r.n), 0) - active };
  };
  return { organizers: split(organizers), schoolUnits: split(units), syncedAt: state.syncedAt };
}
