import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { startReplayServer, type Fault, type RecordedRequest, type ReplayServer } from "@samverkan/replay-server";
import { createSamverkan, createSkolenhetsregistretClient, type RegisterSyncProgress, type Samverkan } from "../../src/index";
import { describeEachStore, storesReady } from "../support/stores";
import { organisationNumber, REGISTER_PREFIX, registerExchanges, type FixtureOrganizer, type FixtureUnit } from "../support/register-fixture";

await storesReady;

const system = { actor: { system: "sync" }, channel: "cli" } as const;

const SUNDSVALL = organisationNumber("212000238");
const STOCKHOLM = organisationNumber("212000014");
const CEASED_COMPANY = organisationNumber("556123456");
const LEFT_POPULATION = organisationNumber("802001234");
const NO_SEAT = organisationNumber("556987654");
const GONE_LATER = organisationNumber("556555444");
/** Owns a closed unit but is no longer in the organizer list. */
const ONLY_IN_INCLUDED = organisationNumber("556000111");

const organizers: FixtureOrganizer[] = [
  {
    organizationNumber: SUNDSVALL,
    displayName: "Sundsvalls kommun",
    organizerType: "KOMMUN",
    seat: "2281",
    companyForm: { code: "81", displayName: "Kommuner" },
  },
  { organizationNumber: STOCKHOLM, displayName: "Stockholms kommun", organizerType: "KOMMUN", seat: "0180" },
  { organizationNumber: CEASED_COMPANY, displayName: "Nedlagda Skolan AB", organizerType: "ENSKILD", seat: "0180", companyStatus: "EJ_LANGRE_AKTIV" },
  {
    organizationNumber: LEFT_POPULATION,
    displayName: "Stiftelsen Gamla Skolan",
    organizerType: "ENSKILD",
    seat: "1280",
    legalEntityStatus: "EJ_LANGRE_INKLUDERAD",
  },
  // No `municipalities` block (the seat is only given from 2025-03-05) and a lower-case type.
  { organizationNumber: NO_SEAT, displayName: "Utlandsskolan AB", organizerType: "hmanutl" },
  { organizationNumber: GONE_LATER, displayName: "Friskolan i Malmö AB", organizerType: "ENSKILD", seat: "1280" },
];

const units: FixtureUnit[] = [
  {
    schoolUnitCode: "10000001",
    name: "Sundsvalls högstadium",
    status: "AKTIV",
    municipalityCode: "2281",
    organizationNumber: SUNDSVALL,
    schoolTypes: ["GR", "FKLASS"],
  },
  {
    schoolUnitCode: "10000002",
    name: "Sundsvalls gymnasium",
    status: "AKTIV",
    municipalityCode: "2281",
    organizationNumber: SUNDSVALL,
    schoolTypes: ["GY"],
    programmes: ["EK", "NA"],
    includedAsArray: true,
  },
  {
    schoolUnitCode: "10000003",
    name: "Vilande skolan",
    status: "VILANDE",
    municipalityCode: "0180",
    organizationNumber: STOCKHOLM,
    schoolTypes: ["GR"],
    bare: true,
  },
  { schoolUnitCode: "10000004", name: "Planerade skolan", status: "PLANERAD", municipalityCode: "0180", organizationNumber: STOCKHOLM, schoolTypes: ["GR"] },
  {
    schoolUnitCode: "10000005",
    name: "Upphörda skolan",
    status: "UPPHORT",
    municipalityCode: "0180",
    organizationNumber: ONLY_IN_INCLUDED,
    schoolTypes: ["GR"],
  },
  { schoolUnitCode: "10000006", name: "Friskolan", status: "AKTIV", municipalityCode: "1280", organizationNumber: GONE_LATER, schoolTypes: ["GR"] },
  {
    schoolUnitCode: "10000007",
    name: "Stockholms skola",
    status: "AKTIV",
    municipalityCode: "0180",
    organizationNumber: STOCKHOLM,
    schoolTypes: ["GR", "FKLASS", "FTH"],
  },
];

const unitPath = (code: string) => (req: RecordedRequest) => req.path === `${REGISTER_PREFIX}/v2/school-units/${code}`;

