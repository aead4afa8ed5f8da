import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSamverkan, type Samverkan } from "../../src/index";
import { describeEachStore, storesReady } from "../support/stores";
import { exportFixture, readExport, systemImport } from "./support";

await storesReady;

describe.skipIf(!exportFixture.available)("search and school profiles over the imported export", () => {
  describeEachStore("search", (factory) => {
    let sv: Samverkan;
    beforeAll(async () => {
      sv = createSamverkan({ store: await factory.open() });
      await sv.data.importStatisticsExport(readExport(), systemImport, { source: "slutbetyg.csv" });
    });
    afterAll(async () => {
      await sv.store.close();
      await factory.cleanup();
    });

    it("finds schools by municipality without å/ä/ö, with municipality and organizer names", async () => {
      const hits = await sv.schools.search("harnosand");
      expect(hits.length).toBeGreaterThanOrEqual(4);
      expect(hits.every((h) => h.municipalityName === "Härnösand" && h.school.municipalityCode === "2280")).toBe(true);
      expect(hits.map((h) => h.school.name)).toContain("Kastellskolan");
      expect(hits[0]?.organizer.name).toBeTruthy();
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    });

    it("resolves a code or a Skolverket link directly", async () => {
      const [byCode] = await sv.schools.search("48000763");
      expect(byCode).toMatchObject({ score: 1, matchedOn: ["code"], municipalityName: "Aneby", school: { name: "Oasens skola" } });
      const [byLink] = await sv.schools.search("https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=48000763");
      expect(byLink).toMatchObject({ score: 1, matchedOn: ["url"], school: { code: "48000763" } });
      expect(await sv.schools.search("99999999")).toEqual([]);
    });

    it("filters by county and municipality and honours the limit", async () => {
      const inCounty = await sv.schools.search("skolan", { county: "22", limit: 5 });
      expect(inCounty).toHaveLength(5);
      expect(inCounty.every((h) => h.countyCode === "22")).toBe(true);
      const inSundsvall = await sv.schools.search("skolan", { municipality: "Sundsvall", limit: 100 });
      expect(inSundsvall.length).toBeGreaterThan(5);
      expect(inSundsvall.every((h) => h.school.municipalityCode === "2281")).toBe(true);
    });

    it("finds organizers by name and organisation number", async () => {
      const [harnosand] = await sv.organizers.search("harnosands kommun");
      expect(harnosand).toMatchObject({ organizer: { name: "Härnösands kommun", organizationNumber: "2120002403" }, municipalityName: "Härnösand" });
      expect(harnosand?.schoolUnits).toBeGreaterThan(0);
      const [byNumber] = await sv.organizers.search("212000-2403");
      expect(byNumber).toMatchObject({ score: 1, organizer: { name: "Härnösands kommun" } });
    });

    it("rebuilds its index when the store changes", async () => {
      expect(await sv.schools.search("Zetaskolan Härnösand")).not.toContainEqual(
        expect.objectContaining({ school: expect.objectContaining({ code: "87654321" }) }),
      );
      const organizer = await sv.organizers.getByOrganisationNumber("2120002403");
      await sv.schools.upsert(
        { code: "87654321", name: "Zetaskolan", municipalityCode: "2280", organizerId: organizer!.id, typesOfSchooling: ["gr"] },
        systemImport,
      );
      const [hit] = await sv.schools.search("zetaskolan");
      expect(hit).toMatchObject({ school: { code: "87654321" }, municipalityName: "Härnösand", organizer: { name: "Härnösands kommun" } });
    });

    it("shows a profile: unit, organizer, municipality, county, serving office and latest results", async () => {
      const profile = await sv.schools.profile("https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=48000763");
      expect(profile).toMatchObject({
        school: { code: "48000763", name: "Oasens skola", typesOfSchooling: ["gr"] },
        organizer: { name: "Oasen Utbildningscenter AB", type: "independent" },
        municipality: { code: "0604", name: "Aneby" },
        county: { code: "06", name: "Jönköpings län" },
        office: { id: "vaxjo" },
        details: null,
      });
      expect(profile.results.map((r) => r.metric)).toEqual(["pupils", "shareAllSubjects", "shareEligibleVocational", "meritValue"]);
      expect(profile.results.every((r) => r.schoolYear === "2024/25")).toBe(true);
      const kastell = (await sv.schools.search("Kastellskolan", { municipality: "2280" }))[0];
      expect((await sv.schools.profile(kastell!.school.code)).office).toMatchObject({ id: "harnosand", town: "Härnösand" });
      await expect(sv.schools.profile("11111111")).rejects.toMatchObject({ code: "not_found" });
      await expect(sv.schools.profile("abc")).rejects.toMatchObject({ code: "validation" });
    });
  });
});
