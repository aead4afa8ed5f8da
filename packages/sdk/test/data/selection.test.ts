import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assess, createSamverkan, parseStatValue, resolveCriteria, type ResultFact, type Samverkan, type SelectionResult } from "../../src/index";
import { describeEachStore, storesReady } from "../support/stores";
import { exportFixture, readExport, syntheticExport, systemImport } from "./support";

await storesReady;

/** A result as the store holds it, written the way Skolverket writes values. */
function fact(code: string, metric: string, raw: string, options: { municipality?: string; year?: string } = {}): ResultFact {
  return { schoolUnitCode: code, municipalityCode: options.municipality ?? "2280", metric, schoolYear: options.year ?? "2024/25", value: parseStatValue(raw) };
}

const everyone = () => true;

describe("assess: the selection rules on synthetic data", () => {
  it("never reads a hidden value as low: a unit with only markers is not assessable", () => {
    const result = assess({
      criteria: resolveCriteria(),
      facts: [fact("A", "meritValue", ".."), fact("A", "shareAllSubjects", ".."), fact("A", "shareEligibleVocational", "."), fact("B", "meritValue", "150")],
      inScope: everyone,
    });
    expect(result.candidates.map((c) => c.schoolUnitCode)).toEqual(["B"]);
    expect(result.notAssessable).toEqual([
      {
        schoolUnitCode: "A",
        values: [
          { metric: "meritValue", kind: "hidden", raw: "..", schoolYear: "2024/25" },
          { metric: "shareAllSubjects", kind: "hidden", raw: "..", schoolYear: "2024/25" },
          { metric: "shareEligibleVocational", kind: "missing", raw: ".", schoolYear: "2024/25" },
        ],
      },
    ]);
    expect(result.assessed).toBe(1);
  });

  it("assesses the numbers a unit has and lists what it could not assess", () => {
    const result = assess({ criteria: resolveCriteria(), facts: [fact("A", "meritValue", ".."), fact("A", "shareAllSubjects", "40,0")], inScope: everyone });
    expect(result.candidates).toEqual([
      expect.objectContaining({
        schoolUnitCode: "A",
        reasons: [expect.objectContaining({ metric: "shareAllSubjects", value: 40, threshold: 60, schoolYear: "2024/25" })],
        notAssessed: [{ metric: "meritValue", kind: "hidden", raw: ".." }],
      }),
    ]);
  });

  it("weighs national and municipal figures by pupils, leaving out units without a pupil count", () => {
    const result = assess({
      criteria: resolveCriteria({ shareAllSubjects: null, shareEligibleVocational: null }),
      facts: [
        fact("A", "meritValue", "200"),
        fact("A", "pupils", "100"),
        fact("B", "meritValue", "250", { municipality: "2281" }),
        fact("B", "pupils", "300", { municipality: "2281" }),
        fact("C", "meritValue", "100"),
        fact("C", "pupils", ".."),
      ],
      inScope: everyone,
    });
    const merit = result.criteria.find((c) => c.id === "meritValue");
    expect(merit?.national).toEqual({ value: 237.5, units: 2, weighting: "pupils" });
    const c = result.candidates.find((x) => x.schoolUnitCode === "C");
    // C is still assessed on its own number; Härnösand's figure is A's alone.
    expect(c?.reasons[0]).toMatchObject({ value: 100, national: 237.5, municipal: 200, belowNational: true, belowMunicipal: true });
    expect(result.candidates.map((x) => x.schoolUnitCode)).toEqual(["C"]);
  });

  it("falls back to equal weights when no unit has a pupil count", () => {
    const result = assess({ criteria: resolveCriteria(), facts: [fact("A", "meritValue", "180"), fact("B", "meritValue", "260")], inScope: everyone });
    expect(result.criteria[0]?.national).toEqual({ value: 220, units: 2, weighting: "equal" });
  });

  it("takes thresholds from the caller; a rounded ~100 is a number, and high", () => {
    const facts = [fact("A", "meritValue", "200"), fact("A", "shareEligibleVocational", "~100")];
    expect(assess({ criteria: resolveCriteria(), facts, inScope: everyone }).candidates).toEqual([]);
    const stricter = assess({ criteria: resolveCriteria({ meritValue: 210 }), facts, inScope: everyone });
    expect(stricter.candidates[0]?.reasons).toEqual([expect.objectContaining({ metric: "meritValue", threshold: 210, value: 200 })]);
  });

  it("handles criteria without data (upper secondary completion) gracefully", () => {
    const result = assess({ criteria: resolveCriteria(), facts: [fact("A", "meritValue", "180")], inScope: everyone });
    expect(result.criteria.find((c) => c.id === "completionRate")).toEqual({
      id: "completionRate",
      threshold: 70,
      metrics: ["examWithin3Years", "completionRate"],
      schoolYear: null,
      national: null,
      assessedUnits: 0,
    });
    const withCompletion = assess({ criteria: resolveCriteria(), facts: [fact("G", "completionRate", "55,0")], inScope: everyone });
    expect(withCompletion.candidates[0]?.reasons[0]).toMatchObject({ metric: "completionRate", value: 55, threshold: 70 });
  });

  it("uses the API's copy of a figure when the export has none, the export's when both do", () => {
    const result = assess({
      criteria: resolveCriteria(),
      facts: [fact("A", "averageGradesMeritRating9thGrade", "170"), fact("B", "meritValue", "180"), fact("B", "averageGradesMeritRating9thGrade", "280")],
      inScope: everyone,
    });
    expect(result.candidates.map((c) => [c.schoolUnitCode, c.reasons[0]?.sourceMetric, c.reasons[0]?.value])).toEqual([
      ["A", "averageGradesMeritRating9thGrade", 170],
      ["B", "meritValue", 180],
    ]);
  });

  it("compares within the year most units report, and ranks the weakest first", () => {
    const result = assess({
      criteria: resolveCriteria(),
      facts: [
        fact("A", "meritValue", "185"),
        fact("B", "meritValue", "150"),
        fact("C", "meritValue", "240"),
        fact("A", "meritValue", "120", { year: "2025/26" }),
      ],
      inScope: (code) => code !== "C",
    });
    expect(result.criteria[0]?.schoolYear).toBe("2024/25");
    expect(result.candidates.map((c) => c.schoolUnitCode)).toEqual(["B", "A"]);
    expect(result.candidates[0]!.score).toBeGreaterThan(result.candidates[1]!.score);
    expect(result.assessed).toBe(2);
  });
});

