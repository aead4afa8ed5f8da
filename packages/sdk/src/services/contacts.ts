import { NotFoundError, ValidationError } from "../errors";
import { contactInputSchema, contactUpdateSchema, type ContactInput, type ContactUpdate, type OrganizerContact } from "../domain/contact";
import { requireRole, type ResolvedActor } from "./access";
import { recordAudit } from "./audit";
import { newId, type Deps, type Trx, type WriteContext } from "./context";
import { validate } from "./validate";
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../store/schema";
import type { CalendarService } from "../calendar/service";
import type { ContactService } from "../api/contacts";

type ContactRow = Selectable<Database["organizer_contacts"]>;

/** Who is asking: reads of personal data need a registered staff member, like writes. */
export type ReadContext = WriteContext;

function toContact(r: ContactRow): OrganizerContact {
  return { id: r.id, organizerId: r.organizer_id, name: r.name, role: r.role, email: r.email, phone: r.phone, notes: r.notes };
}

const READ = { sv: "se kontaktpersoner", en: "see contact persons" };

/**
 * Contact persons at organizers, and which of them a dialogue meets. Audit entries name
 * the contact by id and list which fields changed, never the values: audit history is
 * append-only, so personal data written there could never be erased.
 */
export interface ContactServiceHooks {
  /** A new choice of contact persons changes the attendee set: a new invitation (REQUEST, higher SEQUENCE). */
  calendar?: Pick<CalendarService, "notifyInTransaction">;
}

