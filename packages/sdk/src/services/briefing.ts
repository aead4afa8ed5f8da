import { sql } from "kysely";
import { schoolDataVersion } from "../selection/basis";
import { NotFoundError } from "../errors";
import type { Assignment } from "../domain/assignment";
import type { OrganizerContact } from "../domain/contact";
import type { DialogueMinutes } from "../domain/minutes";
import type { PrincipalOrganizer } from "../domain/organizer";
import type { QualityDialogue } from "../domain/dialogue";
import { DEFAULT_CRITERIA, type CriterionId, type SelectionCriterion } from "../selection/criteria";
import { formatInstant } from "../time";
import { requireRole } from "./access";
import type { AssignmentService } from "./assignments";
import type { ContactService, ReadContext } from "./contacts";
import type { Deps } from "./context";
import type { DialogueService } from "./dialogues";
import type { AgreedActionStatus, MinutesService } from "./minutes";
import type { BriefingService } from "../api/briefing";

export interface YearValue {
  schoolYear: string;
  value: number;
}

export interface BriefingResult {
  metric: CriterionId;
  /** Latest year with a number, or null when the latest figure is hidden or missing. */
  latest: (YearValue & { national: number | null }) | null;
  /** Every year held, oldest first: the unit's trend. */
  history: YearValue[];
  /** Latest minus the year before, rounded; null with fewer than two years. */
  change: number | null;
  threshold: number;
}

export interface BriefingUnit {
  code: string;
  name: string;
  results: BriefingResult[];
  /** Criteria the latest figure is below the selection's threshold for: why the unit is flagged. */
  flaggedFor: CriterionId[];
}

export interface BriefingDialogue {
  dialogue: QualityDialogue;
  minutes: DialogueMinutes | null;
  actions: AgreedActionStatus[];
}

export interface BriefingAssignment {
  assignment: Assignment;
  planTitle: string;
  /** The newest progress note, if any. */
  latestNote: string | null;
}

export interface DialogueBriefing {
  organizer: PrincipalOrganizer & { municipalityName: string | null };
  generatedAt: string;
  /** The next booked dialogue with the organizer, if any. */
  upcoming: QualityDialogue | null;
  /** Flagged units first (most criteria below threshold), then by name. */
  units: BriefingUnit[];
  /** National pupil-weighted figure per criterion and year. */
  national: Array<{ metric: CriterionId; schoolYear: string; value: number }>;
  /** The latest past dialogues, newest first, with their minutes and agreed actions. */
  pastDialogues: BriefingDialogue[];
  /** Open assignments in the organizer's plans and its units' plans. */
  assignments: BriefingAssignment[];
  contacts: OrganizerContact[];
}

interface Services {
  dialogues: DialogueService;
  minutes: MinutesService;
  assignments: AssignmentService;
  contacts: ContactService;
}

const NUMERIC = ["number", "rounded", "approximate"];
/** In this instance's memory. */
const NATIONAL_MEMORY_TTL_MS = 10 * 60_000;
/** In the shared store, so one instance computes for all; national figures only change with an import. */
const NATIONAL_STORE_TTL_MS = 6 * 60 * 60_000;
const NATIONAL_NAMESPACE = "briefing-national-figures";
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * What an advisor should know before a dialogue, in one read: the organizer, its units'
 * results against the national figure and their trend, why units are flagged, what the
 * last dialogues agreed and how that is going, and whom to meet.
 */
