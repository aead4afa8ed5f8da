import { afterAll, beforeEach, expect, it } from "vitest";
import { as, buildWorld, describeEachStore, storesReady, type World } from "../support/stores";

await storesReady;

/**
 * A week in the world: today is Monday 2026-11-23 09:00. Stockholm (county 01) and
 * Göteborg (county 14) organizers have dialogues, assignments and progress.
 */
describeEachStore("digest facts", (factory) => {
  let w: World;

  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  async function seedDialogues(): Promise<void> {
    const book = (organizerId: string, start: string, staffId: string) =>
      w.sv.dialogues.book({ organizerId, start, durationMinutes: 60, digital: true, staffIds: [staffId] }, as({ staffId }));
    const held = await book(w.organizerId, "2026-11-18T10:00", w.advisor.staffId);
    await w.sv.dialogues.markHeld(held.id, {}, as(w.advisor));
    await book(w.organizer2Id, "2026-11-19T10:00", w.advisor2.staffId).then((d) => w.sv.dialogues.markHeld(d.id, {}, as(w.advisor2)));
    await book(w.organizerId, "2026-11-25T13:00", w.advisor.staffId);
    await book(w.organizer2Id, "2026-11-24T09:00", w.advisor2.staffId);
    await book(w.organizer2Id, "2026-12-03T09:00", w.advisor2.staffId); // beyond seven days
  }

  it("lists upcoming and held dialogues in the scope's counties with participants", async () => {
    await seedDialogues();
    const window = { from: "2026-11-23T09:00:00+01:00", to: "2026-11-30T09:00:00+01:00" };
    const all = await w.sv.digests.facts.upcoming({ counties: null, ...window });
    expect(all.total).toBe(2);
    expect(all.items.map((d) => [d.organizerName, d.start, d.staffNames])).toEqual([
      ["Göteborgs kommun", "2026-11-24T09:00:00+01:00", ["Omar Haddad"]],
      ["Stockholms kommun", "2026-11-25T13:00:00+01:00", ["Karin Lind"]],
    ]);
    const west = await w.sv.digests.facts.upcoming({ counties: ["14", "13"], ...window });
    expect(west.items.map((d) => d.organizerName)).toEqual(["Göteborgs kommun"]);
    const held = await w.sv.digests.facts.held({ counties: ["01"], from: "2026-11-16T08:00", to: "2026-11-23T09:00", limit: 1 });
    expect(held).toMatchObject({ total: 1, items: [{ organizerName: "Stockholms kommun", status: "held" }] });
    const heldAll = await w.sv.digests.facts.held({ counties: null, from: "2026-11-16T08:00", to: "2026-11-23T09:00", limit: 1 });
    expect(heldAll.total).toBe(2);
    expect(heldAll.items.map((d) => d.organizerName)).toEqual(["Göteborgs kommun"]);
  });

  it("finds assignments silent for 14 days with their responsible staff, and phase changes", async () => {
    const planSchool = await w.sv.assignments.createPlan({ title: "Rinkebyskolan", schoolUnitCode: "39907811" }, as(w.unitHead));
    const planWest = await w.sv.assignments.createPlan({ title: "Göteborg", organizerId: w.organizer2Id }, as(w.unitHead));
    const quiet = await w.sv.assignments.create(
      { planId: planSchool.id, title: "Öka närvaron", focusArea: "attendance", responsibleStaffId: w.advisor.staffId },
      as(w.unitHead),
    );
    const busy = await w.sv.assignments.create(
      { planId: planSchool.id, title: "Elevhälsa", focusArea: "pupilHealth", responsibleStaffId: w.advisor.staffId },
      as(w.unitHead),
    );
    const west = await w.sv.assignments.create(
      { planId: planWest.id, title: "Tillgänglighet", focusArea: "accessibility", responsibleStaffId: w.advisor2.staffId },
      as(w.unitHead),
    );
    await w.sv.assignments.create({ planId: planWest.id, title: "Utan ansvarig", focusArea: "other" }, as(w.unitHead));
    w.setNow("2026-11-30T10:00:00+01:00");
    await w.sv.assignments.logProgress(quiet.ref, { note: "Kartläggning", phase: "planning" }, as(w.advisor));
    w.setNow("2026-12-20T10:00:00+01:00");
    await w.sv.assignments.logProgress(busy.ref, { note: "Träff med elevhälsan", phase: "implementation" }, as(w.advisor));
    await w.sv.assignments.logProgress(west.ref, { note: "Notering utan fasbyte", percent: 20 }, as(w.advisor2));
    w.setNow("2026-12-21T09:00:00+01:00");

    const stale = await w.sv.digests.facts.stale({ counties: null, silentSince: "2026-12-07T09:00:00+01:00" });
    expect(stale.total).toBe(2);
    expect(stale.items.map((s) => [s.ref, s.responsibleName, s.daysSilent, s.phase])).toEqual([
      ["U-4", null, 28, "startUp"],
      ["U-1", "Karin Lind", 20, "planning"],
    ]);
    expect(stale.items[1]?.lastProgressAt).toBe("2026-11-30T10:00:00+01:00");
    expect(stale.byResponsible).toEqual([
      { staffId: w.advisor.staffId, name: "Karin Lind", count: 1 },
      { staffId: null, name: null, count: 1 },
    ]);
    // School-unit plans follow the school's county; organizer plans the organizer's.
    expect((await w.sv.digests.facts.stale({ counties: ["01"], silentSince: "2026-12-07T09:00:00+01:00" })).items.map((s) => s.ref)).toEqual(["U-1"]);
    expect((await w.sv.digests.facts.stale({ counties: ["14"], silentSince: "2026-12-07T09:00:00+01:00" })).items.map((s) => s.ref)).toEqual(["U-4"]);

    const changes = await w.sv.digests.facts.phaseChanges({ counties: null, from: "2026-12-14T08:00", to: "2026-12-21T09:00" });
    expect(changes).toMatchObject({ total: 1, items: [{ ref: "U-2", phase: "implementation", authorName: "Karin Lind", at: "2026-12-20T10:00:00+01:00" }] });
    expect((await w.sv.digests.facts.phaseChanges({ counties: ["14"], from: "2026-11-01T00:00", to: "2026-12-21T09:00" })).total).toBe(0);
    expect((await w.sv.digests.facts.phaseChanges({ counties: ["01"], from: "2026-11-01T00:00", to: "2026-12-21T09:00" })).items.map((c) => c.ref)).toEqual([
      "U-2",
      "U-1",
    ]);
  });

  it("fingerprints the selection's inputs, so a flagged-schools result is reused only while they are unchanged", async () => {
    const before = await w.sv.digests.facts.selectionFingerprint();
    expect(await w.sv.digests.facts.selectionFingerprint()).toBe(before);
    await w.store.db
      .insertInto("school_results")
      .values({
        school_unit_code: "39907811",
        school_year: "2024/25",
        metric: "meritValue",
        kind: "number",
        value: 172.5,
        raw: "172,5",
        value_type: null,
        source: "test",
      })
      .execute();
    const withResult = await w.sv.digests.facts.selectionFingerprint();
    expect(withResult).not.toBe(before);
    await w.store.db.updateTable("school_results").set({ value: 201, raw: "201" }).execute();
    expect(await w.sv.digests.facts.selectionFingerprint()).not.toBe(withResult);
  });
});
