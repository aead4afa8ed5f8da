import { afterAll, beforeAll, expect, it } from "vitest";
import { createSamverkan, type Samverkan, type SelectionResult } from "../../src/index";
import { describeEachStore, storesReady } from "../support/stores";

await storesReady;

const system = { actor: { system: "test" }, channel: "system" } as const;

/** Results as the sync stores them: per programme for upper secondary, SALSA under its API name. */
const RESULTS: Array<[code: string, metric: string, year: string, kind: string, value: number | null, raw: string]> = [
  // A: two programmes, pupil-weighted: (50·100 + 90·50) / 150 = 63.3.
  ["20000001", "ratioOfPupilsWithExamWithin3Years@EK", "2021/22", "number", 50, "50,0"],
  ["20000001", "ratioOfPupilsWithExamWithin3Years@NA", "2021/22", "number", 90, "90,0"],
  ["20000001", "totalNumberOfPupils@EK", "2024/25", "approximate", 100, "cirka 100"],
  ["20000001", "totalNumberOfPupils@NA", "2024/25", "approximate", 50, "cirka 50"],
  // B: only EK has a figure; IMS is missing (`.`) and is not read as 0.
  ["20000002", "ratioOfPupilsWithExamWithin3Years@EK", "2021/22", "number", 72.9, "72,9"],
  ["20000002", "ratioOfPupilsWithExamWithin3Years@IMS", "2021/22", "missing", null, "."],
  // C: every programme hidden: not assessable, never low.
  ["20000003", "ratioOfPupilsWithExamWithin3Years@EK", "2021/22", "hidden", null, ".."],
  ["20000003", "ratioOfPupilsWithExamWithin3Years@SA", "2021/22", "hidden", null, ".."],
  // F: EK 55 and NA hidden: weighted over the one programme with a number.
  ["20000006", "ratioOfPupilsWithExamWithin3Years@EK", "2021/22", "number", 55, "55,0"],
  ["20000006", "ratioOfPupilsWithExamWithin3Years@NA", "2021/22", "hidden", null, ".."],
  // D: grundskola doing 20 merit points worse than its intake predicts; E: SALSA hidden.
  ["20000004", "salsaAverageGradesIn9thGradeDeviation", "2022/23", "number", -20, "-20"],
  ["20000004", "meritValue", "2022/23", "number", 230, "230"],
  ["20000005", "salsaAverageGradesIn9thGradeDeviation", "2022/23", "hidden", null, ".."],
  ["20000007", "salsaAverageGradesIn9thGradeDeviation", "2022/23", "number", 12, "12"],
];