describe.skipIf(!exportFixture.available)("selection on the real export", () => {
  describeEachStore("selection", (factory) => {
    let sv: Samverkan;
    let county22: SelectionResult;
    beforeAll(async () => {
      sv = createSamverkan({ store: await factory.open() });
      await sv.data.importStatisticsExport(readExport(), systemImport, { source: "slutbetyg.csv" });
      county22 = await sv.selection.candidates({ county: "22" });
    });
    afterAll(async () => {
      await sv.store.close();
      await factory.cleanup();
    });

    it("computes the national figures from every unit with numbers, weighted by pupils", () => {
      expect(county22.criteria.map((c) => [c.id, c.schoolYear, c.national?.value, c.national?.units])).toEqual([
        ["meritValue", "2024/25", 228.6, 1582],
        ["shareAllSubjects", "2024/25", 72.3, 1528],
        ["shareEligibleVocational", "2024/25", 85.1, 1551],
        ["completionRate", null, undefined, undefined],
        ["salsaResidual", null, undefined, undefined],
      ]);
    });

    it("ranks county 22's units with low results, each with its reasons", async () => {
      expect(county22.scope).toEqual({ county: "22", municipality: null });
      expect(county22.assessed).toBe(40);
      expect(county22.candidates).toHaveLength(14);
      expect(county22.candidateCount).toBe(14);
      const top3 = await sv.selection.candidates({ county: "22", limit: 3 });
      expect(top3).toMatchObject({ candidateCount: 14, candidates: county22.candidates.slice(0, 3) });
      const first = county22.candidates[0]!;
      expect(first).toMatchObject({
        school: { code: "51877656", name: "Höglundaskolan" },
        municipalityName: "Sundsvall",
        organizer: { name: "Sundsvalls kommun" },
        score: 1.2467,
      });
      expect(first.reasons.map((r) => [r.metric, r.value, r.threshold, r.national, r.municipal])).toEqual([
        ["meritValue", 185.6, 190, 228.6, 219.2],
        ["shareAllSubjects", 44.4, 60, 72.3, 70.7],
        ["shareEligibleVocational", 64.2, 75, 85.1, 83.5],
      ]);
      for (const candidate of county22.candidates) {
        expect(candidate.school.municipalityCode.startsWith("22")).toBe(true);
        expect(candidate.reasons.length).toBeGreaterThan(0);
        expect(candidate.reasons.every((r) => r.value < r.threshold && r.schoolYear === "2024/25")).toBe(true);
      }
    });

    it("reports units with only hidden or missing figures separately, never as low", () => {
      expect(county22.notAssessable.map((n) => n.school.name).sort()).toHaveLength(4);
      const hedda = county22.notAssessable.find((n) => n.school.code === "14491257");
      expect(hedda?.values.map((v) => v.kind)).toEqual(["hidden", "hidden", "hidden"]);
      const candidates = new Set(county22.candidates.map((c) => c.school.code));
      expect(county22.notAssessable.some((n) => candidates.has(n.school.code))).toBe(false);
    });

    it("answers a new question from the kept figures exactly as a one-off assessment of the stored rows", async () => {
      const rows = await sv.store.db
        .selectFrom("school_results as r")
        .innerJoin("school_units as u", "u.code", "r.school_unit_code")
        .select(["r.school_unit_code", "r.school_year", "r.metric", "r.raw", "u.municipality_code"])
        .execute();
      const facts = rows.map((r) => fact(r.school_unit_code, r.metric, r.raw, { municipality: r.municipality_code, year: r.school_year }));
      const questions = [
        { criteria: { meritValue: 212.5 } },
        { criteria: { meritValue: null, shareAllSubjects: 81 }, county: "22" },
        { criteria: { shareEligibleVocational: 90.5 }, municipality: "2281" },
      ] as const;
      for (const question of questions) {
        const kept = await sv.selection.candidates(question);
        const county = "county" in question ? question.county : undefined;
        const municipality = "municipality" in question ? question.municipality : undefined;
        const oneOff = assess({
          criteria: resolveCriteria(question.criteria),
          facts,
          inScope: (code) => {
            const m = facts.find((f) => f.schoolUnitCode === code)?.municipalityCode ?? "";
            return (county === undefined || m.startsWith(county)) && (municipality === undefined || m === municipality);
          },
        });
        expect(kept.candidates.length).toBeGreaterThan(0);
        expect(
          kept.candidates.map((c) => ({
            code: c.school.code,
            score: c.score,
            reasons: c.reasons.map(({ text: _text, ...r }) => r),
            notAssessed: c.notAssessed,
          })),
        ).toEqual(oneOff.candidates.map((c) => ({ code: c.schoolUnitCode, score: c.score, reasons: c.reasons, notAssessed: c.notAssessed })));
        expect(kept.notAssessable.map((n) => ({ code: n.school.code, values: n.values }))).toEqual(
          oneOff.notAssessable.map((n) => ({ code: n.schoolUnitCode, values: n.values })),
        );
        expect(kept.criteria).toEqual(oneOff.criteria);
        expect(kept.assessed).toBe(oneOff.assessed);
      }
    });

    it("narrows to a municipality by name and takes other thresholds", async () => {
      const sundsvall = await sv.selection.candidates({
        municipality: "Sundsvalls kommun",
        criteria: { meritValue: 200, shareAllSubjects: null, shareEligibleVocational: null },
      });
      expect(sundsvall.scope.municipality).toBe("2281");
      expect(sundsvall.candidates.length).toBeGreaterThan(0);
      expect(
        sundsvall.candidates.every((c) => c.school.municipalityCode === "2281" && c.reasons.every((r) => r.metric === "meritValue" && r.value < 200)),
      ).toBe(true);
      await expect(sv.selection.candidates({ county: "Atlantis" })).rejects.toMatchObject({ code: "validation" });
      expect((await sv.selection.candidates({ county: "Västernorrland" })).candidates).toHaveLength(14);
    });
  });
});

