import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSamverkan, StatisticsExportFormatError, type ImportSummary, type Samverkan } from "../../src/index";
import { describeEachStore, storesReady, type StoreFactory } from "../support/stores";
import { exportFixture, readExport, syntheticExport, systemImport } from "./support";

await storesReady;

describe.skipIf(!exportFixture.available)("importing the real statistics export", () => {
  describeEachStore("import", (factory: StoreFactory) => {
    let sv: Samverkan;
    let first: ImportSummary;
    let second: ImportSummary;

    beforeAll(async () => {
      sv = createSamverkan({ store: await factory.open() });
      first = await sv.data.importStatisticsExport(readExport(), systemImport, { source: "slutbetyg-ak9-2025-skolenhet.csv" });
      second = await sv.data.importStatisticsExport(readExport(), systemImport, { source: "slutbetyg-ak9-2025-skolenhet.csv" });
    });
    afterAll(async () => {
      await sv.store.close();
      await factory.cleanup();
    });

    it("brings in every unit, organizer and municipality of the file", async () => {
      expect(first).toMatchObject({ schoolYear: "2024/25", rows: 1714, imported: 1714, errors: [] });
      // The fixtures README says 626 organizers, but the file has 625 distinct organisation
      // numbers (and 625 distinct names): we assert what the data says.
      expect(first.organizers).toEqual({ added: 625, updated: 0, unchanged: 0 });
      expect(first.municipalities).toEqual({ added: 290, updated: 0, unchanged: 0 });
      expect(first.schoolUnits).toEqual({ added: 1714, updated: 0, unchanged: 0 });
      expect(first.results).toEqual({ added: 4 * 1714, updated: 0, unchanged: 0 });
      expect(await sv.counts()).toMatchObject({ schoolUnits: 1714, organizers: 625, municipalities: 290 });
    });

    it("links every unit to an existing organizer and municipality", async () => {
      const { db } = sv.store;
      const orphans = await db
        .selectFrom("school_units as u")
        .leftJoin("organizers as o", "o.id", "u.organizer_id")
        .leftJoin("municipalities as m", "m.code", "u.municipality_code")
        .select("u.code")
        .where((eb) => eb.or([eb("o.id", "is", null), eb("m.code", "is", null)]))
        .execute();
      expect(orphans).toEqual([]);
      const municipalities = await db.selectFrom("municipalities").select(["code", "county_code"]).execute();
      expect(municipalities.filter((m) => m.county_code !== m.code.slice(0, 2))).toEqual([]);
    });

    it("sets organizers' home municipality: its own for a kommun, where most units are otherwise", async () => {
      const harnosand = await sv.organizers.getByOrganisationNumber("2120002403");
      expect(harnosand).toMatchObject({ name: "Härnösands kommun", type: "municipal", municipalityCode: "2280" });
      const gotland = await sv.organizers.find("Region Gotland");
      expect(gotland).toMatchObject({ type: "municipal", municipalityCode: "0980" });
      const all = await sv.organizers.list({ limit: 1000 });
      // 291 municipal organizers for 290 municipalities: a kommunalförbund runs schools too.
      expect(all.filter((o) => o.type === "municipal")).toHaveLength(291);
      expect(all.filter((o) => o.type === "independent")).toHaveLength(334);
      expect(all.every((o) => o.municipalityCode !== null)).toBe(true);
    });

    it("keeps Skolverket's markers: hidden stays hidden, never 0", async () => {
      const oasen = await sv.schools.profile("48000763");
      const byMetric = Object.fromEntries(oasen.results.map((r) => [r.metric, r.value]));
      expect(byMetric.pupils).toEqual({ kind: "hidden", raw: ".." });
      expect(byMetric.shareAllSubjects).toEqual({ kind: "missing", raw: "." });
      expect(byMetric.meritValue).toEqual({ kind: "hidden", raw: ".." });
      const stored = await sv.store.db.selectFrom("school_results").select(["kind", "value"]).where("kind", "in", ["hidden", "missing"]).execute();
      expect(stored.length).toBeGreaterThan(400);
      expect(stored.every((r) => r.value === null)).toBe(true);
      const rounded = await sv.store.db.selectFrom("school_results").selectAll().where("kind", "=", "rounded").execute();
      expect(rounded).toHaveLength(354);
      expect(rounded[0]).toMatchObject({ metric: "shareEligibleVocational", raw: "~100", value: 100 });
    });

    it("changes nothing the second time", () => {
      expect(second).toMatchObject({ imported: 1714, errors: [] });
      expect(second.municipalities).toEqual({ added: 0, updated: 0, unchanged: 290 });
      expect(second.organizers).toEqual({ added: 0, updated: 0, unchanged: 625 });
      expect(second.schoolUnits).toEqual({ added: 0, updated: 0, unchanged: 1714 });
      expect(second.results).toEqual({ added: 0, updated: 0, unchanged: 4 * 1714 });
    });

    it("records one audit event per import, with the summary", async () => {
      const events = await sv.audit.list({ entityType: "dataset" });
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({
        action: "data.import",
        actorLabel: "system:import",
        channel: "cli",
        entityId: "export:slutbetyg-ak9-2025-skolenhet.csv",
        details: { rows: 1714, imported: 1714, errorCount: 0, schoolUnits: { unchanged: 1714 } },
      });
    });
  });
});