export function createBriefingService(deps: Deps, services: Services): BriefingService {
  const { db } = deps.store;
  const criteria: readonly SelectionCriterion[] = DEFAULT_CRITERIA.filter((c) => c.schoolForm === "gr" || c.id === "completionRate");
  const metrics = [...new Set(criteria.flatMap((c) => c.metrics))];
  let nationalCache: { at: number; version: string; figures: Map<string, number> } | undefined;

  /**
   * Pupil-weighted national mean per metric and year, as the selection computes it, in one
   * aggregate. Kept (in memory for minutes, in the shared store for hours) until the school
   * data changes: national figures only change with an import.
   */
  async function nationalFigures(): Promise<Map<string, number>> {
    const now = deps.clock().getTime();
    // Moved by the database on every write to results, units or organizers (migration 0122): an import invalidates at once.
    const version = await schoolDataVersion(db);
    const key = `v:${version}`;
    if (nationalCache && nationalCache.version === version && now - nationalCache.at < NATIONAL_MEMORY_TTL_MS && now >= nationalCache.at)
      return nationalCache.figures;
    const stored = await db
      .selectFrom("kv_state")
      .select(["value", "expires_at"])
      .where("namespace", "=", NATIONAL_NAMESPACE)
      .where("key", "=", key)
      .executeTakeFirst();
    if (stored && stored.expires_at !== null && Number(stored.expires_at) > now) {
      const parsed: unknown = JSON.parse(stored.value);
      if (Array.isArray(parsed)) {
        const figures = new Map(parsed.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "number"));
        nationalCache = { at: now, version, figures };
        return figures;
      }
    }
    const rows = await db
      .selectFrom("school_results as r")
      .leftJoin("school_results as p", (join) =>
        join
          .onRef("p.school_unit_code", "=", "r.school_unit_code")
          .onRef("p.school_year", "=", "r.school_year")
          .on("p.metric", "=", "pupils")
          .on("p.value", ">", 0),
      )
      .select([
        "r.metric",
        "r.school_year",
        sql<number | null>`sum(r.value * p.value)`.as("weighted_sum"),
        sql<number | null>`sum(p.value)`.as("pupils"),
        sql<number | null>`avg(r.value)`.as("plain"),
      ])
      .where("r.metric", "in", metrics)
      .where("r.kind", "in", NUMERIC)
      .where("r.value", "is not", null)
      .groupBy(["r.metric", "r.school_year"])
      .execute();
    const figures = new Map<string, number>();
    for (const r of rows) {
      const pupils = Number(r.pupils ?? 0);
      const value = pupils > 0 ? Number(r.weighted_sum) / pupils : r.plain === null ? null : Number(r.plain);
      if (value !== null && Number.isFinite(value)) figures.set(`${r.metric}|${r.school_year}`, round1(value));
    }
    nationalCache = { at: now, version, figures };
    const value = JSON.stringify([...figures]);
    const expires_at = now + NATIONAL_STORE_TTL_MS;
    await db
      .insertInto("kv_state")
      .values({ namespace: NATIONAL_NAMESPACE, key, value, expires_at, updated_at: now })
      .onConflict((oc) => oc.columns(["namespace", "key"]).doUpdateSet({ value, expires_at, updated_at: now }))
      .execute();
    return figures;
  }

  async function unitResults(organizerId: string): Promise<{ units: BriefingUnit[]; national: DialogueBriefing["national"] }> {
    const units = await db.selectFrom("school_units").select(["code", "name"]).where("organizer_id", "=", organizerId).orderBy("name").execute();
    const national = await nationalFigures();
    const rows =
      units.length === 0
        ? []
        : // By unit code, the results table's key prefix: a few index reads per unit.
          await db
            .selectFrom("school_results")
            .select(["school_unit_code", "school_year", "metric", "kind", "value"])
            .where(
              "school_unit_code",
              "in",
              units.map((u) => u.code),
            )
            .where("metric", "in", metrics)
            .execute();
    const byUnit = new Map<string, typeof rows>();
    for (const r of rows) byUnit.set(r.school_unit_code, [...(byUnit.get(r.school_unit_code) ?? []), r]);
    const nationalOut: DialogueBriefing["national"] = [];
    for (const c of criteria) {
      for (const [key, value] of national) {
        const [metric, schoolYear] = key.split("|") as [string, string];
        if (metric === c.metrics[0]) nationalOut.push({ metric: c.id, schoolYear, value });
      }
    }
    nationalOut.sort((a, b) => a.metric.localeCompare(b.metric) || a.schoolYear.localeCompare(b.schoolYear));
    const out: BriefingUnit[] = units.map((u) => {
      const own = byUnit.get(u.code) ?? [];
      const results: BriefingResult[] = [];
      const flaggedFor: CriterionId[] = [];
      for (const c of criteria) {
        // The first metric named with data wins: the export's figure over the API's copy.
        const metric = c.metrics.find((m) => own.some((r) => r.metric === m));
        if (!metric) continue;
        const mine = own.filter((r) => r.metric === metric).sort((a, b) => a.school_year.localeCompare(b.school_year));
        const history = mine.filter((r) => NUMERIC.includes(r.kind) && r.value !== null).map((r) => ({ schoolYear: r.school_year, value: Number(r.value) }));
        const newest = mine.at(-1);
        const latestNumber =
          newest && NUMERIC.includes(newest.kind) && newest.value !== null ? { schoolYear: newest.school_year, value: Number(newest.value) } : null;
        const before = history.at(-2) ?? null;
        const latest = latestNumber ? { ...latestNumber, national: national.get(`${metric}|${latestNumber.schoolYear}`) ?? null } : null;
        results.push({
          metric: c.id,
          latest,
          history,
          change: latest && before && history.at(-1)?.schoolYear === latest.schoolYear ? round1(latest.value - before.value) : null,
          threshold: c.threshold,
        });
        if (latest && latest.value < c.threshold) flaggedFor.push(c.id);
      }
      return { code: u.code, name: u.name, results, flaggedFor };
    });
    out.sort((a, b) => b.flaggedFor.length - a.flaggedFor.length || a.name.localeCompare(b.name, "sv"));
    return { units: out, national: nationalOut };
  }

  async function assignmentsFor(organizerId: string): Promise<BriefingAssignment[]> {
    // The organizer's own plans and its units' plans: two index reads (an OR across the
    // join would scan every plan and unit).
    const plans = await db
      .selectFrom("plans")
      .select(["id", "title"])
      .where("organizer_id", "=", organizerId)
      .union(
        db
          .selectFrom("plans")
          .select(["id", "title"])
          .where("school_unit_code", "in", db.selectFrom("school_units").select("code").where("organizer_id", "=", organizerId)),
      )
      .execute();
    if (plans.length === 0) return [];
    const titles = new Map(plans.map((p) => [p.id, p.title]));
    const planIds = plans.map((p) => p.id);
    const [list, notes] = await Promise.all([
      services.assignments.list({ planIds, limit: 1000 }),
      db
        .selectFrom("progress_entries")
        .select(["assignment_id", "note", "seq"])
        .where("assignment_id", "in", db.selectFrom("assignments").select("id").where("plan_id", "in", planIds).where("phase", "!=", "completed"))
        .where("note", "!=", "")
        .orderBy("seq", "desc")
        .execute(),
    ]);
    const latest = new Map<string, string>();
    for (const n of notes) if (!latest.has(n.assignment_id)) latest.set(n.assignment_id, n.note);
    return list
      .map((assignment) => ({ assignment, planTitle: titles.get(assignment.planId) ?? "", latestNote: latest.get(assignment.id) ?? null }))
      .sort((a, b) => Number(a.assignment.ref.slice(2)) - Number(b.assignment.ref.slice(2)));
  }

  return {
    /** The briefing for a dialogue with the organizer; staff only (it names contact persons). */
    async forOrganizer(organizerId: string, ctx: ReadContext, options: { pastDialogues?: number } = {}): Promise<DialogueBriefing> {
      // The role check and the organizer read side by side; nothing is returned unless both succeed.
      const [, org] = await Promise.all([
        requireRole(db, ctx, "viewer", { sv: "se förberedelser inför dialoger", en: "see dialogue briefings" }),
        db
          .selectFrom("organizers as o")
          .leftJoin("municipalities as m", "m.code", "o.municipality_code")
          .select(["o.id", "o.organization_number", "o.name", "o.type", "o.municipality_code", "m.name as municipality_name"])
          .where("o.id", "=", organizerId)
          .executeTakeFirst(),
      ]);
      if (!org)
        throw new NotFoundError("organizer", organizerId, {
          sv: `Ingen huvudman med id ${organizerId}.`,
          en: `No principal organizer with id ${organizerId}.`,
        });
      const now = deps.clock().getTime();
      const [results, upcoming, past, assignments, contacts] = await Promise.all([
        unitResults(organizerId),
        services.dialogues.listUpcoming({ organizerId, limit: 1 }),
        services.dialogues.listPast({ organizerId, limit: Math.max(1, Math.min(options.pastDialogues ?? 3, 10)) }),
        assignmentsFor(organizerId),
        services.contacts.list(organizerId, ctx),
      ]);
      const minutes = await services.minutes.forDialogues(past.map((d) => d.id));
      const statuses = await services.minutes.actionStatuses([...minutes.values()]);
      const pastDialogues: BriefingDialogue[] = past.map((dialogue) => {
        const m = minutes.get(dialogue.id) ?? null;
        return { dialogue, minutes: m, actions: m ? (statuses.get(m.id) ?? []) : [] };
      });
      return {
        organizer: {
          id: org.id,
          organizationNumber: org.organization_number,
          name: org.name,
          type: org.type,
          municipalityCode: org.municipality_code,
          municipalityName: org.municipality_name,
        },
        generatedAt: formatInstant(now, deps.config.timeZone),
        upcoming: upcoming[0] ?? null,
        units: results.units,
        national: results.national,
        pastDialogues,
        assignments,
        contacts,
      };
    },
  };
}

export type { BriefingService };
