import { sql } from "kysely";
import type * as z from "zod";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import {
  assignmentInputSchema,
  assignmentRefSchema,
  phaseSchema,
  planInputSchema,
  progressInputSchema,
  type Assignment,
  type AssignmentInput,
  type Phase,
  type Plan,
  type PlanInput,
  type ProgressEntry,
  type ProgressInput,
} from "../domain/assignment";
import { formatInstant, parseInstant } from "../time";
import { actsForOthers, requireRole, type ResolvedActor } from "./access";
import { recordAudit } from "./audit";
import { fromJsonArray, hydrateOne, newId, toJson, type Deps, type Trx, type WriteContext } from "./context";
import { validate } from "./validate";
import type { Selectable } from "kysely";
import { readColumn } from "../store/columns";
import type { Database } from "../store/schema";
import type { AssignmentService } from "../api/assignments";

type AssignmentRow = Selectable<Database["assignments"]>;

export interface AssignmentQuery {
  responsibleStaffId?: string;
  phase?: Phase;
  planId?: string;
  /** Any of these plans (one read for an organizer's plans); an empty list matches nothing. */
  planIds?: readonly string[];
  includeCompleted?: boolean;
  limit?: number;
}

export interface StaleAssignment {
  assignment: Assignment;
  /** Days since the last progress entry (or since creation when there is none). */
  daysSilent: number;
}

