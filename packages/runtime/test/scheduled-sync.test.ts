import { Writable } from "node:stream";
import { loadExchanges, startReplayServer, type RecordedRequest, type ReplayServer } from "@samverkan/replay-server";
import { createSamverkan, type Store } from "@samverkan/sdk";
import { postgresAvailability, postgresTestUrl, sharedFixture, uniqueSchemaName } from "@samverkan/vitest-config/helpers";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, openStore, readEnv, runScheduledSync, SCHEDULED_SYNC_NAMESPACE, startScheduledSync, type ScheduledSyncSettings } from "../src/index";
import { organisationNumber, REGISTER_PREFIX, registerExchanges, type FixtureOrganizer, type FixtureUnit } from "../../sdk/test/support/register-fixture";

const pg = await postgresAvailability();
/** Skolverket's Planned Educations API, recorded for Stockholm (0180): 155 units. */
const plannedEducations = sharedFixture("skolverket/planned-educations-v4.jsonl");

const BORAS = organisationNumber("212000153");
const organizers: FixtureOrganizer[] = [{ organizationNumber: BORAS, displayName: "Borås kommun", organizerType: "KOMMUN", seat: "1490" }];
const units: FixtureUnit[] = [
  { schoolUnitCode: "13746989", name: "Fredriksborgskolan F-9", status: "AKTIV", municipalityCode: "1490", organizationNumber: BORAS, schoolTypes: ["GR"] },
];

const quiet = () => createLogger({ app: "test", level: "silent", destination: new Writable({ write: (_c, _e, done) => done() }) });

let server: ReplayServer | undefined;
const stores: Store[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const store of stores.splice(0)) await store.close();
});

describe("the scheduled sync's settings", () => {
  it("is off by default, and names a bad cron expression or municipality code", () => {
    expect(readEnv({}).sync).toEqual({ cron: undefined, municipalities: [], registerApiUrl: undefined, skolverketApiUrl: undefined });
    expect(readEnv({ SAMVERKAN_SYNC_CRON: "30 2 * * *", SAMVERKAN_SYNC_MUNICIPALITIES: "0180, 1490" }).sync).toMatchObject({
      cron: "30 2 * * *",
      municipalities: ["0180", "1490"],
    });
    expect(() => readEnv({ SAMVERKAN_SYNC_CRON: "every night" })).toThrow(/SAMVERKAN_SYNC_CRON must be a cron expression/);
    expect(() => readEnv({ SAMVERKAN_SYNC_MUNICIPALITIES: "Borås" })).toThrow(/SAMVERKAN_SYNC_MUNICIPALITIES must be 4-digit/);
  });

  it("starts nothing without a cron expression", () => {
    const stop = startScheduledSync({} as never, quiet(), { cron: undefined, municipalities: [], registerApiUrl: undefined, skolverketApiUrl: undefined });
    expect(stop()).toBeUndefined();
  });
});

