import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ConflictDetail, type LocalizedText } from "../errors";
import {
  ACTIVE_DIALOGUE_STATUSES,
  bookDialogueInputSchema,
  dialogueStatusSchema,
  rescheduleDialogueInputSchema,
  type BookDialogueInput,
  type DialogueStatus,
  type QualityDialogue,
  type RescheduleDialogueInput,
} from "../domain/dialogue";
import { findOffice, type RegionalOffice } from "../domain/offices";
import { addLocalDays, formatInstant, localDate, localToInstant, parseInstant, startOfLocalDay, toWallClock } from "../time";
import { formatStampRange } from "../time-format";
import { actsForOthers, requireRole, type ResolvedActor } from "./access";
import { recordAudit } from "./audit";
import { fromJsonArray, hydrateOne, newId, toJson, type Deps, type Trx, type WriteContext } from "./context";
import { validate } from "./validate";
import { swedishHoliday } from "../holidays";
import type { Selectable } from "kysely";
import { readColumn } from "../store/columns";
import type { Database } from "../store/schema";
import type { CalendarService } from "../calendar/service";
import type { DialogueService } from "../api/dialogues";

const MINUTE = 60_000;

export interface Slot {
  start: string;
  end: string;
}

export interface AvailabilityQuery {
  staffIds?: string[];
  officeId?: string | null;
  /** Range to search, ISO or local date-time; default from now for 14 days. */
  from?: string;
  to?: string;
  durationMinutes?: number;
  stepMinutes?: number;
  limit?: number;
}

export interface UpcomingQuery {
  staffId?: string;
  officeId?: string;
  organizerId?: string;
  from?: string;
  to?: string;
  statuses?: DialogueStatus[];
  limit?: number;
}

type DialogueRow = Selectable<Database["dialogues"]>;

interface Interval {
  start: number;
  end: number;
}

export interface DialogueServiceHooks {
  /** Queues invitation mail inside each booking, reschedule and cancel transaction. */
  calendar?: Pick<CalendarService, "notifyInTransaction" | "outlookBusy">;
}

