import * as z from "zod";
import { ACTIVE_DIALOGUE_STATUSES } from "../domain/dialogue";
import { isSwedishWorkingDay, previousSwedishWorkingDay } from "../holidays";
import { formatInstant, localDate, pad, parseInstant } from "../time";
import { requireRole } from "./access";
import { readColumn } from "../store/columns";
import type { AssignmentService } from "./assignments";
import type { Deps, WriteContext } from "./context";
import type { NudgeService } from "../api/nudges";

export const nudgeKindSchema = z.enum(["briefing", "minutes", "stale"]);
export type NudgeKind = z.infer<typeof nudgeKindSchema>;
export const NUDGE_KINDS: readonly NudgeKind[] = nudgeKindSchema.options;

/** A personal reminder that is due now; `key` is unique per nudge, person and period. */
export interface DueNudge {
  key: string;
  kind: NudgeKind;
  staffId: string;
  /** When it was meant to go out (local wall-clock time, ISO with offset). */
  scheduledFor: string;
  /** The dialogue a briefing or minutes nudge is about. */
  dialogueId?: string;
  organizerId?: string;
  /** For `stale`: the assignments with no progress in 14 days. */
  assignmentRefs?: string[];
}

export interface NudgeOptions {
  /** A nudge missed by a tick (restart, downtime) still goes out within this window. Default 3 h. */
  catchUpMinutes?: number;
}