describe.skipIf(!pg.available)("the scheduled sync on one PostgreSQL store", () => {
  it("runs once however many instances reach the same occurrence, against the loopback register", async () => {
    const requests: RecordedRequest[] = [];
    server = await startReplayServer({ exchanges: registerExchanges(organizers, units), onRequest: (r) => void requests.push(r) });
    const schema = uniqueSchemaName("scheduled_sync");
    const clock = () => new Date("2026-11-25T02:30:00+01:00");
    const settings: ScheduledSyncSettings = {
      cron: "30 2 * * *",
      municipalities: [],
      registerApiUrl: `${server.url}${REGISTER_PREFIX}`,
      skolverketApiUrl: undefined,
    };
    // Two instances: two pools on one schema, each its own SDK, the same fixed clock.
    for (let i = 0; i < 2; i++) stores.push(await openStore({ kind: "postgres", url: postgresTestUrl, schema }));
    const [a, b] = stores.map((store) => createSamverkan({ store, clock }));
    const occurrence = new Date("2026-11-25T01:30:00.000Z");

    const outcomes = await Promise.all([
      runScheduledSync(a!, settings, occurrence, quiet(), "instance-a"),
      runScheduledSync(b!, settings, occurrence, quiet(), "instance-b"),
    ]);

    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, failures: 0 }]);
    expect(outcomes.filter((o) => !o.ran)).toEqual([{ ran: false, reason: "claimed elsewhere" }]);
    // One register sync: each list fetched once, the organizer and the unit once each.
    expect(requests.map((r) => r.path).sort()).toEqual(
      [
        `${REGISTER_PREFIX}/v2/organizers`,
        `${REGISTER_PREFIX}/v2/organizers/${BORAS}`,
        `${REGISTER_PREFIX}/v2/school-units`,
        `${REGISTER_PREFIX}/v2/school-units/13746989`,
      ].sort(),
    );
    expect((await b!.organizers.find(BORAS))?.name).toBe("Borås kommun");
    const claims = await a!.store.db.selectFrom("kv_state").select(["key", "value"]).where("namespace", "=", SCHEDULED_SYNC_NAMESPACE).execute();
    expect(claims).toHaveLength(1);
    expect(claims[0]!.key).toBe(occurrence.toISOString());
    expect(JSON.parse(claims[0]!.value)).toMatchObject({ status: "done" });

    // The same occurrence again (a late tick, a restarted instance) runs nothing; the next night runs.
    expect(await runScheduledSync(a!, settings, occurrence, quiet(), "instance-a")).toEqual({ ran: false, reason: "claimed elsewhere" });
    const before = requests.length;
    expect(await runScheduledSync(b!, settings, new Date("2026-11-26T01:30:00.000Z"), quiet(), "instance-b")).toEqual({ ran: true, failures: 0 });
    expect(requests.length).toBe(before + 4);
    await a!.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
  });
});

describe.skipIf(!plannedEducations.available)("the scheduled sync with municipalities configured", { timeout: 120_000 }, () => {
  it("refreshes the register, then the municipalities' statistics, and records a failed statistics run for the next night", async () => {
    const requests: RecordedRequest[] = [];
    const exchanges = [...registerExchanges(organizers, units), ...(await loadExchanges(plannedEducations.path))];
    // One unit's details answer 500 for as long as this test runs; the client retries none.
    const broken = "62533129";
    server = await startReplayServer({
      exchanges,
      onRequest: (r) => void requests.push(r),
      faults: [{ match: (r) => r.path === `/planned-educations/v4/school-units/${broken}`, status: 500, times: 1_000 }],
    });
    const store = await openStore({ kind: "sqlite", file: ":memory:" });
    stores.push(store);
    const sv = createSamverkan({ store, clock: () => new Date("2026-11-25T02:30:00+01:00") });
    const settings: ScheduledSyncSettings = {
      cron: "30 2 * * *",
      municipalities: ["0180"],
      registerApiUrl: `${server.url}${REGISTER_PREFIX}`,
      skolverketApiUrl: `${server.url}/planned-educations`,
    };

    const outcome = await runScheduledSync(sv, settings, new Date("2026-11-25T01:30:00.000Z"), quiet(), "instance-a");

    // The register first, then Stockholm's listing and units.
    const firstStatistics = requests.findIndex((r) => r.path.startsWith("/planned-educations/"));
    expect(firstStatistics).toBeGreaterThan(requests.findIndex((r) => r.path === `${REGISTER_PREFIX}/v2/organizers`));
    expect(requests.slice(firstStatistics).every((r) => r.path.startsWith("/planned-educations/"))).toBe(true);
    expect(outcome).toEqual({ ran: true, failures: 1 });
    const counts = await sv.counts();
    // Borås's unit from the register and Stockholm's 155 but the broken one from the statistics sync.
    expect(counts.schoolUnits).toBe(1 + 154);
    const results = await store.db
      .selectFrom("school_results")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(results.n)).toBeGreaterThan(0);
    const [claim] = await store.db.selectFrom("kv_state").select("value").where("namespace", "=", SCHEDULED_SYNC_NAMESPACE).execute();
    expect(JSON.parse(claim!.value)).toMatchObject({ status: "failed", error: "1 items failed" });
  });
});