export function createDialogueService(deps: Deps, hooks: DialogueServiceHooks = {}): DialogueService {
  const { db } = deps.store;
  const tz = deps.config.timeZone;
  const maxMs = deps.config.maxDialogueMinutes * MINUTE;

  async function hydrate(rows: DialogueRow[]): Promise<QualityDialogue[]> {
    if (rows.length === 0) return [];
    const participants = await db
      .selectFrom("dialogue_participants")
      .selectAll()
      .where(
        "dialogue_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    const byDialogue = new Map<string, string[]>();
    for (const p of participants) byDialogue.set(p.dialogue_id, [...(byDialogue.get(p.dialogue_id) ?? []), p.staff_id]);
    return rows.map((r) => ({
      id: r.id,
      organizerId: r.organizer_id,
      officeId: r.office_id,
      digital: r.digital === 1,
      start: formatInstant(r.start_at, tz),
      end: formatInstant(r.end_at, tz),
      staffIds: (byDialogue.get(r.id) ?? []).sort(),
      topics: fromJsonArray(r.topics, "dialogues.topics"),
      status: readColumn(dialogueStatusSchema, "dialogues.status", r.status),
      notes: r.notes,
      followsUpId: r.follows_up_id,
      schoolUnitCode: r.school_unit_code,
      createdBy: r.created_by,
    }));
  }

  async function load(id: string, q: Trx | typeof db = db): Promise<DialogueRow> {
    const row = await q.selectFrom("dialogues").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError("dialogue", id, { sv: `Ingen kvalitetsdialog med id ${id}.`, en: `No quality dialogue with id ${id}.` });
    return row;
  }

  function minutesOfDay(hhmm: string): number {
    const [h, m] = hhmm.split(":").map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  }

  /** Times, working hours and office opening: everything checkable before the transaction. */
  function checkSchedule(start: number, end: number, office: RegionalOffice | null): void {
    const issues: { field: string; message: LocalizedText }[] = [];
    if (end <= start) {
      issues.push({ field: "end", message: { sv: "Sluttiden måste vara efter starttiden.", en: "The end time must be after the start time." } });
    } else if (end - start > maxMs) {
      issues.push({
        field: "end",
        message: {
          sv: `En dialog kan vara högst ${deps.config.maxDialogueMinutes} minuter.`,
          en: `A dialogue can last at most ${deps.config.maxDialogueMinutes} minutes.`,
        },
      });
    }
    const wh = deps.config.workingHours;
    const s = toWallClock(start, tz);
    const e = toWallClock(end, tz);
    const isoWeekday = s.weekday === 0 ? 7 : s.weekday;
    const holiday = swedishHoliday(localDate(start, tz));
    if (!wh.days.includes(isoWeekday)) {
      issues.push({ field: "start", message: { sv: "Dialoger bokas på vardagar.", en: "Dialogues are booked on working days." } });
    } else if (holiday) {
      issues.push({
        field: "start",
        message: {
          sv: `${localDate(start, tz)} är ${holiday.name.sv}, en helgdag. Dialoger bokas på arbetsdagar.`,
          en: `${localDate(start, tz)} is ${holiday.name.en}, a public holiday in Sweden. Dialogues are booked on working days.`,
        },
      });
    }
    const sameDay = localDate(start, tz) === localDate(end - 1, tz);
    const startMin = s.hour * 60 + s.minute;
    const endMin = e.hour * 60 + e.minute;
    if (end > start && (!sameDay || startMin < minutesOfDay(wh.start) || endMin > minutesOfDay(wh.end))) {
      issues.push({
        field: "start",
        message: {
          sv: `Dialogen måste ligga inom arbetstid, ${wh.start}–${wh.end} svensk tid.`,
          en: `The dialogue must be within working hours, ${wh.start}–${wh.end} Swedish time.`,
        },
      });
    }
    if (office && localDate(start, tz) < office.openedOn) {
      issues.push({
        field: "officeId",
        message: {
          sv: `Regionkontoret i ${office.town} öppnar ${office.openedOn} och kan inte ta emot en dialog före det.`,
          en: `The ${office.town} regional office opens on ${office.openedOn} and cannot host a dialogue before then.`,
        },
      });
    }
    if (issues.length > 0) throw ValidationError.fromIssues(issues);
  }

  function resolveOffice(officeId: string | null | undefined, digital: boolean): RegionalOffice | null {
    if (digital && !officeId) return null;
    if (!officeId) return null;
    const office = findOffice(deps.config.offices, officeId);
    if (!office) {
      const towns = deps.config.offices.map((o) => o.town).join(", ");
      throw ValidationError.field("officeId", {
        sv: `Okänt regionkontor "${officeId}". Välj ett av: ${towns}.`,
        en: `Unknown regional office "${officeId}". Choose one of: ${towns}.`,
      });
    }
    return office;
  }

  function resolveEnd(start: number, end: string | undefined, durationMinutes: number | undefined): number {
    if (end !== undefined) return parseInstant(end, "end", tz);
    return start + (durationMinutes ?? 60) * MINUTE;
  }

  /** Overlapping active dialogues for these staff or this office (half-open intervals). */
  async function findConflicts(
    q: Trx | typeof db,
    interval: Interval,
    staffIds: readonly string[],
    officeId: string | null,
    excludeId?: string,
  ): Promise<ConflictDetail[]> {
    let query = q
      .selectFrom("dialogues as d")
      .leftJoin("dialogue_participants as p", "p.dialogue_id", "d.id")
      .select(["d.id", "d.start_at", "d.end_at", "d.office_id", "d.digital", "p.staff_id"])
      .where("d.status", "in", [...ACTIVE_DIALOGUE_STATUSES])
      // The start_at window is bounded by the longest dialogue, so the index range stays short.
      .where("d.start_at", ">", interval.start - maxMs)
      .where("d.start_at", "<", interval.end)
      .where("d.end_at", ">", interval.start)
      .where((eb) => {
        const ors = [];
        if (staffIds.length > 0) ors.push(eb("p.staff_id", "in", [...staffIds]));
        if (officeId) ors.push(eb.and([eb("d.office_id", "=", officeId), eb("d.digital", "=", 0)]));
        return ors.length > 0 ? eb.or(ors) : eb.val(false);
      });
    if (excludeId) query = query.where("d.id", "!=", excludeId);
    const rows = await query.execute();
    const conflicts: ConflictDetail[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const base = { dialogueId: r.id, start: formatInstant(r.start_at, tz), end: formatInstant(r.end_at, tz) };
      if (r.staff_id && staffIds.includes(r.staff_id) && !seen.has(`s:${r.id}:${r.staff_id}`)) {
        seen.add(`s:${r.id}:${r.staff_id}`);
        conflicts.push({ ...base, resource: { kind: "staff", id: r.staff_id } });
      }
      if (officeId && r.office_id === officeId && r.digital === 0 && !seen.has(`o:${r.id}`)) {
        seen.add(`o:${r.id}`);
        conflicts.push({ ...base, resource: { kind: "office", id: officeId } });
      }
    }
    return conflicts;
  }

  async function describeConflicts(q: Trx, conflicts: ConflictDetail[]): Promise<ConflictError> {
    const staffIds = conflicts.filter((c) => c.resource.kind === "staff").map((c) => c.resource.id);
    const names = new Map<string, string>();
    if (staffIds.length > 0) {
      for (const s of await q.selectFrom("staff").select(["id", "name"]).where("id", "in", staffIds).execute()) names.set(s.id, s.name);
    }
    const withNames = conflicts.map((c) => ({
      ...c,
      resource: { ...c.resource, name: c.resource.kind === "staff" ? names.get(c.resource.id) : findOffice(deps.config.offices, c.resource.id)?.town },
    }));
    const when = (c: ConflictDetail) => formatStampRange(c.start, c.end, tz);
    const sv = withNames.map((c) =>
      c.resource.kind === "staff" ? `${c.resource.name ?? c.resource.id} är upptagen ${when(c)}` : `regionkontoret i ${c.resource.name} är bokat ${when(c)}`,
    );
    const en = withNames.map((c) =>
      c.resource.kind === "staff" ? `${c.resource.name ?? c.resource.id} is busy ${when(c)}` : `the ${c.resource.name} office is booked ${when(c)}`,
    );
    return new ConflictError({ sv: `Tiden krockar: ${sv.join("; ")}.`, en: `The time conflicts: ${en.join("; ")}.` }, withNames);
  }

  async function ensureStaffExist(q: Trx, staffIds: readonly string[]): Promise<void> {
    const found = await q
      .selectFrom("staff")
      .select("id")
      .where("id", "in", [...staffIds])
      .execute();
    const missing = staffIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) {
      throw ValidationError.field("staffIds", { sv: `Okänd medarbetare: ${missing.join(", ")}.`, en: `Unknown staff member: ${missing.join(", ")}.` });
    }
  }

  function lockKeys(staffIds: readonly string[], officeId: string | null): string[] {
    return [...staffIds.map((id) => `staff:${id}`), ...(officeId ? [`office:${officeId}`] : [])];
  }

  /** Who may reschedule, cancel or mark a dialogue held: its booker, a participant, a unit head or admin. */
  async function mayChange(q: Trx | typeof db, actor: ResolvedActor, row: DialogueRow): Promise<void> {
    if (actsForOthers(actor)) return;
    if (row.created_by === actor.staffId) return;
    const participant = await q
      .selectFrom("dialogue_participants")
      .select("staff_id")
      .where("dialogue_id", "=", row.id)
      .where("staff_id", "=", actor.staffId)
      .executeTakeFirst();
    if (!participant) {
      throw new ForbiddenError({
        sv: "Du kan bara ändra dialoger som du bokat eller deltar i. Be en enhetschef om hjälp.",
        en: "You can only change dialogues you booked or take part in. Ask a unit head for help.",
      });
    }
  }

  const service = {
    async get(id: string): Promise<QualityDialogue> {
      return hydrateOne(hydrate, await load(id));
    },

    /**
     * Throws `ForbiddenError` unless the actor may reschedule or cancel the dialogue. For
     * chat flows that ask before writing; every write checks again.
     */
    async checkMayChange(id: string, ctx: WriteContext): Promise<void> {
      const actor = await requireRole(db, ctx, "advisor", { sv: "ändra kvalitetsdialoger", en: "change quality dialogues" });
      await mayChange(db, actor, await load(id));
    },

    async book(input: BookDialogueInput, ctx: WriteContext): Promise<QualityDialogue> {
      const data = validate(bookDialogueInputSchema, input);
      const start = parseInstant(data.start, "start", tz);
      const end = resolveEnd(start, data.end, data.durationMinutes);
      const office = resolveOffice(data.officeId, data.digital);
      checkSchedule(start, end, office);
      const id = newId();
      const now = deps.clock().getTime();
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "boka kvalitetsdialoger", en: "book quality dialogues" });
        const staffIds = [...new Set(data.staffIds ?? (actor.staffId ? [actor.staffId] : []))];
        if (staffIds.length === 0) {
          throw ValidationError.field("staffIds", { sv: "Ange minst en deltagande medarbetare.", en: "Name at least one participating staff member." });
        }
        // An advisor books their own dialogues; booking for colleagues is a unit head's job.
        if (!actsForOthers(actor) && !staffIds.includes(actor.staffId ?? "")) {
          throw new ForbiddenError({
            sv: "Du kan bara boka dialoger som du själv deltar i. Lägg till dig som deltagare, eller be en enhetschef boka.",
            en: "You can only book dialogues you take part in yourself. Add yourself as a participant, or ask a unit head to book.",
          });
        }
        await ensureStaffExist(trx, staffIds);
        const organizer = await trx.selectFrom("organizers").select("id").where("id", "=", data.organizerId).executeTakeFirst();
        if (!organizer)
          throw new NotFoundError("organizer", data.organizerId, {
            sv: `Ingen huvudman med id ${data.organizerId}.`,
            en: `No principal organizer with id ${data.organizerId}.`,
          });
        if (data.followsUpId) {
          const previous = await load(data.followsUpId, trx);
          if (previous.organizer_id !== data.organizerId) {
            throw ValidationError.field("followsUpId", { sv: "Uppföljningen måste gälla samma huvudman.", en: "A follow-up must be with the same organizer." });
          }
        }
        const officeId = office?.id ?? null;
        await deps.store.lock(trx, lockKeys(staffIds, officeId));
        const conflicts = await findConflicts(trx, { start, end }, staffIds, data.digital ? null : officeId);
        if (conflicts.length > 0) throw await describeConflicts(trx, conflicts);
        await trx
          .insertInto("dialogues")
          .values({
            id,
            organizer_id: data.organizerId,
            office_id: officeId,
            digital: data.digital ? 1 : 0,
            start_at: start,
            end_at: end,
            status: data.status,
            topics: toJson(data.topics),
            notes: data.notes,
            follows_up_id: data.followsUpId ?? null,
            school_unit_code: data.schoolUnitCode ?? null,
            meeting_url: data.meetingUrl ?? null,
            created_by: actor.staffId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto("dialogue_participants")
          .values(staffIds.map((staff_id) => ({ dialogue_id: id, staff_id })))
          .execute();
        await recordAudit(trx, ctx, actor, now, {
          action: "dialogue.book",
          entityType: "dialogue",
          entityId: id,
          details: { organizerId: data.organizerId, start: formatInstant(start, tz), end: formatInstant(end, tz), officeId, staffIds },
        });
        await hooks.calendar?.notifyInTransaction(trx, id, "REQUEST");
      });
      return service.get(id);
    },

    async reschedule(id: string, input: RescheduleDialogueInput, ctx: WriteContext): Promise<QualityDialogue> {
      const data = validate(rescheduleDialogueInputSchema, input);
      const now = deps.clock().getTime();
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "flytta kvalitetsdialoger", en: "reschedule quality dialogues" });
        const row = await load(id, trx);
        await mayChange(trx, actor, row);
        if (!ACTIVE_DIALOGUE_STATUSES.includes(row.status)) {
          throw ValidationError.field("status", {
            sv: `Dialogen är ${row.status === "held" ? "redan genomförd" : "inställd"} och kan inte flyttas.`,
            en: `The dialogue is ${row.status} and cannot be rescheduled.`,
          });
        }
        const start = parseInstant(data.start, "start", tz);
        // Without a new end the dialogue keeps its length.
        const end =
          data.end !== undefined || data.durationMinutes !== undefined
            ? resolveEnd(start, data.end, data.durationMinutes)
            : start + (row.end_at - row.start_at);
        const digital = data.digital ?? row.digital === 1;
        const office = resolveOffice(data.officeId === undefined ? row.office_id : data.officeId, digital);
        if (!digital && !office) {
          throw ValidationError.field("officeId", {
            sv: "Välj ett regionkontor, eller ange att dialogen är digital.",
            en: "Choose a regional office, or mark the dialogue as digital.",
          });
        }
        checkSchedule(start, end, office);
        const staffIds = (await trx.selectFrom("dialogue_participants").select("staff_id").where("dialogue_id", "=", id).execute()).map((p) => p.staff_id);
        const officeId = office?.id ?? null;
        await deps.store.lock(trx, lockKeys(staffIds, officeId));
        const conflicts = await findConflicts(trx, { start, end }, staffIds, digital ? null : officeId, id);
        if (conflicts.length > 0) throw await describeConflicts(trx, conflicts);
        await trx
          .updateTable("dialogues")
          .set((eb) => ({
            start_at: start,
            end_at: end,
            office_id: officeId,
            digital: digital ? 1 : 0,
            ...(data.meetingUrl !== undefined ? { meeting_url: data.meetingUrl } : {}),
            updated_at: now,
            sequence: eb("sequence", "+", 1),
          }))
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, ctx, actor, now, {
          action: "dialogue.reschedule",
          entityType: "dialogue",
          entityId: id,
          details: { from: formatInstant(row.start_at, tz), to: formatInstant(start, tz), end: formatInstant(end, tz), officeId },
        });
        await hooks.calendar?.notifyInTransaction(trx, id, "REQUEST");
      });
      return service.get(id);
    },

    async cancel(id: string, options: { reason?: string }, ctx: WriteContext): Promise<QualityDialogue> {
      const now = deps.clock().getTime();
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "ställa in kvalitetsdialoger", en: "cancel quality dialogues" });
        const row = await load(id, trx);
        await mayChange(trx, actor, row);
        if (row.status === "cancelled") {
          throw ValidationError.field("status", { sv: "Dialogen är redan inställd.", en: "The dialogue is already cancelled." });
        }
        if (row.status === "held") {
          throw ValidationError.field("status", {
            sv: "Dialogen är redan genomförd och kan inte ställas in.",
            en: "The dialogue was already held and cannot be cancelled.",
          });
        }
        await trx
          .updateTable("dialogues")
          .set((eb) => ({ status: "cancelled", updated_at: now, sequence: eb("sequence", "+", 1) }))
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, ctx, actor, now, { action: "dialogue.cancel", entityType: "dialogue", entityId: id, details: { reason: options.reason ?? "" } });
        await hooks.calendar?.notifyInTransaction(trx, id, "CANCEL");
      });
      return service.get(id);
    },

    async markHeld(id: string, options: { notes?: string }, ctx: WriteContext): Promise<QualityDialogue> {
      const now = deps.clock().getTime();
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "markera dialoger som genomförda", en: "mark dialogues as held" });
        const row = await load(id, trx);
        await mayChange(trx, actor, row);
        if (!ACTIVE_DIALOGUE_STATUSES.includes(row.status)) {
          throw ValidationError.field("status", {
            sv: `Dialogen har status ${row.status} och kan inte markeras som genomförd.`,
            en: `The dialogue is ${row.status} and cannot be marked as held.`,
          });
        }
        if (row.start_at > now) {
          throw ValidationError.field("status", { sv: "Dialogen har inte börjat än.", en: "The dialogue has not started yet." });
        }
        const notes = options.notes ? (row.notes ? `${row.notes}\n${options.notes}` : options.notes) : row.notes;
        await trx.updateTable("dialogues").set({ status: "held", notes, updated_at: now }).where("id", "=", id).execute();
        await recordAudit(trx, ctx, actor, now, { action: "dialogue.held", entityType: "dialogue", entityId: id });
      });
      return service.get(id);
    },

    /** Active dialogues from `from` (default now), soonest first. */
    async listUpcoming(query: UpcomingQuery = {}): Promise<QualityDialogue[]> {
      const from = query.from ? parseInstant(query.from, "from", tz) : deps.clock().getTime();
      let q = db
        .selectFrom("dialogues as d")
        .selectAll("d")
        .where("d.end_at", ">", from)
        .where("d.status", "in", query.statuses ?? [...ACTIVE_DIALOGUE_STATUSES])
        .orderBy("d.start_at")
        .orderBy("d.id")
        .limit(Math.max(1, Math.min(query.limit ?? 50, 1000)));
      if (query.to) q = q.where("d.start_at", "<", parseInstant(query.to, "to", tz));
      if (query.organizerId) q = q.where("d.organizer_id", "=", query.organizerId);
      if (query.officeId) q = q.where("d.office_id", "=", findOffice(deps.config.offices, query.officeId)?.id ?? query.officeId);
      if (query.staffId) {
        const staffId = query.staffId;
        q = q.where((eb) =>
          eb.exists(eb.selectFrom("dialogue_participants as p").select("p.staff_id").whereRef("p.dialogue_id", "=", "d.id").where("p.staff_id", "=", staffId)),
        );
      }
      return hydrate(await q.execute());
    },

    /**
     * The organizer's latest dialogues that have started (any status but cancelled),
     * newest first: the history a briefing shows. Two reads whatever the count.
     */
    async listPast(query: { organizerId: string; limit?: number }): Promise<QualityDialogue[]> {
      const rows = await db
        .selectFrom("dialogues")
        .selectAll()
        .where("organizer_id", "=", query.organizerId)
        .where("start_at", "<", deps.clock().getTime())
        .where("status", "!=", "cancelled")
        .orderBy("start_at", "desc")
        .orderBy("id")
        .limit(Math.max(1, Math.min(query.limit ?? 3, 100)))
        .execute();
      return hydrate(rows);
    },

    /** Dialogues in a period regardless of status (for digests and history). */
    async listBetween(from: string, to: string, statuses?: DialogueStatus[]): Promise<QualityDialogue[]> {
      let q = db
        .selectFrom("dialogues")
        .selectAll()
        .where("start_at", ">=", parseInstant(from, "from", tz))
        .where("start_at", "<", parseInstant(to, "to", tz))
        .orderBy("start_at");
      if (statuses) q = q.where("status", "in", statuses);
      return hydrate(await q.execute());
    },

    /** Checks a proposed time without booking; empty when free. */
    async conflicts(input: { start: string; end: string; staffIds: string[]; officeId?: string | null; excludeId?: string }): Promise<ConflictDetail[]> {
      const start = parseInstant(input.start, "start", tz);
      const end = parseInstant(input.end, "end", tz);
      const office = input.officeId ? resolveOffice(input.officeId, false) : null;
      return findConflicts(db, { start, end }, input.staffIds, office?.id ?? null, input.excludeId);
    },

    /** Free slots within working hours where all the staff and the office are free. */
    async availability(query: AvailabilityQuery): Promise<Slot[]> {
      const now = deps.clock().getTime();
      const from = Math.max(query.from ? parseInstant(query.from, "from", tz) : now, now);
      const to = query.to ? parseInstant(query.to, "to", tz) : addLocalDays(from, 14, tz);
      const duration = (query.durationMinutes ?? 60) * MINUTE;
      const step = Math.max(15, query.stepMinutes ?? 30) * MINUTE;
      const limit = Math.max(1, Math.min(query.limit ?? 10, 200));
      const office = query.officeId ? resolveOffice(query.officeId, false) : null;
      const staffIds = query.staffIds ?? [];
      const busy = await busyIntervals(from - maxMs, to, staffIds, office?.id ?? null);
      // Outlook's free/busy when Graph is configured; an outage leaves the bot's own view.
      if (hooks.calendar) busy.push(...(await hooks.calendar.outlookBusy(staffIds, from, to).catch(() => [])));
      const wh = deps.config.workingHours;
      const [sh, sm] = wh.start.split(":").map(Number);
      const [eh, em] = wh.end.split(":").map(Number);
      const slots: Slot[] = [];
      for (let day = startOfLocalDay(from, tz); day < to && slots.length < limit; day = addLocalDays(day, 1, tz)) {
        const w = toWallClock(day, tz);
        const isoWeekday = w.weekday === 0 ? 7 : w.weekday;
        if (!wh.days.includes(isoWeekday) || swedishHoliday(localDate(day, tz))) continue;
        if (office && localDate(day, tz) < office.openedOn) continue;
        const open = localToInstant({ year: w.year, month: w.month, day: w.day, hour: sh ?? 8, minute: sm ?? 0 }, tz);
        const close = localToInstant({ year: w.year, month: w.month, day: w.day, hour: eh ?? 17, minute: em ?? 0 }, tz);
        if (open === undefined || close === undefined) continue;
        for (let s = open; s + duration <= close && slots.length < limit; s += step) {
          if (s < from || s + duration > to) continue;
          const e = s + duration;
          if (!busy.some((b) => b.start < e && b.end > s)) slots.push({ start: formatInstant(s, tz), end: formatInstant(e, tz) });
        }
      }
      return slots;
    },
  };

  async function busyIntervals(from: number, to: number, staffIds: string[], officeId: string | null): Promise<Interval[]> {
    if (staffIds.length === 0 && !officeId) return [];
    const rows = await db
      .selectFrom("dialogues as d")
      .leftJoin("dialogue_participants as p", "p.dialogue_id", "d.id")
      .select(["d.start_at", "d.end_at"])
      .where("d.status", "in", [...ACTIVE_DIALOGUE_STATUSES])
      .where("d.start_at", ">", from)
      .where("d.start_at", "<", to)
      .where((eb) => {
        const ors = [];
        if (staffIds.length > 0) ors.push(eb("p.staff_id", "in", staffIds));
        if (officeId) ors.push(eb.and([eb("d.office_id", "=", officeId), eb("d.digital", "=", 0)]));
        return eb.or(ors);
      })
      .execute();
    return rows.map((r) => ({ start: r.start_at, end: r.end_at }));
  }

  return service;
}

export type { DialogueService };