describeEachStore("selection on a synthetic export", (factory) => {
  let sv: Samverkan;
  beforeAll(async () => {
    sv = createSamverkan({ store: await factory.open() });
  });
  afterAll(async () => {
    await sv.store.close();
    await factory.cleanup();
  });

  it("works end to end from a file, hidden units apart", async () => {
    await sv.data.importStatisticsExport(
      syntheticExport([
        "Alfaskolan;12345678;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;50;55,0;70,0;180,0;",
        "Betaskolan;23456789;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;..;..;..;..;",
        "Gammaskolan;34567890;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;150;85,0;95,0;250,0;",
      ]),
      systemImport,
    );
    const result = await sv.selection.candidates({ municipality: "Härnösand" });
    expect(result.candidates.map((c) => c.school.name)).toEqual(["Alfaskolan"]);
    expect(result.candidates[0]?.reasons.map((r) => [r.metric, r.national, r.municipal])).toEqual([
      ["meritValue", 232.5, 232.5],
      ["shareAllSubjects", 77.5, 77.5],
      ["shareEligibleVocational", 88.8, 88.8],
    ]);
    expect(result.notAssessable.map((n) => n.school.name)).toEqual(["Betaskolan"]);
  });

  it("answers from figures computed once, and sees the next import at once, on every SDK instance", async () => {
    const before = await sv.selection.candidates({ municipality: "2280" });
    expect(before.candidates.map((c) => c.school.name)).toEqual(["Alfaskolan"]);
    // The arrays are the caller's own: changing them changes nothing for the next caller.
    before.candidates.length = 0;
    expect((await sv.selection.candidates({ municipality: "2280" })).candidates.map((c) => c.school.name)).toEqual(["Alfaskolan"]);
    // Another instance on the same store imports a weaker year for Gammaskolan.
    const other = createSamverkan({ store: sv.store });
    await other.data.importStatisticsExport(
      syntheticExport(["Gammaskolan;34567890;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;150;45,0;95,0;170,0;"]),
      systemImport,
    );
    const after = await sv.selection.candidates({ municipality: "2280" });
    expect(after.candidates.map((c) => c.school.name).sort()).toEqual(["Alfaskolan", "Gammaskolan"]);
    expect(after.candidates.find((c) => c.school.name === "Gammaskolan")?.reasons.map((r) => [r.metric, r.value])).toEqual([
      ["meritValue", 170],
      ["shareAllSubjects", 45],
    ]);
    // A hand-written change outside any import moves the figures too.
    await sv.store.db.updateTable("school_units").set({ name: "Gammaskolan Norra" }).where("code", "=", "34567890").execute();
    expect((await sv.selection.candidates({ municipality: "2280" })).candidates.map((c) => c.school.name).sort()).toEqual(["Alfaskolan", "Gammaskolan Norra"]);
  });
});
