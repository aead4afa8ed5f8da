import type { Insertable } from "kysely";
import type { Municipality } from "../domain/geography";
import type { OrganizerType } from "../domain/organizer";
import { fromJsonArray, newId, toJson, type Trx } from "../services/context";
import type { UpsertSummary } from "../services/directory";
import type { Database } from "../store/schema";

/**
 * Set-at-a-time upserts for imports: one query fetches what exists for a whole batch, so
 * a 1,714-row file costs a few dozen round trips instead of thousands. Inputs are
 * validated by the caller; these only compare and write.
 */

const CHUNK = 500;

async function inChunks<T>(values: readonly string[], fetch: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await fetch(values.slice(i, i + CHUNK))));
  return out;
}

export async function upsertMunicipalitiesBatch(trx: Trx, items: readonly Municipality[], summary: UpsertSummary): Promise<void> {
  const existing = new Map(
    (
      await inChunks(
        items.map((m) => m.code),
        (codes) => trx.selectFrom("municipalities").selectAll().where("code", "in", codes).execute(),
      )
    ).map((r) => [r.code, r]),
  );
  const inserts: Municipality[] = [];
  for (const m of items) {
    const before = existing.get(m.code);
    if (!before) inserts.push(m);
    else if (before.name !== m.name || before.county_code !== m.countyCode) {
      await trx.updateTable("municipalities").set({ name: m.name, county_code: m.countyCode }).where("code", "=", m.code).execute();
      summary.updated++;
    } else summary.unchanged++;
  }
  for (let i = 0; i < inserts.length; i += CHUNK) {
    await trx
      .insertInto("municipalities")
      .values(inserts.slice(i, i + CHUNK).map((m) => ({ code: m.code, name: m.name, county_code: m.countyCode })))
      .execute();
  }
  summary.added += inserts.length;
}

export interface OrganizerFields {
  organizationNumber: string;
  name: string;
  type: OrganizerType;
  municipalityCode: string | null;
}

/**
 * Organizers with a unit described by Skolverket's API. The API is newer than a
 * statistics export, so an import leaves their names (and their units' names) as synced.
 */
async function syncedOrganizerIds(trx: Trx, ids: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks(ids, (chunk) =>
    trx.selectFrom("school_units").select("organizer_id").distinct().where("organizer_id", "in", chunk).where("details", "is not", null).execute(),
  );
  return new Set(rows.map((r) => r.organizer_id));
}

/**
 * Upserts organizers by organisation number; returns their ids by organisation number.
 * `keepSyncedNames`: do not rename an organizer whose units came from the API.
 */
export async function upsertOrganizersBatch(
  trx: Trx,
  items: readonly OrganizerFields[],
  summary: UpsertSummary,
  now: number,
  options: { keepSyncedNames?: boolean } = {},
): Promise<Map<string, string>> {
  const existing = new Map(
    (
      await inChunks(
        items.map((o) => o.organizationNumber),
        (numbers) => trx.selectFrom("organizers").selectAll().where("organization_number", "in", numbers).execute(),
      )
    ).map((r) => [r.organization_number, r]),
  );
  const synced = options.keepSyncedNames
    ? await syncedOrganizerIds(
        trx,
        [...existing.values()].map((r) => r.id),
      )
    : new Set<string>();
  const ids = new Map<string, string>();
  const inserts: Array<Insertable<Database["organizers"]>> = [];
  for (const o of items) {
    const before = existing.get(o.organizationNumber);
    if (!before) {
      const id = newId();
      inserts.push({ id, organization_number: o.organizationNumber, name: o.name, type: o.type, municipality_code: o.municipalityCode, updated_at: now });
      ids.set(o.organizationNumber, id);
      continue;
    }
    ids.set(o.organizationNumber, before.id);
    // Skolenhetsregistret is the authority on organizers: once it has described one, its
    // name, type and seat municipality stand against exports and the statistics API.
    const fromRegister = before.register_seen_at !== null;
    const name = fromRegister || synced.has(before.id) ? before.name : o.name;
    const type = fromRegister ? before.type : o.type;
    const municipalityCode = fromRegister ? before.municipality_code : o.municipalityCode;
    if (before.name !== name || before.type !== type || before.municipality_code !== municipalityCode) {
      await trx.updateTable("organizers").set({ name, type, municipality_code: municipalityCode, updated_at: now }).where("id", "=", before.id).execute();
      summary.updated++;
    } else summary.unchanged++;
  }
  for (let i = 0; i < inserts.length; i += CHUNK)
    await trx
      .insertInto("organizers")
      .values(inserts.slice(i, i + CHUNK))
      .execute();
  summary.added += inserts.length;
  return ids;
}

export interface SchoolUnitFields {
  code: string;
  name: string;
  municipalityCode: string;
  organizerId: string;
  /** Added to what the store already knows: an export names one form, the API all of them. */
  typesOfSchooling: readonly string[];
}

/**
 * Upserts school units; keeps their status and API details, merges types of schooling,
 * and keeps the name of a unit the API has described (its name is the newer).
 */
export async function upsertSchoolUnitsBatch(trx: Trx, items: readonly SchoolUnitFields[], summary: UpsertSummary, now: number): Promise<void> {
  const existing = new Map(
    (
      await inChunks(
        items.map((u) => u.code),
        (codes) => trx.selectFrom("school_units").selectAll().where("code", "in", codes).execute(),
      )
    ).map((r) => [r.code, r]),
  );
  const inserts: Array<Omit<SchoolUnitFields, "typesOfSchooling"> & { types: string }> = [];
  for (const u of items) {
    const before = existing.get(u.code);
    const types = toJson(
      [...new Set([...(before ? fromJsonArray(before.types_of_schooling, "school_units.types_of_schooling") : []), ...u.typesOfSchooling])].sort(),
    );
    if (!before) {
      inserts.push({ ...u, types });
      continue;
    }
    const name = before.details === null && before.register_seen_at === null ? u.name : before.name;
    if (
      before.name !== name ||
      before.municipality_code !== u.municipalityCode ||
      before.organizer_id !== u.organizerId ||
      before.types_of_schooling !== types
    ) {
      await trx
        .updateTable("school_units")
        .set({ name, municipality_code: u.municipalityCode, organizer_id: u.organizerId, types_of_schooling: types, updated_at: now })
        .where("code", "=", u.code)
        .execute();
      summary.updated++;
    } else summary.unchanged++;
  }
  for (let i = 0; i < inserts.length; i += CHUNK) {
    await trx
      .insertInto("school_units")
      .values(
        inserts.slice(i, i + CHUNK).map((u) => ({
          code: u.code,
          name: u.name,
          municipality_code: u.municipalityCode,
          organizer_id: u.organizerId,
          types_of_schooling: u.types,
          status: "active",
          details: null,
          updated_at: now,
        })),
      )
      .execute();
  }
  summary.added += inserts.length;
}
