import { sql, type SqlBool } from "kysely";
import { ACTIVE_DIALOGUE_STATUSES, dialogueStatusSchema, type DialogueStatus } from "../domain/dialogue";
import { phaseSchema, type Phase } from "../domain/assignment";
import { formatInstant, parseInstant } from "../time";
import type { Deps } from "../services/context";
import type { DigestFacts } from "../api/digests";
import { readColumn } from "../store/columns";

const DAY_MS = 86_400_000;

/** A count plus the first items, so a digest can say "… and 12 more" without loading them all. */
export interface Listed<T> {
  total: number;
  items: T[];
}

export interface DigestDialogueFact {
  id: string;
  organizerId: string;
  organizerName: string;
  start: string;
  end: string;
  status: DialogueStatus;
  officeId: string | null;
  digital: boolean;
  staffNames: string[];
}

export interface DigestStaleFact {
  assignmentId: string;
  ref: string;
  title: string;
  phase: Phase;
  responsibleStaffId: string | null;
  responsibleName: string | null;
  lastProgressAt: string | null;
  daysSilent: number;
}

export interface DigestStaleFacts extends Listed<DigestStaleFact> {
  /** Every responsible person with stale assignments in the scope, most first; null = nobody assigned. */
  byResponsible: Array<{ staffId: string | null; name: string | null; count: number }>;
}

export interface DigestPhaseChangeFact {
  entryId: string;
  assignmentId: string;
  ref: string;
  title: string;
  phase: Phase;
  at: string;
  authorName: string | null;
}

export interface FactWindow {
  /** County codes, or null for the whole country. */
  counties: string[] | null;
  /** ISO instants; `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  /** Items to return (the total is always exact); default 5. */
  limit?: number;
}

export interface StaleQuery {
  counties: string[] | null;
  /** Open assignments with no progress entry since this instant (ISO) are stale. */
  silentSince: string;
  /** Used for "days silent"; default the clock. */
  now?: string;
  limit?: number;
}

/** County of an organizer's home municipality, as SQL both dialects understand. */
const organizerCounty = sql<string>`substr(o.municipality_code, 1, 2)`;
/** A plan is for a school unit or an organizer; its county follows whichever it names. */
const planCounty = sql<string>`substr(coalesce(su.municipality_code, o.municipality_code), 1, 2)`;
const planOrganizer = sql<SqlBool>`o.id = coalesce(p.organizer_id, su.organizer_id)`;

function clampLimit(limit: number | undefined): number {
  return Math.max(0, Math.min(limit ?? 5, 200));
}

/**
 * The scoped reads a digest is built from. Each is one or two indexed queries so a
 * national digest stays fast with tens of thousands of dialogues and progress entries.
 */
