import { sql } from "kysely";
import { COUNTIES } from "../domain/geography";
import { addLocalDays, localMidnight, parseInstant, toWallClock } from "../time";
import { readRegisterState } from "../data/register-sync";
import type { Deps } from "./context";
import type { CoverageService } from "../api/coverage";

export interface CoverageFigures {
  /** Organizers with at least one held dialogue since the start date. */
  met: number;
  /** Organizers to meet (the goal, or the number known in the scope). */
  goal: number;
  /** met / goal, 0–1. */
  share: number;
}

export interface Coverage extends CoverageFigures {
  /**
   * `register`: the goal is the number of active organizers after a Skolenhetsregistret sync
   * (plus any added by hand); `configured`: the configured goal (about 2,800), used until then.
   */
  goalSource: "register" | "configured";
  /** Organizers in the population without a seat municipality; they are in no county's or office's figures. */
  unplaced: number;
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

/** Coverage month by month: organizers met by the end of each month against the even pace to the goal. */
export interface CoverageHistory {
  /** The programme's first day, `YYYY-MM-DD`. */
  startDate: string;
  /** The day the goal should be reached. */
  endDate: string;
  /** Organizers to meet in the scope (as `compute` counts them). */
  goal: number;
  /** From the start month to the current month (or the last one); `month` is `YYYY-MM`. */
  points: Array<{ month: string; met: number; needed: number }>;
}

/** Which organizers count: some counties, one municipality, or (neither) the whole country. */
export interface CoverageScope {
  counties?: string[];
  municipality?: string;
}

export function createCoverageService(deps: Deps): CoverageService {
  const { db } = deps.store;
  const { coverage, offices, timeZone } = deps.config;

  const service = {
    /** Month by month since the start, in the same scope as `compute`: met so far against the even pace to the goal. */
    async history(options: CoverageScope = {}): Promise<CoverageHistory> {
      const now = await service.compute(options);
      const start = parseInstant(`${coverage.startDate}T00:00`, "coverage.startDate", timeZone);
      const first = toWallClock(start, timeZone);
      const end = Date.parse(`${now.endDate}T00:00:00Z`);
      const fromRegister = (await readRegisterState(db)) !== null;
      let q = db
        .selectFrom("dialogues as d")
        .innerJoin("organizers as o", "o.id", "d.organizer_id")
        .select(["o.id", "o.municipality_code", (eb) => eb.fn.min("d.start_at").as("first_at")])
        .where("d.status", "=", "held")
        .where("d.start_at", ">=", start)
        .groupBy(["o.id", "o.municipality_code"]);
      if (fromRegister) q = q.where("o.status", "=", "active");
      const counties = options.municipality ? null : options.counties && options.counties.length > 0 ? options.counties : null;
      const firsts = (await q.execute())
        .filter((r) =>
          options.municipality ? r.municipality_code === options.municipality : counties === null || counties.includes(r.municipality_code?.slice(0, 2) ?? ""),
        )
        .map((r) => Number(r.first_at))
        .sort((a, b) => a - b);
      const clock = deps.clock().getTime();
      const points: CoverageHistory["points"] = [];
      for (let year = first.year, month = first.month; ; month === 12 ? ((month = 1), year++) : month++) {
        const monthEnd = localMidnight(year, month + 1, 1, timeZone);
        const upTo = Math.min(monthEnd, clock);
        const met = firsts.filter((t) => t < upTo).length;
        const needed = Math.round(now.goal * Math.min(Math.max((monthEnd - start) / Math.max(end - start, 1), 0), 1));
        points.push({ month: `${year}-${String(month).padStart(2, "0")}`, met, needed });
        if (monthEnd >= clock || monthEnd >= end || points.length >= 240) break;
      }
      return { startDate: now.startDate, endDate: now.endDate, goal: now.goal, points };
    },

    /** Progress toward meeting every principal organizer within the programme's years. */
    async compute(options: CoverageScope = {}): Promise<Coverage> {
      const start = parseInstant(`${coverage.startDate}T00:00`, "coverage.startDate", timeZone);
      const end = addLocalDays(start, Math.round(coverage.years * 365.25), timeZone);
      const now = deps.clock().getTime();

      // After a register sync the population is the active organizers, placed by seat municipality.
      const fromRegister = (await readRegisterState(db)) !== null;
      // Organizers met, with the county of their home municipality.
      let metQuery = db
        .selectFrom("dialogues as d")
        .innerJoin("organizers as o", "o.id", "d.organizer_id")
        .select(["o.id", "o.municipality_code"])
        .where("d.status", "=", "held")
        .where("d.start_at", ">=", start)
        .groupBy(["o.id", "o.municipality_code"]);
      if (fromRegister) metQuery = metQuery.where("o.status", "=", "active");
      const metRows = await metQuery.execute();
      let knownQuery = db
        .selectFrom("organizers")
        .select([sql<string>`coalesce(substr(municipality_code, 1, 2), '')`.as("county"), (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy(sql`coalesce(substr(municipality_code, 1, 2), '')`);
      if (fromRegister) knownQuery = knownQuery.where("status", "=", "active");
      const knownRows = await knownQuery.execute();
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
      const population = [...knownByCounty.values()].reduce((sum, n) => sum + n, 0);
      const goal = scopeCounties
        ? Math.max(
            1,
            scopeCounties.reduce((s, c) => s + (knownByCounty.get(c) ?? 0), 0),
          )
        : fromRegister
          ? population
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
        goalSource: fromRegister ? "register" : "configured",
        unplaced: scopeCounties ? 0 : (knownByCounty.get("") ?? 0),
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
  return service;
}

export type { CoverageService };
