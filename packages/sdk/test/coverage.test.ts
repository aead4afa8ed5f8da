import { afterAll, beforeEach, expect, it } from "vitest";
import { as, buildWorld, describeEachStore, storesReady, type World } from "./support/stores";

await storesReady;

describeEachStore("coverage", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open(), { coverage: { organizerGoal: 2800, startDate: "2025-11-23", years: 3 } });
  });
  afterAll(() => factory.cleanup());

  it("counts each organizer met once, by county and office, against the pace needed", async () => {
    w.setNow("2026-11-02T08:00:00+01:00");
    for (const [organizerId, start] of [
      [w.organizerId, "2026-11-03T10:00"],
      [w.organizerId, "2026-11-10T10:00"],
      [w.organizer2Id, "2026-11-11T10:00"],
    ] as const) {
      const d = await w.sv.dialogues.book({ organizerId, digital: true, start, durationMinutes: 60 }, as(w.advisor));
      w.setNow("2026-11-20T08:00:00+01:00");
      await w.sv.dialogues.markHeld(d.id, {}, as(w.advisor));
      w.setNow("2026-11-02T08:00:00+01:00");
    }
    w.setNow("2026-11-23T09:00:00+01:00");
    const c = await w.sv.coverage.compute();
    expect(c).toMatchObject({ met: 2, goal: 2800, startDate: "2025-11-23", onTrack: false });
    expect(c.elapsedShare).toBeCloseTo(1 / 3, 2);
    expect(c.pacePerMonth).toBeCloseTo(2 / 12, 2);
    expect(c.neededPerMonth).toBeCloseTo(2798 / 24, 1);
    expect(c.byCounty.find((x) => x.countyCode === "01")).toMatchObject({ met: 1, goal: 1, share: 1 });
    expect(c.byOffice.find((x) => x.officeId === "goteborg")).toMatchObject({ met: 1, goal: 1 });
    const scoped = await w.sv.coverage.compute({ counties: ["14"] });
    expect(scoped).toMatchObject({ met: 1, goal: 1 });
  });
});
