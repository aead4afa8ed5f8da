import { sql } from "kysely";
import { COUNTIES } from "../domain/geography";
import { addLocalDays, localToInstant } from "../time";
import type { Deps } from "./context";

export interface CoverageFigures {
  /** Organizers with at least one held dialogue since the start date. */
  met: number;
  /** Organizers to meet (the goal, or the number known in the scope). */
  goal: number;
  /** met / goal, 0–1. */
  share: number;
}

export interface Coverage extends CoverageFigures {
  startDate: string;
  endDate: string;
  /** Share of the three years that has passed, 0–1. */
  elapsedShare: number;
  /** Organizers met per month so far. */
  pacePerMonth: number;
  /** Organizers per month needed from now to reach the goal in time. */
  neededPerMonth: number;
  onTrack: boolean;
  byCounty: Array<CoverageFigures & { countyCode: string; countyName: string }>;
  byOffice: Array<CoverageFigures & { officeId: string; town: string }>;
}

const MONTH_MS = (365.25 / 12) * 86_400_000;

export function createCoverageService(deps: Deps) {
  const { db } = deps.store;
  const { coverage, offices, timeZone } = deps.config;

  return {
    /** Progress toward meeting every principal organizer within the programme's years. */
    async compute(options: { counties?: string[]; municipality?: string } = {}): Promise<Coverage> {
      const [y, m, d] = coverage.startDate.split("-").map(Number);
      const start = localToInstant({ year: y!, month: m!, day: d!, hour: 0, minute: 0 }, timeZone)!;
      const end = addLocalDays(start, Math.round(coverage.years * 365.25), timeZone);
      const now = deps.clock().getTime();

      // Organizers met, with the county of their home municipality.
      const metRows = await db
        .selectFrom("dialogues as d")
        .innerJoin("organizers as o", "o.id", "d.organizer_id")
        .select(["o.id", "o.municipality_code"])
        .where("d.status", "=", "held")
        .where("d.start_at", ">=", start)
        .groupBy(["o.id", "o.municipality_code"])
        .execute();
      const knownRows = await db
        .selectFrom("organizers")
        .select([sql<string>`substr(municipality_code, 1, 2)`.as("county"), (eb) => eb.fn.countAll<number>().as("n")])
        .where("municipality_code", "is not", null)
        .groupBy(sql`substr(municipality_code, 1, 2)`)
        .execute();
      const knownByCounty = new Map(knownRows.map((r) => [r.county, Number(r.n)]));
      // One municipality (issue #11): its organizers only, in its county's rows.
      if (options.municipality) {
        const code = options.municipality;
        const known = await db
          .selectFrom("organizers")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("municipality_code", "=", code)
          .executeTakeFirstOrThrow();
        knownByCounty.clear();
        knownByCounty.set(code.slice(0, 2), Number(known.n));
        metRows.splice(0, metRows.length, ...metRows.filter((r) => r.municipality_code === code));
        options = { ...options, counties: [code.slice(0, 2)] };
      }
      const metByCounty = new Map<string, number>();
      for (const r of metRows) {
        const county = r.municipality_code?.slice(0, 2) ?? "";
        metByCounty.set(county, (metByCounty.get(county) ?? 0) + 1);
      }

      const scopeCounties = options.counties && options.counties.length > 0 ? options.counties : null;
      const inScope = (county: string) => scopeCounties === null || scopeCounties.includes(county);
      const met = scopeCounties ? [...metByCounty].filter(([c]) => inScope(c)).reduce((s, [, n]) => s + n, 0) : metRows.length;
      const goal = scopeCounties
        ? Math.max(1, scopeCounties.reduce((s, c) => s + (knownByCounty.get(c) ?? 0), 0))
        : coverage.organizerGoal;

      const total = end - start;
      const elapsed = Math.min(Math.max(now - start, 0), total);
      const elapsedShare = total > 0 ? elapsed / total : 1;
      const monthsElapsed = elapsed / MONTH_MS;
      const monthsLeft = Math.max((end - Math.max(now, start)) / MONTH_MS, 0);
      const remaining = Math.max(goal - met, 0);
      const figures = (metN: number, goalN: number): CoverageFigures => ({ met: metN, goal: goalN, share: goalN > 0 ? Math.min(metN / goalN, 1) : 0 });

      return {
        ...figures(met, goal),
        startDate: coverage.startDate,
        endDate: new Date(end).toISOString().slice(0, 10),
        elapsedShare,
        pacePerMonth: monthsElapsed > 0 ? met / monthsElapsed : 0,
        neededPerMonth: monthsLeft > 0 ? remaining / monthsLeft : remaining,
        onTrack: goal > 0 ? met / goal >= elapsedShare : true,
        byCounty: COUNTIES.filter((c) => inScope(c.code)).map((c) => ({
          countyCode: c.code,
          countyName: c.name,
          ...figures(metByCounty.get(c.code) ?? 0, knownByCounty.get(c.code) ?? 0),
        })),
        byOffice: offices
          .filter((o) => o.counties.some(inScope))
          .map((o) => {
            const counties = o.counties.filter(inScope);
            return {
              officeId: o.id,
              town: o.town,
              ...figures(
                counties.reduce((s, c) => s + (metByCounty.get(c) ?? 0), 0),
                counties.reduce((s, c) => s + (knownByCounty.get(c) ?? 0), 0),
              ),
            };
          }),
      };
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;