export function createAssignmentService(deps: Deps): AssignmentService {
  const { db } = deps.store;
  const tz = deps.config.timeZone;
  const now = () => deps.clock().getTime();

  /** Last progress time and latest percent per assignment, in one query. */
  async function progressSummary(ids: string[]): Promise<Map<string, { lastAt: number | null; percent: number | null }>> {
    const map = new Map<string, { lastAt: number | null; percent: number | null }>();
    if (ids.length === 0) return map;
    const rows = await db
      .selectFrom("progress_entries")
      .select(["assignment_id", "at", "percent", "seq"])
      .where("assignment_id", "in", ids)
      .orderBy("seq")
      .execute();
    for (const r of rows) {
      const prev = map.get(r.assignment_id) ?? { lastAt: null, percent: null };
      map.set(r.assignment_id, { lastAt: Math.max(prev.lastAt ?? 0, r.at), percent: r.percent ?? prev.percent });
    }
    return map;
  }

  async function hydrate(rows: AssignmentRow[]): Promise<Assignment[]> {
    const summary = await progressSummary(rows.map((r) => r.id));
    return rows.map((r) => {
      const s = summary.get(r.id);
      return {
        id: r.id,
        ref: `U-${r.ref_number}`,
        planId: r.plan_id,
        title: r.title,
        agency: r.agency,
        focusArea: r.focus_area,
        responsibleStaffId: r.responsible_staff_id,
        phase: readColumn(phaseSchema, "assignments.phase", r.phase),
        dueDate: r.due_date,
        referenceMaterial: fromJsonArray(r.reference_material, "assignments.reference_material"),
        createdAt: formatInstant(r.created_at, tz),
        lastProgressAt: s?.lastAt ? formatInstant(s.lastAt, tz) : null,
        percent: s?.percent ?? null,
      };
    });
  }

  /** Accepts an id or a human reference such as `U-12`, `u12`. */
  async function loadRow(idOrRef: string, q: Trx | typeof db = db): Promise<AssignmentRow> {
    const trimmed = idOrRef.trim();
    const ref = assignmentRefSchema.safeParse(trimmed);
    const row = ref.success
      ? await q
          .selectFrom("assignments")
          .selectAll()
          .where("ref_number", "=", Number(ref.data.slice(2)))
          .executeTakeFirst()
      : await q.selectFrom("assignments").selectAll().where("id", "=", trimmed).executeTakeFirst();
    if (!row) {
      throw new NotFoundError("assignment", trimmed, { sv: `Hittade inget uppdrag ${trimmed}.`, en: `No assignment ${trimmed} was found.` });
    }
    return row;
  }

  /**
   * Progress, phase changes and completion belong to the responsible staff member; unit
   * heads and admins may step in. Role alone is not enough.
   */
  function requireResponsible(actor: ResolvedActor, row: AssignmentRow): void {
    // Below unit head the actor is a staff member (system jobs resolve as admin), so staffId is set.
    if (actsForOthers(actor) || row.responsible_staff_id === actor.staffId) return;
    const ref = `U-${row.ref_number}`;
    throw new ForbiddenError({
      sv: `Du är inte ansvarig för ${ref} och kan inte logga framsteg eller ändra fas där. Be den ansvariga eller en enhetschef.`,
      en: `You are not responsible for ${ref} and cannot log progress or change its phase. Ask the responsible staff member or a unit head.`,
    });
  }

  async function checkProgressAccess(q: Trx | typeof db, idOrRef: string, ctx: WriteContext): Promise<{ actor: ResolvedActor; row: AssignmentRow }> {
    const actor = await requireRole(q, ctx, "advisor", { sv: "logga framsteg", en: "log progress" });
    const row = await loadRow(idOrRef, q);
    requireResponsible(actor, row);
    return { actor, row };
  }

  const service = {
    async createPlan(input: PlanInput, ctx: WriteContext): Promise<Plan> {
      const data = validate(planInputSchema, input);
      const id = newId();
      const at = now();
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "unitHead", { sv: "skapa planer", en: "create plans" });
        if (data.organizerId && !(await trx.selectFrom("organizers").select("id").where("id", "=", data.organizerId).executeTakeFirst())) {
          throw new NotFoundError("organizer", data.organizerId);
        }
        if (data.schoolUnitCode && !(await trx.selectFrom("school_units").select("code").where("code", "=", data.schoolUnitCode).executeTakeFirst())) {
          throw new NotFoundError("schoolUnit", data.schoolUnitCode, {
            sv: `Ingen skolenhet med koden ${data.schoolUnitCode}.`,
            en: `No school unit with code ${data.schoolUnitCode}.`,
          });
        }
        await trx
          .insertInto("plans")
          .values({ id, title: data.title, school_unit_code: data.schoolUnitCode ?? null, organizer_id: data.organizerId ?? null, created_at: at })
          .execute();
        await recordAudit(trx, ctx, actor, at, { action: "plan.create", entityType: "plan", entityId: id, details: { title: data.title } });
      });
      return { id, title: data.title, schoolUnitCode: data.schoolUnitCode ?? null, organizerId: data.organizerId ?? null, createdAt: formatInstant(at, tz) };
    },

    async listPlans(): Promise<Plan[]> {
      const rows = await db.selectFrom("plans").selectAll().orderBy("created_at").execute();
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        schoolUnitCode: r.school_unit_code,
        organizerId: r.organizer_id,
        createdAt: formatInstant(r.created_at, tz),
      }));
    },

    async create(input: AssignmentInput, ctx: WriteContext): Promise<Assignment> {
      const data = validate(assignmentInputSchema, input);
      const id = newId();
      const at = now();
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "unitHead", { sv: "skapa uppdrag", en: "create assignments" });
        const plan = await trx.selectFrom("plans").select("id").where("id", "=", data.planId).executeTakeFirst();
        if (!plan) throw new NotFoundError("plan", data.planId, { sv: `Ingen plan med id ${data.planId}.`, en: `No plan with id ${data.planId}.` });
        if (data.responsibleStaffId && !(await trx.selectFrom("staff").select("id").where("id", "=", data.responsibleStaffId).executeTakeFirst())) {
          throw ValidationError.field("responsibleStaffId", {
            sv: `Okänd medarbetare ${data.responsibleStaffId}.`,
            en: `Unknown staff member ${data.responsibleStaffId}.`,
          });
        }
        await insertAssignment(deps, trx, { ...data, id }, ctx, actor, at);
      });
      return service.get(id);
    },

    async get(idOrRef: string): Promise<Assignment> {
      return hydrateOne(hydrate, await loadRow(idOrRef));
    },

    async list(query: AssignmentQuery = {}): Promise<Assignment[]> {
      let q = db
        .selectFrom("assignments")
        .selectAll()
        .orderBy("ref_number")
        .limit(Math.max(1, Math.min(query.limit ?? 100, 1000)));
      if (query.responsibleStaffId) q = q.where("responsible_staff_id", "=", query.responsibleStaffId);
      if (query.phase) q = q.where("phase", "=", query.phase);
      if (query.planId) q = q.where("plan_id", "=", query.planId);
      if (query.planIds) {
        if (query.planIds.length === 0) return [];
        q = q.where("plan_id", "in", [...query.planIds]);
      }
      if (!query.includeCompleted && !query.phase) q = q.where("phase", "!=", "completed");
      return hydrate(await q.execute());
    },

    /** Gives the assignment to a staff member (unit head). */
    async assign(idOrRef: string, staffId: string, ctx: WriteContext): Promise<Assignment> {
      const at = now();
      const row = await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "unitHead", { sv: "fördela uppdrag", en: "assign assignments" });
        const row = await loadRow(idOrRef, trx);
        if (!(await trx.selectFrom("staff").select("id").where("id", "=", staffId).executeTakeFirst())) {
          throw ValidationError.field("staffId", { sv: `Okänd medarbetare ${staffId}.`, en: `Unknown staff member ${staffId}.` });
        }
        await trx.updateTable("assignments").set({ responsible_staff_id: staffId, updated_at: at }).where("id", "=", row.id).execute();
        await recordAudit(trx, ctx, actor, at, {
          action: "assignment.assign",
          entityType: "assignment",
          entityId: row.id,
          details: { staffId, previous: row.responsible_staff_id },
        });
        return row;
      });
      return service.get(row.id);
    },

    /**
     * Appends a progress entry. Entries are never edited: a correction is a new entry that
     * names the one it corrects. A phase change also moves the assignment's current phase.
     */
    async logProgress(idOrRef: string, input: ProgressInput, ctx: WriteContext): Promise<ProgressEntry> {
      const data = validate(progressInputSchema, input);
      const at = now();
      const entryId = newId();
      const authorId = "staffId" in ctx.actor ? ctx.actor.staffId : null;
      if (!authorId) {
        throw ValidationError.field("author", { sv: "Framsteg loggas av en medarbetare.", en: "Progress is logged by a staff member." });
      }
      const assignmentId = await db.transaction().execute(async (trx) => {
        const { actor, row } = await checkProgressAccess(trx, idOrRef, ctx);
        if (data.correctsEntryId) {
          const corrected = await trx.selectFrom("progress_entries").select("assignment_id").where("id", "=", data.correctsEntryId).executeTakeFirst();
          if (!corrected || corrected.assignment_id !== row.id) {
            throw ValidationError.field("correctsEntryId", {
              sv: "Posten som ska rättas hör inte till uppdraget.",
              en: "The entry to correct does not belong to this assignment.",
            });
          }
        }
        await trx
          .insertInto("progress_entries")
          .values({
            id: entryId,
            assignment_id: row.id,
            author_staff_id: authorId,
            at,
            note: data.note,
            percent: data.percent ?? null,
            phase_change: data.phase ?? null,
            corrects_entry_id: data.correctsEntryId ?? null,
          })
          .execute();
        if (data.phase && data.phase !== row.phase) {
          await trx.updateTable("assignments").set({ phase: data.phase, updated_at: at }).where("id", "=", row.id).execute();
        }
        await recordAudit(trx, ctx, actor, at, {
          action: "assignment.progress",
          entityType: "assignment",
          entityId: row.id,
          details: { entryId, percent: data.percent ?? null, phase: data.phase ?? null },
        });
        return row.id;
      });
      return {
        id: entryId,
        assignmentId,
        authorStaffId: authorId,
        at: formatInstant(at, tz),
        note: data.note,
        percent: data.percent ?? null,
        phaseChange: data.phase ?? null,
        correctsEntryId: data.correctsEntryId ?? null,
      };
    },

    /**
     * Throws `ForbiddenError` unless the actor may log progress on the assignment (advisor
     * responsible for it, or unit head or admin). For chat flows that ask before writing;
     * `logProgress` checks again.
     */
    async checkMayLogProgress(idOrRef: string, ctx: WriteContext): Promise<void> {
      await checkProgressAccess(db, idOrRef, ctx);
    },

    /** Every entry, oldest first, exactly as written. */
    async history(idOrRef: string): Promise<ProgressEntry[]> {
      const row = await loadRow(idOrRef);
      const rows = await db.selectFrom("progress_entries").selectAll().where("assignment_id", "=", row.id).orderBy("seq").execute();
      return rows.map((r) => ({
        id: r.id,
        assignmentId: r.assignment_id,
        authorStaffId: r.author_staff_id,
        at: formatInstant(r.at, tz),
        note: r.note,
        percent: r.percent,
        phaseChange: readColumn(phaseSchema.nullable(), "progress_entries.phase_change", r.phase_change),
        correctsEntryId: r.corrects_entry_id,
      }));
    },

    /** Open assignments with no progress entry since `since` (ISO), oldest silence first. */
    async stale(since: string): Promise<StaleAssignment[]> {
      const cutoff = parseInstant(since, "since", tz);
      const rows = await db
        .selectFrom("assignments as a")
        .leftJoin(
          (eb) =>
            eb
              .selectFrom("progress_entries")
              .select(["assignment_id", sql<number>`max(at)`.as("last_at")])
              .groupBy("assignment_id")
              .as("p"),
          (join) => join.onRef("p.assignment_id", "=", "a.id"),
        )
        .selectAll("a")
        .select("p.last_at")
        .where("a.phase", "!=", "completed")
        .where((eb) => eb(eb.fn.coalesce("p.last_at", "a.created_at"), "<", cutoff))
        .orderBy(sql`coalesce(p.last_at, a.created_at)`)
        .execute();
      const assignments = await hydrate(rows);
      const current = now();
      // hydrate keeps the rows' order: one assignment per row.
      return assignments.flatMap((assignment, i) => {
        const row = rows[i];
        if (!row) return [];
        const last = row.last_at ?? row.created_at;
        return [{ assignment, daysSilent: Math.floor((current - Number(last)) / 86_400_000) }];
      });
    },
  };

  return service;
}

