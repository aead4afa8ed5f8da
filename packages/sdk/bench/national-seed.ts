/**
 * The national school world the benchmarks share: 290 municipalities over the 21 counties,
 * 2,800 organizers and 12,000 school units with results, inserted in bulk through Kysely,
 * deterministic (one seeded generator). The digest benchmark (packages/chat/bench) adds
 * dialogues and assignments on top; the selection benchmark asks for every criterion's data.
 */
import { COUNTIES } from "../src/domain/geography";
import type { Store } from "../src/index";

export const ORGANIZERS = 2_800;
export const SCHOOL_UNITS = 12_000;

/** Deterministic pseudo-random numbers, so every run seeds the same world. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

type Db = Store["db"];

export interface NationalSeedOptions {
  /** Row timestamps. */
  createdAt: number;
  /**
   * `grade9`: one school year (2024/25) of the four grade-9 figures for every unit, as the
   * statistics export brings them. `all`: three school years of every selection criterion:
   * three in four units are grundskolor with grade-9 figures and a SALSA residual, one in four
   * gymnasieskolor with 2–4 programmes each (share with exam within three years and pupils per
   * programme), a few figures hidden (`..`) as the real statistics have them.
   */
  results: "grade9" | "all";
}

export interface NationalWorld {
  municipalities: Array<{ code: string; name: string; county_code: string }>;
  organizers: Array<{ id: string; organization_number: string; municipality_code: string }>;
  schools: Array<{ code: string; organizer_id: string; municipality_code: string }>;
}

const YEARS_ALL = ["2022/23", "2023/24", "2024/25"];
const PROGRAMMES = ["BA", "EE", "EK", "ES", "FT", "HA", "HU", "IN", "NA", "SA", "TE", "VO"];

const result = (school_unit_code: string, school_year: string, metric: string, value: number | null) => ({
  school_unit_code,
  school_year,
  metric,
  kind: value === null ? "hidden" : "number",
  value: value === null ? null : Math.round(value * 10) / 10,
  raw: value === null ? ".." : String(Math.round(value * 10) / 10).replace(".", ","),
  value_type: null,
  source: "bench",
});

/** Inserts counties, municipalities, organizers, school units and their results (call inside a transaction). */
export async function seedNationalSchools(db: Db, rnd: () => number, options: NationalSeedOptions): Promise<NationalWorld> {
  const created = options.createdAt;
  await db
    .insertInto("counties")
    .values(COUNTIES.map((c) => ({ code: c.code, name: c.name })))
    .execute();
  // 290 municipalities spread over the 21 counties.
  const municipalities = Array.from({ length: 290 }, (_, i) => {
    const county = COUNTIES[i % COUNTIES.length]!.code;
    return { code: `${county}${String(10 + Math.floor(i / COUNTIES.length)).padStart(2, "0")}`, name: `Kommun ${i}`, county_code: county };
  });
  await db.insertInto("municipalities").values(municipalities).execute();
  const organizers = Array.from({ length: ORGANIZERS }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    organization_number: String(5560000000 + i),
    name: `Huvudman ${i}`,
    type: i < 290 ? ("municipal" as const) : ("independent" as const),
    municipality_code: municipalities[i % municipalities.length]!.code,
    updated_at: created,
  }));
  await insertChunked(organizers, 1000, (chunk) => db.insertInto("organizers").values(chunk).execute());
  const upperSecondary = (i: number) => options.results === "all" && i % 4 === 3;
  const schools = Array.from({ length: SCHOOL_UNITS }, (_, i) => {
    const organizer = organizers[i % ORGANIZERS]!;
    return {
      code: String(10000000 + i),
      name: `Skola ${i}`,
      municipality_code: organizer.municipality_code,
      organizer_id: organizer.id,
      types_of_schooling: upperSecondary(i) ? '["gy"]' : '["gr"]',
      status: "active" as const,
      details: null,
      updated_at: created,
    };
  });
  await insertChunked(schools, 1000, (chunk) => db.insertInto("school_units").values(chunk).execute());
  const results =
    options.results === "grade9"
      ? schools.flatMap((school) =>
          (
            [
              ["pupils", 20 + Math.floor(rnd() * 120)],
              // Spreads chosen so that roughly one unit in eight falls below a threshold.
              ["meritValue", 185 + rnd() * 145],
              ["shareAllSubjects", 58 + rnd() * 42],
              ["shareEligibleVocational", 74 + rnd() * 26],
            ] as const
          ).map(([metric, value]) => result(school.code, "2024/25", metric, value)),
        )
      : schools.flatMap((school, i) =>
          YEARS_ALL.flatMap((year, y) => {
            const hidden = rnd() < 0.03;
            if (!upperSecondary(i)) {
              return [
                result(school.code, year, "pupils", 20 + Math.floor(rnd() * 120)),
                result(school.code, year, "meritValue", hidden ? null : 185 + rnd() * 145 + y),
                result(school.code, year, "shareAllSubjects", 58 + rnd() * 42),
                result(school.code, year, "shareEligibleVocational", 74 + rnd() * 26),
                result(school.code, year, "salsaAverageGradesIn9thGradeDeviation", hidden ? null : -30 + rnd() * 55),
              ];
            }
            const count = 2 + (i % 3);
            return Array.from({ length: count }, (_, p) => PROGRAMMES[(i + p * 5) % PROGRAMMES.length]!).flatMap((programme) => [
              result(school.code, year, `totalNumberOfPupils@${programme}`, 15 + Math.floor(rnd() * 90)),
              result(school.code, year, `ratioOfPupilsWithExamWithin3Years@${programme}`, hidden ? null : 55 + rnd() * 45),
            ]);
          }),
        );
  await insertChunked(results, 1000, (chunk) => db.insertInto("school_results").values(chunk).execute());
  return { municipalities, organizers, schools };
}
