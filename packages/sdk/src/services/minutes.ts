import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { assignmentInputSchema, type Phase } from "../domain/assignment";
import { ACTIVE_DIALOGUE_STATUSES } from "../domain/dialogue";
import { minutesInputSchema, type AgreedAction, type DialogueMinutes, type MinutesInput } from "../domain/minutes";
import { formatInstant, localDate } from "../time";
import { atLeast, requireRole, type ResolvedActor } from "./access";
import { insertAssignment } from "./assignments";
import { recordAudit } from "./audit";
import { fromJsonArray, newId, toJson, type Deps, type Trx, type WriteContext } from "./context";
import { validate } from "./validate";
import type { MinutesService } from "../api/minutes";

/** An agreed action with the current phase of the assignment it became, for briefings. */
export interface AgreedActionStatus extends AgreedAction {
  phase: Phase | null;
}

export interface RecordedMinutes {
  minutes: DialogueMinutes;
  /** Set when the minutes name the next dialogue's date: book it with `followsUpId`. */
  followUp: { organizerId: string; followsUpId: string; date: string } | null;
}

/**
 * Minutes after a dialogue: which success factors were discussed, notes, agreed actions
 * (optionally as assignments `U-n` in the organizer's plan) and the next dialogue's date.
 * Written once; the database refuses to rewrite them, as it does progress entries.
 */
