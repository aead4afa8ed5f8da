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
    await w.sv.schools.upsert({ code: "55529681", name: "Kannebäcksskolan", municipalityCode: "1480", organizerId: goteborg, typesOfSchooling: ["gr"] }, system);
    const row = (code: string, metric: string, value: number, year = "2024/25") => ({ school_unit_code: code, school_year: year, metric, kind: "number", value, raw: String(value), value_type: null, source: "export" });
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
    expect(r).toMatchObject({ storedMetric: "meritValue", schoolYear: "2024/25", total: 2, national: { value: 185, units: 2, weighting: "pupils" }, area: null });
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
      expect(r.rows.map((x) => x.code), area).toEqual(["55529681"]);
    }
    expect((await w.sv.schools.rank({ metric: "meritValue", area: "Stockholms län" })).area).toMatchObject({ kind: "county", code: "01" });
    expect((await w.sv.schools.rank({ metric: "meritValue", area: "Stockholm" })).area).toMatchObject({ kind: "municipality", code: "0180" });
    await expect(w.sv.schools.rank({ metric: "meritValue", area: "Atlantis" })).rejects.toMatchObject({ code: "validation" });
  });

  it("has no data rather than failing when a measure was never imported, and skips hidden values", async () => {
    expect(await w.sv.schools.rank({ metric: "examWithin3Years" })).toMatchObject({ storedMetric: null, rows: [], national: null });
    expect(await w.sv.schools.rank({ metric: "allSubjectsPassed" })).toMatchObject({ storedMetric: "shareAllSubjects", rows: [], total: 0 });
  });

  it("computes coverage for one municipality", async () => {
    const c = await w.sv.coverage.compute({ municipality: "1480" });
    expect(c).toMatchObject({ met: 0, goal: 1 });
    expect(c.byCounty.map((k) => k.countyCode)).toEqual(["14"]);
  });
});