/**
 * Inserts an assignment inside the caller's transaction (after its role and plan checks),
 * so that minutes can turn agreed actions into assignments atomically.
 */
export async function insertAssignment(
  deps: Deps,
  trx: Trx,
  data: z.output<typeof assignmentInputSchema> & { id: string },
  ctx: WriteContext,
  actor: ResolvedActor,
  at: number,
): Promise<{ id: string; ref: string }> {
  const id = data.id;
  // U-numbers are handed out one at a time; the lock keeps two creators from taking the same.
  await deps.store.lock(trx, ["assignment-ref"]);
  const max = await trx
    .selectFrom("assignments")
    .select(({ fn }) => fn.max("ref_number").as("max"))
    .executeTakeFirst();
  const refNumber = Number(max?.max ?? 0) + 1;
  await trx
    .insertInto("assignments")
    .values({
      id,
      ref_number: refNumber,
      plan_id: data.planId,
      title: data.title,
      agency: data.agency,
      focus_area: data.focusArea,
      responsible_staff_id: data.responsibleStaffId ?? null,
      phase: "startUp",
      due_date: data.dueDate ?? null,
      reference_material: toJson(data.referenceMaterial),
      created_at: at,
      updated_at: at,
    })
    .execute();
  await recordAudit(trx, ctx, actor, at, {
    action: "assignment.create",
    entityType: "assignment",
    entityId: id,
    details: { ref: `U-${refNumber}`, title: data.title },
  });
  return { id, ref: `U-${refNumber}` };
}

export type { AssignmentService };