describeEachStore("register sync", (factory) => {
  let sv: Samverkan;
  let server: ReplayServer | undefined;

  beforeAll(async () => {
    sv = createSamverkan({ store: await factory.open(), clock: () => new Date("2026-11-25T08:00:00Z") });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(async () => {
    await sv.store.close();
    await factory.cleanup();
  });

  async function client(
    options: { faults?: Fault[]; organizers?: FixtureOrganizer[]; units?: FixtureUnit[]; retries?: number; onRequest?: (r: RecordedRequest) => void } = {},
  ) {
    server = await startReplayServer({
      exchanges: registerExchanges(options.organizers ?? organizers, options.units ?? units),
      faults: options.faults ?? [],
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
    return createSkolenhetsregistretClient({ baseUrl: `${server.url}${REGISTER_PREFIX}`, retries: options.retries ?? 1, backoffLimitMs: 10 });
  }

  it("merges into rows an import made: same organizer id by organisation number, same unit by code", async () => {
    await sv.municipalities.upsert([{ code: "2281", name: "Sundsvall", countyCode: "22" }], system);
    const imported = await sv.organizers.upsert({ organizationNumber: SUNDSVALL, name: "Sundsvall", type: "municipal", municipalityCode: "2281" }, system);
    await sv.schools.upsert({ code: "10000001", name: "Gamla namnet", municipalityCode: "2281", organizerId: imported.id, typesOfSchooling: ["gr"] }, system);

    // A 429 with Retry-After on the organizer list, and a unit that answers 500 through every retry.
    const seen: Array<{ path: string; at: number }> = [];
    const faults: Fault[] = [
      { match: (r) => r.path === `${REGISTER_PREFIX}/v2/organizers`, status: 429, headers: { "retry-after": "1" }, times: 1 },
      { match: unitPath("10000006"), status: 500, times: 100 },
    ];
    const progress: RegisterSyncProgress[] = [];
    const first = await sv.data.syncRegister(
      {
        client: await client({ faults, onRequest: (r) => void seen.push({ path: r.path, at: Date.now() }) }),
        onProgress: (p) => progress.push(p),
        batchSize: 2,
      },
      system,
    );
    const listCalls = seen.filter((r) => r.path === `${REGISTER_PREFIX}/v2/organizers`);
    expect(listCalls).toHaveLength(2);
    // Retry-After: 1 was honoured (ky waits the given seconds before the retry).
    expect(listCalls[1]!.at - listCalls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(first.failed).toEqual([{ code: "10000006", stage: "schoolUnit", reason: "Skolenhetsregistret answered HTTP 500" }]);
    expect(first.syncedAt).toBeNull();
    expect(first.listed).toEqual({ organizers: 6, schoolUnits: 7 });
    expect(first.organizers).toEqual({ new: 5, changed: 1, unchanged: 0, noLongerActive: 0 });
    expect(progress.at(-1)).toMatchObject({ phase: "schoolUnits", done: 7, total: 7 });
    // Unfinished: the population is not the register's yet.
    expect(await sv.data.registerStatus()).toBeNull();
    expect((await sv.coverage.compute()).goalSource).toBe("configured");

    const resumed = await sv.data.syncRegister({ client: await client() }, system);
    expect(resumed).toMatchObject({ runId: first.runId, resumed: true, skipped: { organizers: 6, schoolUnits: 6 }, failed: [] });
    expect(resumed.schoolUnits).toEqual({ new: 1, changed: 0, unchanged: 0, noLongerActive: 0 });
    const detailRequests = server!.requests.filter((r) => /\/v2\/(organizers|school-units)\/\d+$/.test(r.path)).map((r) => r.path.split("/").at(-1));
    expect(detailRequests).toEqual(["10000006"]);
    expect(resumed.syncedAt).toBe("2026-11-25T08:00:00.000Z");

    // Nothing duplicated: one row per organisation number and unit code; the imported ids stay.
    expect(await sv.counts()).toMatchObject({ organizers: 7, schoolUnits: 7 });
    const sundsvall = await sv.organizers.getByOrganisationNumber(SUNDSVALL);
    expect(sundsvall).toMatchObject({ id: imported.id, name: "Sundsvalls kommun", municipalityCode: "2281" });
    const school = await sv.schools.get("10000001");
    expect(school).toMatchObject({ organizerId: imported.id, name: "Sundsvalls högstadium", status: "active", typesOfSchooling: ["fklass", "gr"] });
  });

  it("stores status, legal and company status, seat and school types as the register gives them", async () => {
    const rows = await sv.store.db
      .selectFrom("organizers")
      .select([
        "organization_number",
        "status",
        "type",
        "register_type",
        "legal_entity_status",
        "company_status",
        "company_form",
        "municipality_code",
        "source",
      ])
      .execute();
    const by = new Map(rows.map((r) => [r.organization_number, r]));
    expect(by.get(SUNDSVALL)).toMatchObject({ status: "active", type: "municipal", register_type: "KOMMUN", company_form: "Kommuner", source: "register" });
    expect(by.get(CEASED_COMPANY)).toMatchObject({ status: "inactive", company_status: "EJ_LANGRE_AKTIV" });
    expect(by.get(LEFT_POPULATION)).toMatchObject({ status: "inactive", legal_entity_status: "EJ_LANGRE_INKLUDERAD" });
    expect(by.get(NO_SEAT)).toMatchObject({ status: "active", type: "independent", register_type: "HMANUTL", municipality_code: null });
    // Known only from a closed unit's `included` block: kept, inactive.
    expect(by.get(ONLY_IN_INCLUDED)).toMatchObject({ status: "inactive", type: "independent" });
    const statuses = Object.fromEntries((await sv.store.db.selectFrom("school_units").select(["code", "status"]).execute()).map((r) => [r.code, r.status]));
    expect(statuses).toMatchObject({ "10000001": "active", "10000003": "dormant", "10000004": "planned", "10000005": "closed" });
    expect(await sv.data.registerStatus()).toEqual({
      organizers: { active: 4, inactive: 3 },
      schoolUnits: { active: 4, inactive: 3 },
      syncedAt: "2026-11-25T08:00:00.000Z",
    });
  });

  it("is idempotent: the next run finds everything unchanged", async () => {
    const again = await sv.data.syncRegister({ client: await client() }, system);
    expect(again).toMatchObject({ resumed: false, failed: [] });
    expect(again.organizers).toEqual({ new: 0, changed: 0, unchanged: 6, noLongerActive: 0 });
    expect(again.schoolUnits).toEqual({ new: 0, changed: 0, unchanged: 7, noLongerActive: 0 });
    expect(await sv.counts()).toMatchObject({ organizers: 7, schoolUnits: 7 });
  });

  it("keeps an organizer and unit the register no longer lists, marked inactive and closed", async () => {
    const fewer = await sv.data.syncRegister(
      {
        client: await client({
          organizers: organizers.filter((o) => o.organizationNumber !== GONE_LATER),
          units: units.filter((u) => u.schoolUnitCode !== "10000006"),
        }),
      },
      system,
    );
    expect(fewer.organizers).toMatchObject({ new: 0, noLongerActive: 1 });
    expect(fewer.schoolUnits).toMatchObject({ new: 0, noLongerActive: 1 });
    expect(await sv.organizers.getByOrganisationNumber(GONE_LATER)).toBeDefined();
    expect((await sv.store.db.selectFrom("organizers").select("status").where("organization_number", "=", GONE_LATER).executeTakeFirstOrThrow()).status).toBe(
      "inactive",
    );
    expect((await sv.schools.get("10000006")).status).toBe("closed");
    expect(await sv.counts()).toMatchObject({ organizers: 7, schoolUnits: 7 });
  });

  it("a manually added organizer (preschool only) joins the population and survives the next sync", async () => {
    const added = await sv.organizers.add(
      { organizationNumber: organisationNumber("556777888"), name: "Förskolan Lyckan AB", municipalityCode: "2281" },
      system,
    );
    expect(added.outcome).toBe("added");
    const csv =
      "organisationsnummer;namn;typ;kommunkod\n" +
      `${organisationNumber("556777999")};Förskolan Solen AB;enskild;0180\n` +
      `${SUNDSVALL};Sundsvall;kommunal;2281\n` +
      "5560000000;Fel AB;enskild;0180\n";
    const imported = await sv.organizers.importCsv(csv, system);
    expect(imported).toMatchObject({ rows: 3, added: 1, inRegister: 1 });
    expect(imported.errors).toHaveLength(1);
    expect(imported.errors[0]!.line).toBe(4);
    await sv.data.syncRegister({ client: await client({ organizers: organizers.filter((o) => o.organizationNumber !== GONE_LATER) }) }, system);
    expect(await sv.data.registerStatus()).toMatchObject({ organizers: { active: 5, inactive: 4 } });
  });
});