/** Local times of day the nudges go out. */
const AT = { briefing: { hour: 8, minute: 0 }, minutes: { hour: 9, minute: 0 }, stale: { hour: 9, minute: 0 } } as const;
const STALE_DAYS = 14;
const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** ISO week of a `YYYY-MM-DD` date, e.g. `2026-W44`. */
export function isoWeekKey(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const thursday = new Date(d.getTime() + (4 - weekday) * DAY);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / DAY + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * Personal nudges as direct messages: the working day before a dialogue at 08:00 (the
 * briefing), the working day after a dialogue without minutes at 09:00, and on the week's
 * first working day at 09:00 the assignments a person is responsible for with no progress
 * in 14 days. Never on weekends or Swedish public holidays. Each is claimed once across
 * instances; a person can switch each kind off.
 */
export function createNudgeService(deps: Deps, services: { assignments: AssignmentService }): NudgeService {
  const { db } = deps.store;
  const tz = deps.config.timeZone;
  const workingDays = deps.config.workingHours.days;

  function at(date: string, time: { hour: number; minute: number }): number {
    return parseInstant(`${date}T${pad(time.hour)}:${pad(time.minute)}`, "nudge time", tz);
  }

  const dayStart = (date: string) => parseInstant(`${date}T00:00`, "date", tz);

  async function disabledFor(kind: NudgeKind): Promise<Set<string>> {
    const rows = await db.selectFrom("nudge_settings").select("staff_id").where("kind", "=", kind).where("enabled", "=", 0).execute();
    return new Set(rows.map((r) => r.staff_id));
  }

  async function dialogueNudges(kind: "briefing" | "minutes", today: string, scheduled: number): Promise<DueNudge[]> {
    let from: number;
    let to: number;
    if (kind === "briefing") {
      // Dialogues whose previous working day is today: from tomorrow up to the next working day.
      let next = addDays(today, 1);
      while (!isSwedishWorkingDay(next, workingDays)) next = addDays(next, 1);
      from = dayStart(addDays(today, 1));
      to = dayStart(addDays(next, 1));
    } else {
      // Dialogues held on the previous working day or the days off since.
      from = dayStart(addDays(previousSwedishWorkingDay(today, workingDays), 0));
      to = dayStart(today);
    }
    const statuses = kind === "briefing" ? [...ACTIVE_DIALOGUE_STATUSES] : [...ACTIVE_DIALOGUE_STATUSES, "held" as const];
    let q = db
      .selectFrom("dialogues as d")
      .innerJoin("dialogue_participants as p", "p.dialogue_id", "d.id")
      .select(["d.id", "d.organizer_id", "d.start_at", "p.staff_id"])
      .where("d.start_at", ">=", from)
      .where("d.start_at", "<", to)
      .where("d.status", "in", statuses);
    if (kind === "minutes")
      q = q.where((eb) => eb.not(eb.exists(eb.selectFrom("dialogue_minutes as m").select("m.id").whereRef("m.dialogue_id", "=", "d.id"))));
    const rows = await q.orderBy("d.start_at").orderBy("p.staff_id").execute();
    const off = await disabledFor(kind);
    return rows
      .filter((r) => !off.has(r.staff_id) && (kind === "minutes" || previousSwedishWorkingDay(localDate(r.start_at, tz), workingDays) === today))
      .map((r) => ({
        key: `${kind}|${r.staff_id}|${r.id}`,
        kind,
        staffId: r.staff_id,
        scheduledFor: formatInstant(scheduled, tz),
        dialogueId: r.id,
        organizerId: r.organizer_id,
      }));
  }

  async function staleNudges(today: string, scheduled: number): Promise<DueNudge[]> {
    // The week's first working day: Monday, or Tuesday after annandag påsk, and so on.
    let first = today;
    while (isoWeekKey(previousSwedishWorkingDay(first, workingDays)) === isoWeekKey(today)) first = previousSwedishWorkingDay(first, workingDays);
    if (first !== today) return [];
    const cutoff = formatInstant(scheduled - STALE_DAYS * DAY, tz);
    const stale = await services.assignments.stale(cutoff);
    const off = await disabledFor("stale");
    const byStaff = new Map<string, string[]>();
    for (const s of stale) {
      const who = s.assignment.responsibleStaffId;
      if (!who || off.has(who)) continue;
      byStaff.set(who, [...(byStaff.get(who) ?? []), s.assignment.ref]);
    }
    const week = isoWeekKey(today);
    return [...byStaff]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([staffId, refs]) => ({
        key: `stale|${staffId}|${week}`,
        kind: "stale" as const,
        staffId,
        scheduledFor: formatInstant(scheduled, tz),
        assignmentRefs: refs,
      }));
  }

  const service = {
    /** Nudges whose time has come (within the catch-up window), not yet claimed by any instance. */
    async due(now: Date = deps.clock(), options: NudgeOptions = {}): Promise<DueNudge[]> {
      const ms = now.getTime();
      const today = localDate(ms, tz);
      if (!isSwedishWorkingDay(today, workingDays)) return [];
      const window = (options.catchUpMinutes ?? 180) * 60_000;
      const inWindow = (s: number) => s <= ms && s > ms - window;
      const out: DueNudge[] = [];
      for (const kind of NUDGE_KINDS) {
        const scheduled = at(today, AT[kind]);
        if (!inWindow(scheduled)) continue;
        out.push(...(kind === "stale" ? await staleNudges(today, scheduled) : await dialogueNudges(kind, today, scheduled)));
      }
      if (out.length === 0) return out;
      const claimed = new Set(
        (
          await db
            .selectFrom("nudge_claims")
            .select("key")
            .where(
              "key",
              "in",
              out.map((n) => n.key),
            )
            .execute()
        ).map((r) => r.key),
      );
      return out.filter((n) => !claimed.has(n.key));
    },

    /** True for exactly one caller per nudge, across instances: the insert that wins sends it. */
    async claim(nudge: DueNudge, instanceId: string): Promise<boolean> {
      const now = deps.clock().getTime();
      const result = await db
        .insertInto("nudge_claims")
        .values({
          key: nudge.key,
          kind: nudge.kind,
          staff_id: nudge.staffId,
          scheduled_for: parseInstant(nudge.scheduledFor, "scheduledFor", tz),
          status: "claimed",
          claimed_by: instanceId,
          claimed_at: now,
          sent_at: null,
          error: null,
        })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async markSent(key: string): Promise<void> {
      await db.updateTable("nudge_claims").set({ status: "sent", sent_at: deps.clock().getTime() }).where("key", "=", key).execute();
    },

    /** Kept claimed: a failed DM is logged, not retried into a duplicate. */
    async markFailed(key: string, error: string): Promise<void> {
      await db
        .updateTable("nudge_claims")
        .set({ status: "failed", error: error.slice(0, 500) })
        .where("key", "=", key)
        .execute();
    },

    /** Nudges sent to a person, newest first. */
    async sent(staffId: string, limit = 50): Promise<Array<{ key: string; kind: NudgeKind; scheduledFor: string; status: string }>> {
      const rows = await db.selectFrom("nudge_claims").selectAll().where("staff_id", "=", staffId).orderBy("scheduled_for", "desc").limit(limit).execute();
      return rows.map((r) => ({
        key: r.key,
        kind: readColumn(nudgeKindSchema, "nudge_claims.kind", r.kind),
        scheduledFor: formatInstant(r.scheduled_for, tz),
        status: r.status,
      }));
    },

    /** Which kinds are on for the person (all on by default). */
    async settings(staffId: string): Promise<Record<NudgeKind, boolean>> {
      const rows = await db.selectFrom("nudge_settings").select(["kind", "enabled"]).where("staff_id", "=", staffId).execute();
      const out = { briefing: true, minutes: true, stale: true };
      for (const r of rows) {
        const kind = nudgeKindSchema.safeParse(r.kind);
        if (kind.success) out[kind.data] = r.enabled === 1;
      }
      return out;
    },

    /** A person switches their own nudges on or off. */
    async setEnabled(kind: NudgeKind, enabled: boolean, ctx: WriteContext): Promise<Record<NudgeKind, boolean>> {
      const parsed = nudgeKindSchema.parse(kind);
      const now = deps.clock().getTime();
      const staffId = await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "viewer", { sv: "ändra påminnelser", en: "change reminders" });
        if (!actor.staffId) throw new Error("Nudge settings belong to a staff member.");
        await trx
          .insertInto("nudge_settings")
          .values({ staff_id: actor.staffId, kind: parsed, enabled: enabled ? 1 : 0, updated_at: now })
          .onConflict((oc) => oc.columns(["staff_id", "kind"]).doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: now }))
          .execute();
        return actor.staffId;
      });
      return service.settings(staffId);
    },
  };
  return service;
}

export type { NudgeService };