describeEachStore("import of a file with bad rows", (factory) => {
  let sv: Samverkan;
  beforeAll(async () => {
    sv = createSamverkan({ store: await factory.open() });
  });
  afterAll(async () => {
    await sv.store.close();
    await factory.cleanup();
  });

  const good = [
    "Alfaskolan;12345678;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;52;61,5;80,8;201,3;",
    "Betaskolan;23456789;Härnösand;2280;Enskild;Oasen Utbildningscenter AB;5566501796;..;..;~100;..;",
    "Gammaskolan;34567890;Sundsvall;2281;Enskild;Oasen Utbildningscenter AB;5566501796;31;.;.;188;",
    "Deltaskolan;45678901;Sundsvall;2281;Enskild;Oasen Utbildningscenter AB;5566501796;40;70;90;230;",
  ];
  const bad = [
    "Felkod;1234567;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;10;50;50;200;", // line 9: 7 digits
    "Fel Luhn;56789012;Härnösand;2280;Kommunal;Härnösands kommun;2120002404;10;50;50;200;", // line 10
    "För hög andel;67890123;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;10;140;50;200;", // line 11
    "Dubblett;12345678;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;10;50;50;200;", // line 12
    `${"Långt namn ".repeat(40)};78901234;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;10;50;50;200;`, // line 13
  ];

  it("reports bad rows by line while the good rows go in", async () => {
    const summary = await sv.data.importStatisticsExport(syntheticExport([...good.slice(0, 2), ...bad, ...good.slice(2)]), systemImport, {
      source: "synthetic.csv",
    });
    expect(summary.rows).toBe(9);
    expect(summary.imported).toBe(4);
    expect(summary.errors.map((e) => e.line)).toEqual([9, 10, 11, 12, 13]);
    expect(summary.errors[0]?.reason).toContain("schoolUnitCode");
    expect(summary.errors[1]?.reason).toContain("Luhn");
    expect(summary.errors[2]?.reason).toContain("between 0 and 100");
    expect(summary.errors[3]?.reason).toContain("first on line 7");
    expect(summary.errors[4]?.reason).toContain("school unit 78901234");
    expect(summary.schoolUnits.added).toBe(4);
    // An independent organizer's home is where most of its units are: two in Sundsvall, one in Härnösand.
    expect(await sv.organizers.getByOrganisationNumber("5566501796")).toMatchObject({ type: "independent", municipalityCode: "2281" });
    expect(await sv.municipalities.get("2281")).toEqual({ code: "2281", name: "Sundsvall", countyCode: "22" });
    const beta = await sv.schools.profile("23456789");
    expect(beta.results.find((r) => r.metric === "shareEligibleVocational")?.value).toEqual({ kind: "rounded", value: 100, raw: "~100" });
  });

  it("takes small batches without losing or double-counting rows", async () => {
    const summary = await sv.data.importStatisticsExport(syntheticExport(good), systemImport, { source: "synthetic.csv", batchSize: 1 });
    expect(summary).toMatchObject({ imported: 4, errors: [], schoolUnits: { added: 0, updated: 0, unchanged: 4 }, results: { unchanged: 16 } });
  });

  it("rejects a file that is not an export, and a viewer", async () => {
    await expect(sv.data.importStatisticsExport("name;code\nx;1\n", systemImport)).rejects.toBeInstanceOf(StatisticsExportFormatError);
    const viewer = await sv.staff.create(
      { name: "Vera", email: "vera@skolverket.se", agency: "skolverket", role: "viewer" },
      { actor: { system: "test" }, channel: "system" },
    );
    await expect(sv.data.importStatisticsExport(syntheticExport(good), { actor: { staffId: viewer.id }, channel: "cli" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