describeEachStore("selection with completion and SALSA", (factory) => {
  let sv: Samverkan;
  let result: SelectionResult;

  beforeAll(async () => {
    sv = createSamverkan({ store: await factory.open() });
    await sv.municipalities.upsert([{ code: "2281", name: "Sundsvall", countyCode: "22" }], system);
    const organizer = await sv.organizers.upsert(
      { organizationNumber: "2120002387", name: "Sundsvalls kommun", type: "municipal", municipalityCode: "2281" },
      system,
    );
    for (const code of ["20000001", "20000002", "20000003", "20000004", "20000005", "20000006", "20000007"]) {
      await sv.schools.upsert({ code, name: `Skola ${code.slice(-1)}`, municipalityCode: "2281", organizerId: organizer.id, typesOfSchooling: ["gy"] }, system);
    }
    await sv.store.db
      .insertInto("school_results")
      .values(
        RESULTS.map(([code, metric, year, kind, value, raw]) => ({
          school_unit_code: code,
          metric,
          school_year: year,
          kind,
          value,
          raw,
          value_type: null,
          source: "api:planned-educations-v4",
        })),
      )
      .execute();
    await sv.store.db
      .insertInto("inspection_documents")
      .values([
        {
          school_unit_code: "20000006",
          url: "https://siris.example/1",
          school_form: "gy",
          type: "Beslut (Ansvarig myndighet - Skolinspektionen)",
          type_id: "DECISION",
          title: "Beslut, Skola 6, VT23",
          period: "VT23",
          sort_key: "2023-01-01",
          updated_at: 0,
        },
        {
          school_unit_code: "20000006",
          url: "https://siris.example/2",
          school_form: "gy",
          type: "Skolenkäten (Ansvarig myndighet - Skolinspektionen)",
          type_id: "SCHOOL_SURVEY",
          title: "Skolenkäten, Skola 6, HT24",
          period: "HT24",
          sort_key: "2024-08-01",
          updated_at: 0,
        },
      ])
      .execute();
    result = await sv.selection.candidates({ county: "22" });
  });
  afterAll(async () => {
    await sv.store.close();
    await factory.cleanup();
  });

  it("weights completion over a unit's programmes with numbers, by their pupils", () => {
    const completion = result.criteria.find((c) => c.id === "completionRate")!;
    expect(completion).toMatchObject({ schoolYear: "2021/22", assessedUnits: 3 });
    const a = result.candidates.find((c) => c.school.code === "20000001")!;
    expect(a.reasons[0]).toMatchObject({ metric: "completionRate", value: 63.3, threshold: 70 });
    expect(a.reasons[0]!.programmes?.map((p) => [p.programCode, p.value, p.pupils])).toEqual([
      ["EK", 50, 100],
      ["NA", 90, 50],
    ]);
  });

  it("assesses a unit where only some programmes have data, and says so in words", () => {
    const f = result.candidates.find((c) => c.school.code === "20000006")!;
    expect(f.reasons[0]).toMatchObject({ metric: "completionRate", value: 55 });
    expect(f.reasons[0]!.text.sv).toContain("vägt över 1 av 2 program (EK 55 %, NA ..)");
    expect(f.reasons[0]!.text.en).toContain("below the threshold 70 %");
    // B has EK 72.9 and IMS missing: above the threshold, so not a candidate.
    expect(result.candidates.map((c) => c.school.code)).not.toContain("20000002");
  });

  it("flags a SALSA residual below its threshold and keeps hidden ones out of the ranking", () => {
    const d = result.candidates.find((c) => c.school.code === "20000004")!;
    expect(d.reasons.map((r) => r.metric)).toEqual(["salsaResidual"]);
    expect(d.reasons[0]!.text.sv).toMatch(/^SALSA-avvikelsen .* är -20 \(2022\/23\), under gränsen -15/);
    expect(result.notAssessable.map((n) => [n.school.code, n.values.map((v) => `${v.metric}:${v.kind}`)])).toEqual([
      ["20000003", ["completionRate:hidden"]],
      ["20000005", ["salsaResidual:hidden"]],
    ]);
  });

  it("shows the latest inspection document in the candidate", () => {
    expect(result.candidates.find((c) => c.school.code === "20000006")!.inspection).toEqual({
      type: "Skolenkäten (Ansvarig myndighet - Skolinspektionen)",
      title: "Skolenkäten, Skola 6, HT24",
      url: "https://siris.example/2",
      period: "HT24",
    });
    expect(result.candidates.find((c) => c.school.code === "20000001")!.inspection).toBeNull();
  });

  it("ranks by a metric with the national figure for the same year", async () => {
    const ranked = await sv.selection.rank({ area: { county: "22" }, metric: "examWithin3Years", order: "asc", limit: 2 });
    expect(ranked).toMatchObject({ schoolYear: "2021/22", ranked: 3, notAssessable: 1, national: { value: 63.7, units: 3, weighting: "equal" } });
    expect(ranked.schools.map((s) => [s.school.code, s.value])).toEqual([
      ["20000006", 55],
      ["20000001", 63.3],
    ]);
    const best = await sv.selection.rank({ metric: "salsaResidual", order: "desc", limit: 5 });
    expect(best.schools.map((s) => [s.school.code, s.value])).toEqual([
      ["20000007", 12],
      ["20000004", -20],
    ]);
    await expect(sv.selection.rank({ metric: "nonsense" as "meritValue" })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringContaining("examWithin3Years"),
    });
  });
});
