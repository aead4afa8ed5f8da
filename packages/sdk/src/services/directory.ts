import { NotFoundError } from "../errors";
import { countyOfMunicipality, municipalitySchema, type Municipality } from "../domain/geography";
import { organizerInputSchema, type OrganizerInput, type OrganizerType, type PrincipalOrganizer } from "../domain/organizer";
import {
  schoolUnitCodeSchema,
  schoolUnitInputSchema,
  schoolUnitStatusSchema,
  type SchoolUnit,
  type SchoolUnitInput,
  type SchoolUnitStatus,
} from "../domain/school-unit";
import { readColumn } from "../store/columns";
import { requireRole } from "./access";
import { recordAudit } from "./audit";
import { fromJsonArray, newId, toJson, type Deps, type Trx, type WriteContext } from "./context";
import { validate } from "./validate";

export interface ListOptions {
  municipality?: string;
  county?: string;
  limit?: number;
  offset?: number;
}

export interface UpsertSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export type OrganizerRow = { id: string; organization_number: string; name: string; type: OrganizerType; municipality_code: string | null };
export type SchoolRow = { code: string; name: string; municipality_code: string; organizer_id: string; types_of_schooling: string; status: SchoolUnitStatus };

/** Row → domain object; shared with the search service. */
export const toOrganizer = (r: OrganizerRow): PrincipalOrganizer => ({
  id: r.id,
  organizationNumber: r.organization_number,
  name: r.name,
  type: r.type,
  municipalityCode: r.municipality_code,
});

export const toSchool = (r: SchoolRow): SchoolUnit => ({
  code: r.code,
  name: r.name,
  municipalityCode: r.municipality_code,
  organizerId: r.organizer_id,
  typesOfSchooling: fromJsonArray(r.types_of_schooling, "school_units.types_of_schooling"),
  status: readColumn(schoolUnitStatusSchema, "school_units.status", r.status),
});

const clampLimit = (limit: number | undefined) => Math.max(1, Math.min(limit ?? 50, 1000));