export function createMinutesService(deps: Deps): MinutesService {
  const { db } = deps.store;
  const tz = deps.config.timeZone;

  function canonicalTopics(topics: string[]): string[] {
    const known = deps.config.successFactors;
    const out: string[] = [];
    const unknown: string[] = [];
    for (const topic of topics) {
      const match = known.find((k) => k.toLocaleLowerCase("sv") === topic.toLocaleLowerCase("sv"));
      if (match) {
        if (!out.includes(match)) out.push(match);
      } else unknown.push(topic);
    }
    if (unknown.length > 0) {
      throw ValidationError.field("topics", {
        sv: `Okänt ämne: ${unknown.join(", ")}. Välj bland: ${known.join(", ")}.`,
        en: `Unknown topic: ${unknown.join(", ")}. Choose from: ${known.join(", ")}.`,
      });
    }
    return out;
  }

  async function mayRecord(trx: Trx, actor: ResolvedActor, dialogue: { id: string; created_by: string | null }): Promise<void> {
    if (atLeast(actor.role, "unitHead") || actor.staffId === null || dialogue.created_by === actor.staffId) return;
    const participant = await trx
      .selectFrom("dialogue_participants")
      .select("staff_id")
      .where("dialogue_id", "=", dialogue.id)
      .where("staff_id", "=", actor.staffId)
      .executeTakeFirst();
    if (!participant) {
      throw new ForbiddenError({
        sv: "Du kan bara skriva protokoll för dialoger som du bokat eller deltagit i.",
        en: "You can only write minutes for dialogues you booked or took part in.",
      });
    }
  }

  /** The organizer's plan for agreed actions: its organizer-wide plan, created on first use. */
  async function organizerPlan(trx: Trx, organizerId: string, ctx: WriteContext, actor: ResolvedActor, at: number): Promise<string> {
    const existing = await trx
      .selectFrom("plans")
      .select("id")
      .where("organizer_id", "=", organizerId)
      .where("school_unit_code", "is", null)
      .orderBy("created_at")
      .orderBy("id")
      .executeTakeFirst();
    if (existing) return existing.id;
    const organizer = await trx.selectFrom("organizers").select("name").where("id", "=", organizerId).executeTakeFirstOrThrow();
    const id = newId();
    const title = `Plan ${organizer.name}`;
    await trx.insertInto("plans").values({ id, title, school_unit_code: null, organizer_id: organizerId, created_at: at }).execute();
    await recordAudit(trx, ctx, actor, at, { action: "plan.create", entityType: "plan", entityId: id, details: { title } });
    return id;
  }

  async function readMinutes(dialogueIds: string[]): Promise<Map<string, DialogueMinutes>> {
    const out = new Map<string, DialogueMinutes>();
    if (dialogueIds.length === 0) return out;
    // Both by dialogue id, so the two reads run side by side (one round trip, not two).
    const [rows, actions] = await Promise.all([
      db.selectFrom("dialogue_minutes").selectAll().where("dialogue_id", "in", dialogueIds).execute(),
      db
        .selectFrom("dialogue_actions as a")
        .leftJoin("assignments as s", "s.id", "a.assignment_id")
        .select(["a.id", "a.minutes_id", "a.title", "a.responsible_staff_id", "a.due_date", "a.assignment_id", "s.ref_number"])
        .where("a.dialogue_id", "in", dialogueIds)
        .orderBy("a.seq")
        .execute(),
    ]);
    if (rows.length === 0) return out;
    for (const r of rows) {
      out.set(r.dialogue_id, {
        id: r.id,
        dialogueId: r.dialogue_id,
        authorStaffId: r.author_staff_id,
        at: formatInstant(r.at, tz),
        topics: fromJsonArray(r.topics, "dialogue_minutes.topics"),
        notes: r.notes,
        nextDialogueDate: r.next_dialogue_date,
        actions: actions
          .filter((a) => a.minutes_id === r.id)
          .map((a) => ({
            id: a.id,
            title: a.title,
            responsibleStaffId: a.responsible_staff_id,
            dueDate: a.due_date,
            assignmentId: a.assignment_id,
            assignmentRef: a.ref_number == null ? null : `U-${a.ref_number}`,
          })),
      });
    }
    return out;
  }

  const service = {
    /** The configured success factors, in order, for forms. */
    successFactors(): readonly string[] {
      return deps.config.successFactors;
    },

    async record(dialogueId: string, input: MinutesInput, ctx: WriteContext): Promise<RecordedMinutes> {
      const data = validate(minutesInputSchema, input);
      const topics = canonicalTopics(data.topics);
      const at = deps.clock().getTime();
      const minutesId = newId();
      const followUp = await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "skriva protokoll", en: "record minutes" });
        const dialogue = await trx.selectFrom("dialogues").selectAll().where("id", "=", dialogueId).executeTakeFirst();
        if (!dialogue)
          throw new NotFoundError("dialogue", dialogueId, {
            sv: `Ingen kvalitetsdialog med id ${dialogueId}.`,
            en: `No quality dialogue with id ${dialogueId}.`,
          });
        await mayRecord(trx, actor, dialogue);
        const status = dialogue.status;
        if (status === "cancelled") {
          throw ValidationError.field("status", { sv: "Dialogen är inställd och har inget protokoll.", en: "The dialogue was cancelled and has no minutes." });
        }
        if (dialogue.start_at > at) {
          throw ValidationError.field("status", {
            sv: "Dialogen har inte börjat än; skriv protokollet efteråt.",
            en: "The dialogue has not started yet; record the minutes afterwards.",
          });
        }
        // The dialogue row is locked for the check below, so two recorders cannot both pass it.
        await deps.store.lock(trx, [`minutes:${dialogueId}`]);
        const already = await trx.selectFrom("dialogue_minutes").select("id").where("dialogue_id", "=", dialogueId).executeTakeFirst();
        if (already) {
          throw ValidationError.field("minutes", {
            sv: "Dialogen har redan ett protokoll. Protokoll skrivs inte om; logga ändringar som framsteg på uppdragen.",
            en: "The dialogue already has minutes. Minutes are not rewritten; log changes as progress on the assignments.",
          });
        }
        const day = localDate(dialogue.start_at, tz);
        if (data.nextDialogueDate && data.nextDialogueDate <= day) {
          throw ValidationError.field("nextDialogueDate", { sv: `Nästa dialog måste vara efter ${day}.`, en: `The next dialogue must be after ${day}.` });
        }
        const wantsAssignments = data.actions.some((a) => a.createAssignment);
        if (wantsAssignments && !atLeast(actor.role, "unitHead")) {
          throw new ForbiddenError({
            sv: "Att göra en åtgärd till ett uppdrag kräver rollen enhetschef. Spara åtgärden utan uppdrag, eller be en enhetschef.",
            en: "Turning an action into an assignment needs the unit head role. Save the action without an assignment, or ask a unit head.",
          });
        }
        const responsible = [...new Set(data.actions.map((a) => a.responsibleStaffId).filter((s): s is string => Boolean(s)))];
        if (responsible.length > 0) {
          const found = await trx.selectFrom("staff").select("id").where("id", "in", responsible).execute();
          const missing = responsible.filter((id) => !found.some((f) => f.id === id));
          if (missing.length > 0)
            throw ValidationError.field("actions", { sv: `Okänd medarbetare: ${missing.join(", ")}.`, en: `Unknown staff member: ${missing.join(", ")}.` });
        }
        await trx
          .insertInto("dialogue_minutes")
          .values({
            id: minutesId,
            dialogue_id: dialogueId,
            author_staff_id: actor.staffId,
            at,
            topics: toJson(topics),
            notes: data.notes,
            next_dialogue_date: data.nextDialogueDate ?? null,
          })
          .execute();
        const planId = wantsAssignments ? await organizerPlan(trx, dialogue.organizer_id, ctx, actor, at) : null;
        const refs: string[] = [];
        for (const action of data.actions) {
          let assignmentId: string | null = null;
          if (action.createAssignment && planId) {
            const input = validate(assignmentInputSchema, {
              planId,
              title: action.title,
              focusArea: action.focusArea,
              responsibleStaffId: action.responsibleStaffId ?? null,
              dueDate: action.dueDate ?? null,
            });
            const created = await insertAssignment(deps, trx, { ...input, id: newId() }, ctx, actor, at);
            assignmentId = created.id;
            refs.push(created.ref);
          }
          await trx
            .insertInto("dialogue_actions")
            .values({
              id: newId(),
              minutes_id: minutesId,
              dialogue_id: dialogueId,
              title: action.title,
              responsible_staff_id: action.responsibleStaffId ?? null,
              due_date: action.dueDate ?? null,
              assignment_id: assignmentId,
            })
            .execute();
        }
        if (ACTIVE_DIALOGUE_STATUSES.includes(status)) {
          await trx.updateTable("dialogues").set({ status: "held", updated_at: at }).where("id", "=", dialogueId).execute();
          await recordAudit(trx, ctx, actor, at, { action: "dialogue.held", entityType: "dialogue", entityId: dialogueId });
        }
        await recordAudit(trx, ctx, actor, at, {
          action: "dialogue.minutes",
          entityType: "dialogue",
          entityId: dialogueId,
          details: { minutesId, topics, actions: data.actions.length, assignments: refs, nextDialogueDate: data.nextDialogueDate ?? null },
        });
        return data.nextDialogueDate ? { organizerId: dialogue.organizer_id, followsUpId: dialogueId, date: data.nextDialogueDate } : null;
      });
      const minutes = (await readMinutes([dialogueId])).get(dialogueId);
      if (!minutes) throw new NotFoundError("minutes", dialogueId);
      return { minutes, followUp };
    },

    /** The dialogue's minutes, or undefined when none were written. */
    async get(dialogueId: string): Promise<DialogueMinutes | undefined> {
      return (await readMinutes([dialogueId])).get(dialogueId);
    },

    /** Minutes of several dialogues at once, keyed by dialogue id. */
    async forDialogues(dialogueIds: readonly string[]): Promise<Map<string, DialogueMinutes>> {
      return readMinutes([...new Set(dialogueIds)]);
    },

    /** Agreed actions of several minutes with their assignments' phases, in one read; keyed by minutes id. */
    async actionStatuses(list: readonly DialogueMinutes[]): Promise<Map<string, AgreedActionStatus[]>> {
      const ids = [...new Set(list.flatMap((m) => m.actions.map((a) => a.assignmentId).filter((id): id is string => id !== null)))];
      const phases = new Map<string, Phase>();
      if (ids.length > 0) {
        for (const r of await db.selectFrom("assignments").select(["id", "phase"]).where("id", "in", ids).execute()) phases.set(r.id, r.phase);
      }
      return new Map(list.map((m) => [m.id, m.actions.map((a) => ({ ...a, phase: a.assignmentId ? (phases.get(a.assignmentId) ?? null) : null }))]));
    },

    /** Agreed actions with the current phase of their assignments. */
    async actionStatus(minutes: DialogueMinutes): Promise<AgreedActionStatus[]> {
      const ids = minutes.actions.map((a) => a.assignmentId).filter((id): id is string => id !== null);
      const phases = new Map<string, Phase>();
      if (ids.length > 0) {
        for (const r of await db.selectFrom("assignments").select(["id", "phase"]).where("id", "in", ids).execute()) phases.set(r.id, r.phase);
      }
      return minutes.actions.map((a) => ({ ...a, phase: a.assignmentId ? (phases.get(a.assignmentId) ?? null) : null }));
    },
  };
  return service;
}

export type { MinutesService };
