import { NotFoundError, ValidationError } from "../errors";
import { chatIdentitySchema, roleSchema, staffInputSchema, type ChatIdentity, type Staff, type StaffInput } from "../domain/staff";
import { findOffice } from "../domain/offices";
import { requireRole } from "./access";
import { recordAudit } from "./audit";
import { hydrateOne, newId, type Deps, type Trx, type WriteContext } from "./context";
import { validate } from "./validate";
import type { StaffService } from "../api/staff";
import type { Selectable } from "kysely";
import { readColumn } from "../store/columns";
import type { Database } from "../store/schema";

type StaffRow = Omit<Selectable<Database["staff"]>, "created_at">;

function identityKey(identity: ChatIdentity): { platform: ChatIdentity["platform"]; tenant_id: string; user_id: string } {
  return identity.platform === "slack"
    ? { platform: "slack", tenant_id: identity.teamId, user_id: identity.userId }
    : { platform: "teams", tenant_id: identity.tenantId, user_id: identity.aadObjectId };
}

export function createStaffService(deps: Deps): StaffService {
  const { db } = deps.store;

  async function hydrate(rows: StaffRow[], q: Trx | typeof db = db): Promise<Staff[]> {
    if (rows.length === 0) return [];
    const identities = await q
      .selectFrom("staff_identities")
      .selectAll()
      .where(
        "staff_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      agency: r.agency,
      role: readColumn(roleSchema, "staff.role", r.role),
      homeOfficeId: r.home_office_id,
      locale: r.locale,
      identities: identities
        .filter((i) => i.staff_id === r.id)
        .map((i): ChatIdentity =>
          i.platform === "slack"
            ? { platform: "slack", teamId: i.tenant_id, userId: i.user_id }
            : { platform: "teams", tenantId: i.tenant_id, aadObjectId: i.user_id },
        ),
    }));
  }

  /** Inside a write, `q` is its transaction: the store's `db` must not be used there. */
  async function load(id: string, q: Trx | typeof db = db): Promise<Staff> {
    const row = await q.selectFrom("staff").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError("staff", id, { sv: `Ingen medarbetare med id ${id}.`, en: `No staff member with id ${id}.` });
    return hydrateOne(hydrate, row, q);
  }

  const service = {
    async get(id: string): Promise<Staff> {
      return load(id);
    },

    /** By id, e-mail or exact name (case-insensitive); for `--as` on the command line. */
    async find(idOrEmailOrName: string): Promise<Staff | undefined> {
      const needle = idOrEmailOrName.trim();
      const row = await db
        .selectFrom("staff")
        .selectAll()
        .where((eb) =>
          eb.or([eb("id", "=", needle), eb(eb.fn("lower", ["email"]), "=", needle.toLowerCase()), eb(eb.fn("lower", ["name"]), "=", needle.toLowerCase())]),
        )
        .executeTakeFirst();
      return row ? (await hydrate([row]))[0] : undefined;
    },

    async list(): Promise<Staff[]> {
      return hydrate(await db.selectFrom("staff").selectAll().orderBy("name").execute());
    },

    /** The staff member behind a chat user, or undefined when they are not registered. */
    async findByIdentity(identity: ChatIdentity): Promise<Staff | undefined> {
      const key = identityKey(validate(chatIdentitySchema, identity));
      const link = await db
        .selectFrom("staff_identities")
        .select("staff_id")
        .where("platform", "=", key.platform)
        .where("tenant_id", "=", key.tenant_id)
        .where("user_id", "=", key.user_id)
        .executeTakeFirst();
      return link ? service.get(link.staff_id) : undefined;
    },

    /**
     * Adds a staff member. Needs an admin, except for the very first one, so that a new
     * installation can be bootstrapped.
     */
    async create(input: StaffInput, ctx: WriteContext): Promise<Staff> {
      const data = validate(staffInputSchema, input);
      const homeOffice = data.homeOfficeId ? findOffice(deps.config.offices, data.homeOfficeId) : undefined;
      if (data.homeOfficeId && !homeOffice) {
        throw ValidationError.field("homeOfficeId", {
          sv: `Okänt regionkontor "${data.homeOfficeId}".`,
          en: `Unknown regional office "${data.homeOfficeId}".`,
        });
      }
      const id = newId();
      const now = deps.clock().getTime();
      await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom("staff")
          .select(({ fn }) => fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        const actor =
          Number(existing.n) === 0
            ? { staffId: null, label: "bootstrap", role: "admin" as const }
            : await requireRole(trx, ctx, "admin", { sv: "lägga till medarbetare", en: "add staff members" });
        if (data.email) {
          const clash = await trx.selectFrom("staff").select("id").where("email", "=", data.email).executeTakeFirst();
          if (clash)
            throw ValidationError.field("email", { sv: `E-postadressen ${data.email} används redan.`, en: `The e-mail ${data.email} is already in use.` });
        }
        const office = homeOffice?.id ?? null;
        await trx
          .insertInto("staff")
          .values({
            id,
            name: data.name,
            email: data.email ?? null,
            agency: data.agency,
            role: data.role,
            home_office_id: office,
            locale: data.locale,
            created_at: now,
          })
          .execute();
        for (const identity of data.identities) await insertIdentity(trx, id, identity);
        await recordAudit(trx, ctx, actor, now, { action: "staff.create", entityType: "staff", entityId: id, details: { name: data.name, role: data.role } });
      });
      return service.get(id);
    },

    /** Links a Slack or Teams user to a staff member (admin). */
    async linkIdentity(staffId: string, identity: ChatIdentity, ctx: WriteContext): Promise<Staff> {
      const parsed = validate(chatIdentitySchema, identity);
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "admin", { sv: "koppla chattkonton", en: "link chat accounts" });
        await load(staffId, trx);
        await insertIdentity(trx, staffId, parsed);
        await recordAudit(trx, ctx, actor, deps.clock().getTime(), {
          action: "staff.link_identity",
          entityType: "staff",
          entityId: staffId,
          details: { platform: parsed.platform },
        });
      });
      return service.get(staffId);
    },

    async setRole(staffId: string, role: Staff["role"], ctx: WriteContext): Promise<Staff> {
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "admin", { sv: "ändra roller", en: "change roles" });
        const result = await trx.updateTable("staff").set({ role }).where("id", "=", staffId).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new NotFoundError("staff", staffId);
        await recordAudit(trx, ctx, actor, deps.clock().getTime(), { action: "staff.set_role", entityType: "staff", entityId: staffId, details: { role } });
      });
      return service.get(staffId);
    },
  };

  async function insertIdentity(trx: Trx, staffId: string, identity: ChatIdentity): Promise<void> {
    const key = identityKey(identity);
    const taken = await trx
      .selectFrom("staff_identities")
      .select("staff_id")
      .where("platform", "=", key.platform)
      .where("tenant_id", "=", key.tenant_id)
      .where("user_id", "=", key.user_id)
      .executeTakeFirst();
    if (taken && taken.staff_id !== staffId) {
      throw ValidationError.field("identities", {
        sv: `Chattkontot ${key.platform}:${key.tenant_id}:${key.user_id} är redan kopplat till en annan medarbetare.`,
        en: `Chat account ${key.platform}:${key.tenant_id}:${key.user_id} is already linked to another staff member.`,
      });
    }
    if (!taken)
      await trx
        .insertInto("staff_identities")
        .values({ ...key, staff_id: staffId })
        .execute();
  }

  return service;
}

export type { StaffService };
