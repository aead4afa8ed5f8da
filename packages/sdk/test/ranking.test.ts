import { afterAll, beforeEach, expect, it } from "vitest";
import { buildWorld, describeEachStore, storesReady, type World } from "./support/stores";

await storesReady;

/** Rankings and areas as staff name them (issue #11), on both stores. */
describeEachStore("ranking and areas", (factory) => {
  let w: World;
  const system = { actor: { system: "test" }, channel: "system" } as const;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
    const goteborg = w.organizer2Id;
    await w.sv.schools.upsert(
      { code: "55529681", name: "Kannebäcksskolan", municipalityCode: "1480", organizerId: goteborg, typesOfSchooling: ["gr"] },
      system,
    );
    const row = (code: string, metric: string, value: number, year = "2024/25") => ({
      school_unit_code: code,
      school_year: year,
      metric,
      kind: "number",
      value,
      raw: String(value),
      value_type: null,
      source: "export",
    });
    await w.store.db
      .insertInto("school_results")
      .values([
        row("39907811", "meritValue", 240, "2023/24"),
        row("39907811", "meritValue", 200),
        row("39907811", "pupils", 100),
        row("55529681", "meritValue", 180),
        row("55529681", "pupils", 300),
        { ...row("55529681", "shareAllSubjects", 0), kind: "hidden", value: null, raw: ".." },
      ])
      .execute();
  });
  afterAll(() => factory.cleanup());

  it("ranks by the latest year with the pupil-weighted national figure", async () => {
    const r = await w.sv.schools.rank({ metric: "meritValue", order: "asc" });
    expect(r).toMatchObject({
      storedMetric: "meritValue",
      schoolYear: "2024/25",
      total: 2,
      national: { value: 185, units: 2, weighting: "pupils" },
      area: null,
    });
    expect(r.rows.map((x) => [x.rank, x.code, x.value])).toEqual([
      [1, "55529681", 180],
      [2, "39907811", 200],
    ]);
    const desc = await w.sv.schools.rank({ metric: "meritValue", limit: 1 });
    expect(desc.rows.map((x) => x.code)).toEqual(["39907811"]);
  });

  it("filters by a county or municipality written as staff write them", async () => {
    for (const area of ["Västra Götalands län", "Västra Götaland", "14", "Göteborg", "Göteborgs kommun", "goteborg"]) {
      const r = await w.sv.schools.rank({ metric: "meritValue", area });
      expect(
        r.rows.map((x) => x.code),
        area,
      ).toEqual(["55529681"]);
    }
    expect((await w.sv.schools.rank({ metric: "meritValue", area: "Stockholms län" })).area).toMatchObject({ kind: "county", code: "01" });
    expect((await w.sv.schools.rank({ metric: "meritValue", area: "Stockholm" })).area).toMatchObject({ kind: "municipality", code: "0180" });
    await expect(w.sv.schools.rank({ metric: "meritValue", area: "Atlantis" })).rejects.toMatchObject({ code: "validation" });
  });

  it("has no data rather than failing when a measure was never imported, and skips hidden values", async () => {
    expect(await w.sv.schools.rank({ metric: "examWithin3Years" })).toMatchObject({ storedMetric: null, rows: [], national: null });
    expect(await w.sv.schools.rank({ metric: "allSubjectsPassed" })).toMatchObject({ storedMetric: "shareAllSubjects", rows: [], total: 0 });
  });

  it("ranks exam within three years by the selection's figures: weighted over programmes, with the national figure", async () => {
    const row = (code: string, metric: string, value: number) => ({
      school_unit_code: code,
      school_year: "2021/22",
      metric,
      kind: "number",
      value,
      raw: String(value),
      value_type: null,
      source: "api",
    });
    await w.store.db
      .insertInto("school_results")
      .values([
        // 39907811: EK 50 % of 100 pupils, NA 90 % of 50 pupils → 63.3; 55529681: EK 80 % → 80.
        row("39907811", "ratioOfPupilsWithExamWithin3Years@EK", 50),
        row("39907811", "totalNumberOfPupils@EK", 100),
        row("39907811", "ratioOfPupilsWithExamWithin3Years@NA", 90),
        row("39907811", "totalNumberOfPupils@NA", 50),
        row("55529681", "ratioOfPupilsWithExamWithin3Years@EK", 80),
        row("55529681", "totalNumberOfPupils@EK", 40),
      ])
      .execute();
    const lowest = await w.sv.schools.rank({ metric: "examWithin3Years", order: "asc" });
    expect(lowest).toMatchObject({
      storedMetric: "examWithin3Years",
      schoolYear: "2021/22",
      total: 2,
      national: { value: 71.7, units: 2, weighting: "equal" },
    });
    expect(lowest.rows.map((x) => [x.rank, x.code, x.value])).toEqual([
      [1, "39907811", 63.3],
      [2, "55529681", 80],
    ]);
    // The same figures as the selection's own ranking, highest first by default.
    const selection = await w.sv.selection.rank({ metric: "examWithin3Years", order: "desc" });
    const highest = await w.sv.schools.rank({ metric: "examWithin3Years" });
    expect(highest.rows.map((x) => [x.code, x.value])).toEqual(selection.schools.map((s) => [s.school.code, s.value]));
    expect(highest.national).toEqual(selection.national);
    // An area narrows the list but not the national figure.
    const inGoteborg = await w.sv.schools.rank({ metric: "examWithin3Years", area: "Göteborg" });
    expect(inGoteborg).toMatchObject({ total: 1, national: { value: 71.7 }, area: { kind: "municipality", code: "1480" } });
    expect(inGoteborg.rows.map((x) => x.code)).toEqual(["55529681"]);
  });

  it("computes coverage for one municipality", async () => {
    const c = await w.sv.coverage.compute({ municipality: "1480" });
    expect(c).toMatchObject({ met: 0, goal: 1 });
    expect(c.byCounty.map((k) => k.countyCode)).toEqual(["14"]);
  });
});