export function createDigestFacts(deps: Deps): DigestFacts {
  const { db } = deps.store;
  const tz = deps.config.timeZone;

  async function dialogues(window: FactWindow, statuses: readonly DialogueStatus[], newestFirst: boolean): Promise<Listed<DigestDialogueFact>> {
    const from = parseInstant(window.from, "from", tz);
    const to = parseInstant(window.to, "to", tz);
    let base = db
      .selectFrom("dialogues as d")
      .innerJoin("organizers as o", "o.id", "d.organizer_id")
      .where("d.status", "in", [...statuses])
      .where("d.start_at", ">=", from)
      .where("d.start_at", "<", to);
    if (window.counties) base = base.where(organizerCounty, "in", window.counties.length ? window.counties : ["--"]);
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      base
        .select(["d.id", "d.organizer_id", "o.name as organizer_name", "d.start_at", "d.end_at", "d.status", "d.office_id", "d.digital"])
        .orderBy("d.start_at", newestFirst ? "desc" : "asc")
        .orderBy("d.id")
        .limit(clampLimit(window.limit))
        .execute(),
    ]);
    const names = new Map<string, string[]>();
    if (rows.length > 0) {
      const participants = await db
        .selectFrom("dialogue_participants as p")
        .innerJoin("staff as s", "s.id", "p.staff_id")
        .select(["p.dialogue_id", "s.name"])
        .where(
          "p.dialogue_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("s.name")
        .execute();
      for (const p of participants) names.set(p.dialogue_id, [...(names.get(p.dialogue_id) ?? []), p.name]);
    }
    return {
      total: Number(count.n),
      items: rows.map((r) => ({
        id: r.id,
        organizerId: r.organizer_id,
        organizerName: r.organizer_name,
        start: formatInstant(r.start_at, tz),
        end: formatInstant(r.end_at, tz),
        status: readColumn(dialogueStatusSchema, "dialogues.status", r.status),
        officeId: r.office_id,
        digital: r.digital === 1,
        staffNames: names.get(r.id) ?? [],
      })),
    };
  }

  return {
    /** Booked or proposed dialogues starting in the window, soonest first. */
    upcoming: (window: FactWindow) => dialogues(window, ACTIVE_DIALOGUE_STATUSES, false),

    /** Dialogues held that started in the window, latest first. */
    held: (window: FactWindow) => dialogues(window, ["held"], true),

    /** Open assignments silent since the cutoff, longest silence first, with who is responsible. */
    async stale(query: StaleQuery): Promise<DigestStaleFacts> {
      const cutoff = parseInstant(query.silentSince, "silentSince", tz);
      const current = query.now ? parseInstant(query.now, "now", tz) : deps.clock().getTime();
      const counties = query.counties;
      // Stale = open, older than the cutoff, and no entry after it: an anti-join over the
      // (at, assignment_id) index instead of the latest entry of every assignment.
      const base = db
        .selectFrom("assignments as a")
        .leftJoin("staff as s", "s.id", "a.responsible_staff_id")
        .where("a.phase", "!=", "completed")
        .where("a.created_at", "<=", cutoff)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom("progress_entries as pe").select("pe.seq").whereRef("pe.assignment_id", "=", "a.id").where("pe.at", ">", cutoff))),
        )
        .$if(counties !== null, (qb) =>
          qb.where((eb) =>
            eb.exists(
              eb
                .selectFrom("plans as p")
                .leftJoin("school_units as su", "su.code", "p.school_unit_code")
                .leftJoin("organizers as o", (join) => join.on(planOrganizer))
                .select("p.id")
                .whereRef("p.id", "=", "a.plan_id")
                .where(planCounty, "in", counties?.length ? counties : ["--"]),
            ),
          ),
        );
      const limit = clampLimit(query.limit);
      const [groups, top] = await Promise.all([
        base
          .select(["a.responsible_staff_id", "s.name"])
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .groupBy(["a.responsible_staff_id", "s.name"])
          .execute(),
        base
          .select(["a.id", "a.ref_number", "a.title", "a.phase", "a.created_at", "a.responsible_staff_id", "s.name as responsible_name"])
          .select((eb) =>
            eb.fn
              .coalesce(
                eb
                  .selectFrom("progress_entries as pe")
                  .select((e) => e.fn.max("pe.at").as("m"))
                  .whereRef("pe.assignment_id", "=", "a.id"),
                "a.created_at",
              )
              .as("silent_since"),
          )
          .orderBy("silent_since")
          .orderBy("a.ref_number")
          .limit(limit)
          .execute(),
      ]);
      // The latest entry, for the few rows shown (silent_since cannot tell "none" from "at creation").
      const last = new Map<string, number>();
      if (top.length > 0) {
        const rows = await db
          .selectFrom("progress_entries")
          .select(["assignment_id", (eb) => eb.fn.max("at").as("at")])
          .where(
            "assignment_id",
            "in",
            top.map((r) => r.id),
          )
          .groupBy("assignment_id")
          .execute();
        for (const r of rows) last.set(r.assignment_id, Number(r.at));
      }
      const byResponsible = groups
        .map((g) => ({ staffId: g.responsible_staff_id, name: g.name, count: Number(g.n) }))
        .sort((a, b) => b.count - a.count || Number(a.name === null) - Number(b.name === null) || (a.name ?? "").localeCompare(b.name ?? "", "sv"));
      return {
        total: byResponsible.reduce((sum, g) => sum + g.count, 0),
        items: top.map((r) => {
          const lastAt = last.get(r.id);
          return {
            assignmentId: r.id,
            ref: `U-${r.ref_number}`,
            title: r.title,
            phase: readColumn(phaseSchema, "assignments.phase", r.phase),
            responsibleStaffId: r.responsible_staff_id,
            responsibleName: r.responsible_name,
            lastProgressAt: lastAt === undefined ? null : formatInstant(lastAt, tz),
            daysSilent: Math.floor((current - Number(r.silent_since)) / DAY_MS),
          };
        }),
        byResponsible,
      };
    },

    /**
     * Changes whenever the selection's inputs change (results, school units, organizers), so
     * a flagged-schools result can be reused until the next import. Cheap: a few aggregates.
     */
    async selectionFingerprint(): Promise<string> {
      const row = await db
        .selectNoFrom((eb) => [
          eb
            .selectFrom("school_results")
            .select((e) => e.fn.countAll<number>().as("n"))
            .as("results"),
          eb
            .selectFrom("school_results")
            .select((e) => e.fn.sum<number>("value").as("s"))
            .as("result_sum"),
          eb
            .selectFrom("school_results")
            .select((e) => e.fn.max("school_year").as("y"))
            .as("latest_year"),
          eb
            .selectFrom("school_units")
            .select((e) => e.fn.countAll<number>().as("n"))
            .as("units"),
          eb
            .selectFrom("school_units")
            .select((e) => e.fn.max("updated_at").as("u"))
            .as("units_updated"),
          eb
            .selectFrom("organizers")
            .select((e) => e.fn.max("updated_at").as("u"))
            .as("organizers_updated"),
        ])
        .executeTakeFirstOrThrow();
      return [row.results, row.result_sum, row.latest_year, row.units, row.units_updated, row.organizers_updated].map((v) => String(v ?? "")).join("|");
    },

    /** Progress entries that moved an assignment to a new phase in the window, latest first. */
    async phaseChanges(window: FactWindow): Promise<Listed<DigestPhaseChangeFact>> {
      const from = parseInstant(window.from, "from", tz);
      const to = parseInstant(window.to, "to", tz);
      let q = db
        .selectFrom("progress_entries as pe")
        .innerJoin("assignments as a", "a.id", "pe.assignment_id")
        .innerJoin("plans as p", "p.id", "a.plan_id")
        .leftJoin("school_units as su", "su.code", "p.school_unit_code")
        .leftJoin("organizers as o", (join) => join.on(planOrganizer))
        .leftJoin("staff as s", "s.id", "pe.author_staff_id")
        .select(["pe.id", "pe.assignment_id", "pe.at", "pe.phase_change", "a.ref_number", "a.title", "s.name as author_name"])
        .where("pe.phase_change", "is not", null)
        .where("pe.at", ">=", from)
        .where("pe.at", "<", to);
      if (window.counties) q = q.where(planCounty, "in", window.counties.length ? window.counties : ["--"]);
      const rows = await q.orderBy("pe.at", "desc").orderBy("pe.seq", "desc").execute();
      return {
        total: rows.length,
        items: rows.slice(0, clampLimit(window.limit)).map((r) => ({
          entryId: r.id,
          assignmentId: r.assignment_id,
          ref: `U-${r.ref_number}`,
          title: r.title,
          phase: readColumn(phaseSchema, "progress_entries.phase_change", r.phase_change),
          at: formatInstant(r.at, tz),
          authorName: r.author_name,
        })),
      };
    },
  };
}

export type { DigestFacts };