/** Municipalities, organizers and school units: reads, and upserts for imports. */
export function createDirectory(deps: Deps) {
  const { db } = deps.store;
  const now = () => deps.clock().getTime();

  async function upsertMunicipalitiesIn(trx: Trx, items: Municipality[], summary: UpsertSummary): Promise<void> {
    for (const m of items) {
      const existing = await trx.selectFrom("municipalities").selectAll().where("code", "=", m.code).executeTakeFirst();
      if (!existing) {
        await trx.insertInto("municipalities").values({ code: m.code, name: m.name, county_code: m.countyCode }).execute();
        summary.added++;
      } else if (existing.name !== m.name || existing.county_code !== m.countyCode) {
        await trx.updateTable("municipalities").set({ name: m.name, county_code: m.countyCode }).where("code", "=", m.code).execute();
        summary.updated++;
      } else summary.unchanged++;
    }
  }

  async function upsertOrganizerIn(trx: Trx, input: OrganizerInput, summary: UpsertSummary): Promise<PrincipalOrganizer> {
    const data = validate(organizerInputSchema, input);
    const existing = await trx.selectFrom("organizers").selectAll().where("organization_number", "=", data.organizationNumber).executeTakeFirst();
    const municipalityCode = data.municipalityCode ?? existing?.municipality_code ?? null;
    if (!existing) {
      const row = { id: newId(), organization_number: data.organizationNumber, name: data.name, type: data.type, municipality_code: municipalityCode };
      await trx
        .insertInto("organizers")
        .values({ ...row, updated_at: now() })
        .execute();
      summary.added++;
      return toOrganizer(row);
    }
    const changed = existing.name !== data.name || existing.type !== data.type || existing.municipality_code !== municipalityCode;
    if (changed) {
      await trx
        .updateTable("organizers")
        .set({ name: data.name, type: data.type, municipality_code: municipalityCode, updated_at: now() })
        .where("id", "=", existing.id)
        .execute();
      summary.updated++;
    } else summary.unchanged++;
    return toOrganizer({ ...existing, name: data.name, type: data.type, municipality_code: municipalityCode });
  }

  async function upsertSchoolIn(trx: Trx, input: SchoolUnitInput & { details?: unknown }, summary: UpsertSummary): Promise<SchoolUnit> {
    const data = validate(schoolUnitInputSchema, input);
    const organizer = await trx.selectFrom("organizers").select("id").where("id", "=", data.organizerId).executeTakeFirst();
    if (!organizer) throw new NotFoundError("organizer", data.organizerId);
    const existing = await trx.selectFrom("school_units").selectAll().where("code", "=", data.code).executeTakeFirst();
    const types = toJson([...data.typesOfSchooling].sort());
    const details = input.details === undefined ? (existing?.details ?? null) : toJson(input.details);
    // Without an explicit status the stored one stands: the register says whether a unit has closed.
    const status = input.status === undefined && existing ? existing.status : data.status;
    const row = {
      code: data.code,
      name: data.name,
      municipality_code: data.municipalityCode,
      organizer_id: data.organizerId,
      types_of_schooling: types,
      status,
      details,
    };
    if (!existing) {
      await trx
        .insertInto("school_units")
        .values({ ...row, updated_at: now() })
        .execute();
      summary.added++;
    } else if (
      existing.name !== row.name ||
      existing.municipality_code !== row.municipality_code ||
      existing.organizer_id !== row.organizer_id ||
      existing.types_of_schooling !== row.types_of_schooling ||
      existing.status !== row.status ||
      existing.details !== row.details
    ) {
      await trx
        .updateTable("school_units")
        .set({ ...row, updated_at: now() })
        .where("code", "=", data.code)
        .execute();
      summary.updated++;
    } else summary.unchanged++;
    return toSchool(row);
  }

  const emptySummary = (): UpsertSummary => ({ added: 0, updated: 0, unchanged: 0 });

  return {
    municipalities: {
      async list(filter: { county?: string } = {}): Promise<Municipality[]> {
        let q = db.selectFrom("municipalities").selectAll().orderBy("name");
        if (filter.county) q = q.where("county_code", "=", filter.county);
        return (await q.execute()).map((r) => ({ code: r.code, name: r.name, countyCode: r.county_code }));
      },
      async get(code: string): Promise<Municipality | undefined> {
        const r = await db.selectFrom("municipalities").selectAll().where("code", "=", code).executeTakeFirst();
        return r ? { code: r.code, name: r.name, countyCode: r.county_code } : undefined;
      },
      async upsert(items: Municipality[], ctx: WriteContext): Promise<UpsertSummary> {
        const parsed = items.map((m) => validate(municipalitySchema, m));
        const summary = emptySummary();
        await db.transaction().execute(async (trx) => {
          const actor = await requireRole(trx, ctx, "admin", { sv: "ändra kommuner", en: "change municipalities" });
          await upsertMunicipalitiesIn(trx, parsed, summary);
          await recordAudit(trx, ctx, actor, now(), { action: "municipalities.upsert", entityType: "municipality", entityId: "*", details: { ...summary } });
        });
        return summary;
      },
    },

    organizers: {
      async get(id: string): Promise<PrincipalOrganizer> {
        const r = await db.selectFrom("organizers").selectAll().where("id", "=", id).executeTakeFirst();
        if (!r) throw new NotFoundError("organizer", id, { sv: `Ingen huvudman med id ${id}.`, en: `No principal organizer with id ${id}.` });
        return toOrganizer(r);
      },
      async getByOrganisationNumber(organizationNumber: string): Promise<PrincipalOrganizer | undefined> {
        const digits = organizationNumber.replace(/[-\s]/g, "");
        const r = await db.selectFrom("organizers").selectAll().where("organization_number", "=", digits).executeTakeFirst();
        return r ? toOrganizer(r) : undefined;
      },
      /** By id, organisation number (with or without dash) or exact name, case-insensitive. */
      async find(text: string): Promise<PrincipalOrganizer | undefined> {
        const needle = text.trim();
        if (!needle) return undefined;
        const digits = needle.replace(/[-\s]/g, "");
        const r = await db
          .selectFrom("organizers")
          .selectAll()
          .where((eb) => eb.or([eb("id", "=", needle), eb("organization_number", "=", digits), eb(eb.fn("lower", ["name"]), "=", needle.toLowerCase())]))
          .executeTakeFirst();
        return r ? toOrganizer(r) : undefined;
      },
      async list(options: ListOptions = {}): Promise<PrincipalOrganizer[]> {
        let q = db
          .selectFrom("organizers")
          .selectAll()
          .orderBy("name")
          .orderBy("id")
          .limit(clampLimit(options.limit))
          .offset(options.offset ?? 0);
        if (options.municipality) q = q.where("municipality_code", "=", options.municipality);
        if (options.county) q = q.where("municipality_code", "like", `${options.county}%`);
        return (await q.execute()).map(toOrganizer);
      },
      async upsert(input: OrganizerInput, ctx: WriteContext): Promise<PrincipalOrganizer> {
        return db.transaction().execute(async (trx) => {
          const actor = await requireRole(trx, ctx, "admin", { sv: "ändra huvudmän", en: "change principal organizers" });
          const summary = emptySummary();
          const organizer = await upsertOrganizerIn(trx, input, summary);
          if (summary.unchanged === 0) {
            await recordAudit(trx, ctx, actor, now(), { action: "organizer.upsert", entityType: "organizer", entityId: organizer.id, details: { ...summary } });
          }
          return organizer;
        });
      },
    },

    schools: {
      async get(code: string): Promise<SchoolUnit> {
        const parsed = validate(schoolUnitCodeSchema, code);
        const r = await db.selectFrom("school_units").selectAll().where("code", "=", parsed).executeTakeFirst();
        if (!r) throw new NotFoundError("schoolUnit", parsed, { sv: `Ingen skolenhet med koden ${parsed}.`, en: `No school unit with code ${parsed}.` });
        return toSchool(r);
      },
      async list(options: ListOptions & { organizerId?: string } = {}): Promise<SchoolUnit[]> {
        let q = db
          .selectFrom("school_units")
          .selectAll()
          .orderBy("name")
          .orderBy("code")
          .limit(clampLimit(options.limit))
          .offset(options.offset ?? 0);
        if (options.municipality) q = q.where("municipality_code", "=", options.municipality);
        if (options.county) q = q.where("municipality_code", "like", `${options.county}%`);
        if (options.organizerId) q = q.where("organizer_id", "=", options.organizerId);
        return (await q.execute()).map(toSchool);
      },
      async upsert(input: SchoolUnitInput, ctx: WriteContext): Promise<SchoolUnit> {
        return db.transaction().execute(async (trx) => {
          const actor = await requireRole(trx, ctx, "admin", { sv: "ändra skolenheter", en: "change school units" });
          const summary = emptySummary();
          const school = await upsertSchoolIn(trx, input, summary);
          if (summary.unchanged === 0) {
            await recordAudit(trx, ctx, actor, now(), {
              action: "schoolUnit.upsert",
              entityType: "schoolUnit",
              entityId: school.code,
              details: { ...summary },
            });
          }
          return school;
        });
      },
    },

    /** Transaction-scoped building blocks for imports and syncs (one transaction per batch). */
    internal: { upsertMunicipalitiesIn, upsertOrganizerIn, upsertSchoolIn, countyOfMunicipality },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
