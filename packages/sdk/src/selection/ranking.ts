import { toStatValue } from "../data/results";
import { ValidationError } from "../errors";
import type { Deps } from "../services/context";
import { resolveArea, type Area } from "./area";
import { COMPLETION_METRIC } from "./completion";
import { pupilWeightedMean, type Figure } from "./figures";
import { createSelectionService } from "./service";

/** The measures a ranking can order schools by. */
export const RANK_METRICS = ["meritValue", "allSubjectsPassed", "eligibleVocational", "examWithin3Years"] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/**
 * The names each grade-9 measure is stored under in school_results, preferred first (the
 * statistics export's names, then the API's). `examWithin3Years` is not read here: a unit's
 * figure is derived from its programmes (`deriveCompletion`), so it is ranked by the
 * selection's own ranking.
 */
const STORED: Record<Exclude<RankMetric, "examWithin3Years">, readonly string[]> = {
  meritValue: ["meritValue", "averageGradesMeritRating9thGrade"],
  allSubjectsPassed: ["shareAllSubjects", "ratioOfPupilsIn9thGradeWithAllSubjectsPassed"],
  eligibleVocational: ["shareEligibleVocational", "ratioOfPupils9thGradeEligibleForNationalProgramYR"],
};

export interface RankingOptions {
  metric: RankMetric;
  /** `asc`: lowest first; default `desc`. */
  order?: "asc" | "desc";
  /** 1–50, default 10. */
  limit?: number;
  /** A county or municipality by name or code ("Skåne län", "Malmö", "1490"); all of Sweden when absent. */
  area?: string;
}

export interface RankedSchool {
  rank: number;
  code: string;
  name: string;
  municipalityName: string;
  organizerName: string;
  value: number;
}

export interface Ranking {
  metric: RankMetric;
  /** The school_results name the figures came from; null when the store has none for this measure. */
  storedMetric: string | null;
  schoolYear: string | null;
  /** The area asked for, resolved; null for all of Sweden. */
  area: Area | null;
  /** Pupil-weighted mean over every unit in Sweden with a figure that year. */
  national: Figure | null;
  /** Units in the area with a figure, before the limit. */
  total: number;
  rows: RankedSchool[];
}

export function unknownArea(text: string): ValidationError {
  return ValidationError.field("area", {
    sv: `Känner inte igen "${text}" som ett län eller en kommun. Skriv t.ex. Skåne län eller Malmö.`,
    en: `"${text}" is not a county or municipality I know. Write e.g. Skåne län or Malmö.`,
  });
}

export function createRankingService(deps: Deps) {
  const { db } = deps.store;
  const selection = createSelectionService(deps);

  /**
   * Exam within three years, ranked by `selection.rank`: each unit's figure weighted over its
   * programmes, the year most units report, and the national figure for that same year.
   */
  async function rankCompletion(options: RankingOptions, area: Area | undefined, limit: number, empty: Ranking): Promise<Ranking> {
    const ranked = await selection.rank({
      metric: "examWithin3Years",
      order: options.order ?? "desc",
      limit,
      ...(area ? { area: area.kind === "county" ? { county: area.code } : { municipality: area.code } } : {}),
    });
    if (ranked.schoolYear === null) return empty;
    return {
      ...empty,
      storedMetric: COMPLETION_METRIC,
      schoolYear: ranked.schoolYear,
      national: ranked.national,
      total: ranked.ranked,
      rows: ranked.schools.map((s, i) => ({
        rank: i + 1,
        code: s.school.code,
        name: s.school.name,
        municipalityName: s.municipalityName,
        organizerName: s.organizer.name,
        value: s.value,
      })),
    };
  }

  return {
    /** School units in an area ordered by one measure, with the national figure beside them (a function: handed on as `schools.rank`). */
    rank: async (options: RankingOptions): Promise<Ranking> => {
      const area = options.area ? await resolveArea(deps.store, options.area) : undefined;
      if (options.area && !area) throw unknownArea(options.area);
      const limit = Math.max(1, Math.min(options.limit ?? 10, 50));
      const empty: Ranking = { metric: options.metric, storedMetric: null, schoolYear: null, area: area ?? null, national: null, total: 0, rows: [] };
      if (options.metric === "examWithin3Years") return rankCompletion(options, area, limit, empty);

      for (const stored of STORED[options.metric]) {
        const latest = await db
          .selectFrom("school_results")
          .select((eb) => eb.fn.max("school_year").as("year"))
          .where("metric", "=", stored)
          .executeTakeFirst();
        const year = latest?.year ?? null;
        if (!year) continue;
        const rows = await db
          .selectFrom("school_results as r")
          .innerJoin("school_units as u", "u.code", "r.school_unit_code")
          .leftJoin("school_results as p", (join) =>
            join.onRef("p.school_unit_code", "=", "r.school_unit_code").onRef("p.school_year", "=", "r.school_year").on("p.metric", "=", "pupils"),
          )
          .select(["r.school_unit_code as code", "u.municipality_code", "r.kind", "r.value", "r.raw", "r.value_type", "p.value as pupils"])
          .where("r.metric", "=", stored)
          .where("r.school_year", "=", year)
          .execute();
        const values = rows.flatMap((r) => {
          const v = toStatValue(r);
          return "value" in v
            ? [{ code: r.code, municipalityCode: r.municipality_code, value: v.value, pupils: r.pupils === null ? null : Number(r.pupils) }]
            : [];
        });
        const national = pupilWeightedMean(values);
        const inArea = values.filter((v) => !area || (area.kind === "county" ? v.municipalityCode.startsWith(area.code) : v.municipalityCode === area.code));
        const sign = options.order === "asc" ? 1 : -1;
        inArea.sort((a, b) => sign * (a.value - b.value) || a.code.localeCompare(b.code));
        const top = inArea.slice(0, limit);
        const names = top.length
          ? await db
              .selectFrom("school_units as u")
              .innerJoin("organizers as o", "o.id", "u.organizer_id")
              .leftJoin("municipalities as m", "m.code", "u.municipality_code")
              .select(["u.code", "u.name", "o.name as organizer_name", "m.name as municipality_name", "u.municipality_code"])
              .where(
                "u.code",
                "in",
                top.map((t) => t.code),
              )
              .execute()
          : [];
        const byCode = new Map(names.map((n) => [n.code, n]));
        return {
          ...empty,
          storedMetric: stored,
          schoolYear: year,
          national,
          total: inArea.length,
          rows: top.map((t, i) => {
            const n = byCode.get(t.code);
            return {
              rank: i + 1,
              code: t.code,
              name: n?.name ?? t.code,
              municipalityName: n?.municipality_name ?? t.municipalityCode,
              organizerName: n?.organizer_name ?? "",
              value: t.value,
            };
          }),
        };
      }
      return empty;
    },
    resolveArea: (text: string) => resolveArea(deps.store, text),
  };
}
