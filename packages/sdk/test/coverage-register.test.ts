import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { startReplayServer, type ReplayServer } from "@samverkan/replay-server";
import { createSkolenhetsregistretClient } from "../src/index";
import { as, buildWorld, describeEachStore, storesReady, type World } from "./support/stores";
import { organisationNumber, REGISTER_PREFIX, registerExchanges, syntheticRegister } from "./support/register-fixture";

await storesReady;

const system = { actor: { system: "sync" }, channel: "cli" } as const;

describeEachStore("coverage against the register", (factory) => {
  let w: World;
  let server: ReplayServer;
  const register = syntheticRegister(40, 60);
  // Two that left (not counted), one without a seat (counted, but in no county or office).
  register.organizers.push(
    {
      organizationNumber: organisationNumber("556100200"),
      displayName: "Avvecklad AB",
      organizerType: "ENSKILD",
      seat: "0180",
      companyStatus: "EJ_LANGRE_AKTIV",
    },
    {
      organizationNumber: organisationNumber("556100300"),
      displayName: "Utanför AB",
      organizerType: "ENSKILD",
      seat: "1280",
      legalEntityStatus: "EJ_LANGRE_INKLUDERAD",
    },
    { organizationNumber: organisationNumber("556100400"), displayName: "Utan säte AB", organizerType: "ENSKILD" },
  );
  const N = 41;

  beforeAll(async () => {
    w = await buildWorld(await factory.open(), { coverage: { organizerGoal: 2800, startDate: "2025-11-23", years: 3 } });
    server = await startReplayServer({ exchanges: registerExchanges(register.organizers, register.units) });
  });
  afterEach(() => w.setNow("2026-11-23T09:00:00+01:00"));
  afterAll(async () => {
    await server.close();
    await w.store.close();
    await factory.cleanup();
  });

  it("uses the configured goal, shown as such, until a register sync completes", async () => {
    const c = await w.sv.coverage.compute();
    expect(c).toMatchObject({ goal: 2800, goalSource: "configured" });
  });

  it("with N active organizers and k met: goal N, met k, and county and office goals add up to N", async () => {
    const summary = await w.sv.data.syncRegister({ client: createSkolenhetsregistretClient({ baseUrl: `${server.url}${REGISTER_PREFIX}` }) }, system);
    expect(summary.failed).toEqual([]);
    // buildWorld's two organizers are not in this register: kept, inactive.
    expect(await w.sv.data.registerStatus()).toMatchObject({ organizers: { active: N, inactive: 4 } });

    const met = register.organizers.slice(0, 3);
    // One inactive organizer met too: it is no longer in the population, so it does not count.
    const metInactive = register.organizers.find((o) => o.displayName === "Avvecklad AB")!;
    for (const [i, o] of [...met, metInactive].entries()) {
      const organizer = await w.sv.organizers.getByOrganisationNumber(o.organizationNumber);
      w.setNow("2026-11-02T08:00:00+01:00");
      const d = await w.sv.dialogues.book({ organizerId: organizer!.id, digital: true, start: `2026-11-${10 + i}T10:00`, durationMinutes: 60 }, as(w.advisor));
      w.setNow("2026-11-20T08:00:00+01:00");
      await w.sv.dialogues.markHeld(d.id, {}, as(w.advisor));
    }
    w.setNow("2026-11-23T09:00:00+01:00");
    const c = await w.sv.coverage.compute();
    expect(c).toMatchObject({ goal: N, met: 3, goalSource: "register", unplaced: 1 });
    const sum = (xs: Array<{ goal: number; met: number }>, k: "goal" | "met") => xs.reduce((s, x) => s + x[k], 0);
    expect(sum(c.byCounty, "goal") + c.unplaced).toBe(N);
    expect(sum(c.byOffice, "goal") + c.unplaced).toBe(N);
    expect(sum(c.byCounty, "met")).toBe(3);
    expect(sum(c.byOffice, "met")).toBe(3);
    // Seat municipalities decide the office: 2281 Sundsvall is served from Härnösand.
    const sundsvallOrganizers = register.organizers.filter((o) => o.seat === "2281" && !o.companyStatus && !o.legalEntityStatus).length;
    const harnosand = c.byOffice.find((o) => o.officeId === "harnosand")!;
    expect(harnosand.goal).toBeGreaterThanOrEqual(sundsvallOrganizers);
  });
});