export function createContactService(deps: Deps, hooks: ContactServiceHooks = {}): ContactService {
  const { db } = deps.store;
  const now = () => deps.clock().getTime();

  async function loadRow(q: Kysely<Database>, id: string): Promise<ContactRow> {
    const row = await q.selectFrom("organizer_contacts").selectAll().where("id", "=", id.trim()).executeTakeFirst();
    if (!row) throw new NotFoundError("contact", id, { sv: `Ingen kontaktperson med id ${id}.`, en: `No contact person with id ${id}.` });
    return row;
  }

  async function ensureOrganizer(q: Trx, organizerId: string): Promise<void> {
    const found = await q.selectFrom("organizers").select("id").where("id", "=", organizerId).executeTakeFirst();
    if (!found)
      throw new NotFoundError("organizer", organizerId, { sv: `Ingen huvudman med id ${organizerId}.`, en: `No principal organizer with id ${organizerId}.` });
  }

  /** Deletes the person and every link to them; the audit entry holds only ids. */
  async function deleteContact(id: string, ctx: WriteContext, action: "contact.remove" | "contact.erase"): Promise<void> {
    const at = now();
    await db.transaction().execute(async (trx) => {
      const what =
        action === "contact.erase"
          ? { sv: "radera personuppgifter", en: "erase personal data" }
          : { sv: "ta bort kontaktpersoner", en: "remove contact persons" };
      const actor = await requireRole(trx, ctx, action === "contact.erase" ? "unitHead" : "advisor", what);
      const row = await loadRow(trx, id);
      const links = await trx.deleteFrom("dialogue_contacts").where("contact_id", "=", row.id).executeTakeFirst();
      await trx.deleteFrom("organizer_contacts").where("id", "=", row.id).execute();
      await recordAudit(trx, ctx, actor, at, {
        action,
        entityType: "contact",
        entityId: row.id,
        details: { organizerId: row.organizer_id, dialogueLinksRemoved: Number(links.numDeletedRows) },
      });
    });
  }

  const service = {
    async add(input: ContactInput, ctx: WriteContext): Promise<OrganizerContact> {
      const data = validate(contactInputSchema, input);
      const id = newId();
      const at = now();
      const row: ContactRow = {
        id,
        organizer_id: data.organizerId,
        name: data.name,
        role: data.role,
        email: data.email ?? null,
        phone: data.phone ?? null,
        notes: data.notes,
        created_at: at,
        updated_at: at,
      };
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "lägga till kontaktpersoner", en: "add contact persons" });
        await ensureOrganizer(trx, data.organizerId);
        await trx.insertInto("organizer_contacts").values(row).execute();
        await recordAudit(trx, ctx, actor, at, { action: "contact.add", entityType: "contact", entityId: id, details: { organizerId: data.organizerId } });
      });
      return toContact(row);
    },

    async update(id: string, patch: ContactUpdate, ctx: WriteContext): Promise<OrganizerContact> {
      const data = validate(contactUpdateSchema, patch);
      const at = now();
      return db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "ändra kontaktpersoner", en: "change contact persons" });
        const row = await loadRow(trx, id);
        const next: ContactRow = {
          ...row,
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.role !== undefined ? { role: data.role } : {}),
          ...(data.email !== undefined ? { email: data.email } : {}),
          ...(data.phone !== undefined ? { phone: data.phone } : {}),
          ...(data.notes !== undefined ? { notes: data.notes } : {}),
          updated_at: at,
        };
        const changed = (["name", "role", "email", "phone", "notes"] as const).filter((f) => next[f] !== row[f]);
        if (changed.length === 0) return toContact(row);
        await trx
          .updateTable("organizer_contacts")
          .set({ name: next.name, role: next.role, email: next.email, phone: next.phone, notes: next.notes, updated_at: at })
          .where("id", "=", row.id)
          .execute();
        await recordAudit(trx, ctx, actor, at, {
          action: "contact.update",
          entityType: "contact",
          entityId: row.id,
          details: { organizerId: row.organizer_id, fields: changed },
        });
        return toContact(next);
      });
    },

    /** Removes a contact who no longer works with us (e.g. changed jobs). */
    remove(id: string, ctx: WriteContext): Promise<void> {
      return deleteContact(id, ctx, "contact.remove");
    },

    /**
     * GDPR erasure: the person disappears from the organizer and every dialogue. The audit
     * keeps that an erasure happened, by whom and when, with no name, e-mail or phone.
     */
    erase(id: string, ctx: WriteContext): Promise<void> {
      return deleteContact(id, ctx, "contact.erase");
    },

    async get(id: string, ctx: ReadContext): Promise<OrganizerContact> {
      await requireRole(db, ctx, "viewer", READ);
      return toContact(await loadRow(db, id));
    },

    /** The organizer's contact persons by name. Staff only. */
    async list(organizerId: string, ctx: ReadContext): Promise<OrganizerContact[]> {
      await requireRole(db, ctx, "viewer", READ);
      const rows = await db.selectFrom("organizer_contacts").selectAll().where("organizer_id", "=", organizerId).orderBy("name").orderBy("id").execute();
      return rows.map(toContact);
    },

    /**
     * The contact persons a dialogue meets (e.g. as calendar invitation attendees).
     * Staff only.
     */
    async forDialogue(dialogueId: string, ctx: ReadContext): Promise<OrganizerContact[]> {
      await requireRole(db, ctx, "viewer", READ);
      const rows = await db
        .selectFrom("dialogue_contacts as dc")
        .innerJoin("organizer_contacts as c", "c.id", "dc.contact_id")
        .selectAll("c")
        .where("dc.dialogue_id", "=", dialogueId)
        .orderBy("c.name")
        .execute();
      return rows.map(toContact);
    },

    /** Chooses which of the organizer's contact persons the dialogue meets (replaces the choice). */
    async setForDialogue(dialogueId: string, contactIds: readonly string[], ctx: WriteContext): Promise<OrganizerContact[]> {
      const at = now();
      const ids = [...new Set(contactIds.map((c) => c.trim()).filter(Boolean))];
      await db.transaction().execute(async (trx) => {
        const actor: ResolvedActor = await requireRole(trx, ctx, "advisor", {
          sv: "välja kontaktpersoner för dialoger",
          en: "choose contact persons for dialogues",
        });
        const dialogue = await trx.selectFrom("dialogues").select(["id", "organizer_id"]).where("id", "=", dialogueId).executeTakeFirst();
        if (!dialogue)
          throw new NotFoundError("dialogue", dialogueId, {
            sv: `Ingen kvalitetsdialog med id ${dialogueId}.`,
            en: `No quality dialogue with id ${dialogueId}.`,
          });
        if (ids.length > 0) {
          const found = await trx.selectFrom("organizer_contacts").select(["id", "organizer_id"]).where("id", "in", ids).execute();
          const wrong = ids.filter((id) => found.find((f) => f.id === id)?.organizer_id !== dialogue.organizer_id);
          if (wrong.length > 0) {
            throw ValidationError.field("contactIds", {
              sv: `Kontaktpersonerna måste höra till dialogens huvudman (${wrong.join(", ")} gör inte det).`,
              en: `Contact persons must belong to the dialogue's organizer (${wrong.join(", ")} do not).`,
            });
          }
        }
        await trx.deleteFrom("dialogue_contacts").where("dialogue_id", "=", dialogueId).execute();
        if (ids.length > 0)
          await trx
            .insertInto("dialogue_contacts")
            .values(ids.map((contact_id) => ({ dialogue_id: dialogueId, contact_id })))
            .execute();
        await recordAudit(trx, ctx, actor, at, { action: "dialogue.contacts", entityType: "dialogue", entityId: dialogueId, details: { contactIds: ids } });
        const status = (await trx.selectFrom("dialogues").select("status").where("id", "=", dialogueId).executeTakeFirstOrThrow()).status;
        if (hooks.calendar && (status === "booked" || status === "proposed")) {
          await trx
            .updateTable("dialogues")
            .set((eb) => ({ sequence: eb("sequence", "+", 1), updated_at: at }))
            .where("id", "=", dialogueId)
            .execute();
          await hooks.calendar.notifyInTransaction(trx, dialogueId, "REQUEST");
        }
      });
      return service.forDialogue(dialogueId, ctx);
    },
  };
  return service;
}

export type { ContactService };
