import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { loadExchanges, startReplayServer, type Fault, type RecordedExchange, type ReplayServer } from "@samverkan/replay-server";
import {
  createSkolverketClient,
  PLANNED_EDUCATIONS_V4_ACCEPT,
  SkolverketHttpError,
  SkolverketNetworkError,
  SkolverketNotFoundError,
  SkolverketResponseError,
  SkolverketTimeoutError,
  type ListedSchoolUnit,
  type SkolverketClientOptions,
} from "../../src/index";
import { isRequestError, SamverkanError, ValidationError } from "../../src/errors";

const fx = sharedFixture("skolverket/planned-educations-v4.jsonl");

const STOCKHOLM = { geographicalAreaCode: "0180", typeOfSchooling: "gr", schoolYears: 9 } as const;
const DETAILS_PATH = "/planned-educations/v4/school-units/16394249";

describe.skipIf(!fx.available)("Skolverket client against the replayed API", () => {
  let exchanges: RecordedExchange[] = [];
  let server: ReplayServer | undefined;

  beforeAll(async () => {
    exchanges = await loadExchanges(fx.path);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function setup(options: { faults?: Fault[]; latencyMs?: number } = {}, client: SkolverketClientOptions = {}) {
    server = await startReplayServer({ exchanges, ...options });
    return { server, client: createSkolverketClient({ baseUrl: `${server.url}/planned-educations`, ...client }) };
  }

  it("lists Stockholm's school units across all pages", async () => {
    const { server, client } = await setup();
    const first = await client.listSchoolUnits(STOCKHOLM);
    expect(first.page).toEqual({ number: 0, size: 50, totalElements: 155, totalPages: 4 });
    expect(first.hasNext).toBe(true);
    expect(first.items).toHaveLength(50);

    const all: ListedSchoolUnit[] = [];
    for await (const unit of client.iterateSchoolUnits(STOCKHOLM)) all.push(unit);
    expect(all).toHaveLength(first.page.totalElements);
    expect(new Set(all.map((unit) => unit.code)).size).toBe(155);
    expect(all.every((unit) => unit.municipalityCode === "0180")).toBe(true);
    // A real quirk: the filter matches year 9 in any type of schooling, so two units
    // offer year 9 only in anpassad grundskola (`gran`) and grundskola up to year 6.
    expect(all.every((unit) => unit.typesOfSchooling.some((type) => type.schoolYears.includes("9")))).toBe(true);
    const grade9 = all.filter((unit) => unit.typesOfSchooling.some((type) => type.code === "gr" && type.schoolYears.includes("9")));
    expect(grade9).toHaveLength(153);
    expect(new Set(all.map((unit) => unit.organizerType))).toEqual(new Set(["municipal", "independent"]));

    const listRequests = server.requests.filter((request) => request.path.endsWith("/v4/school-units"));
    expect(listRequests.map((request) => request.query.get("page"))).toEqual(["0", "0", "1", "2", "3"]);
    expect(server.requests.every((request) => request.outcome === "recorded")).toBe(true);
    expect(server.requests[0]?.headers.accept).toBe(PLANNED_EDUCATIONS_V4_ACCEPT);
  });

  it("stops after a single page", async () => {
    const { server, client } = await setup();
    const units: ListedSchoolUnit[] = [];
    for await (const unit of client.iterateSchoolUnits({ ...STOCKHOLM, geographicalAreaCode: "0114" })) units.push(unit);
    expect(units).toHaveLength(12);
    expect(units[0]).toEqual({
      code: "80509560",
      name: "Engelska skolan Upplands Väsby",
      municipalityCode: "0114",
      postCodeDistrict: "Upplands Väsby",
      typesOfSchooling: [
        { code: "fsk", name: "Förskoleklassen", schoolYears: ["0"] },
        { code: "gr", name: "Grundskolan", schoolYears: ["1", "2", "3", "4", "5", "6", "7", "8", "9"] },
      ],
      organizerType: "independent",
      organizerTypeRaw: "Fristående",
      abroadSchool: false,
      studentsPerTeacherQuota: null,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("gets a school unit's details", async () => {
    const { client } = await setup();
    expect(await client.getSchoolUnit("16394249")).toEqual({
      code: "16394249",
      name: "Ellen Key skolan",
      municipalityCode: "0180",
      countyCode: "01",
      organizer: {
        name: "STIFTELSEN ELLEN KEY SKOLAN",
        organisationNumber: "8152007970",
        type: "independent",
        typeRaw: "Fristående",
        companyForm: "Fristående",
      },
      typesOfSchooling: [
        { code: "fsk", name: "Förskoleklassen", schoolYears: ["0"] },
        { code: "gr", name: "Grundskolan", schoolYears: ["1", "2", "3", "4", "5", "6", "7", "8", "9"] },
      ],
      schoolOrientation: "WALDORF",
      contact: {
        email: "rektor@eks.se",
        web: "http://www.eks.se",
        telephone: "070-8334232",
        addresses: [{ type: "VISITING_ADDRESS", street: "Duvbovägen 94", zipCode: "16343", city: "Spånga" }],
      },
      coordinates: {
        wgs84: { latitude: 59.37804593913607, longitude: 17.91854553167672 },
        sweref99: { north: 6585784, east: 665801 },
      },
      abroadSchool: false,
    });
  });

  it("gets statistics with markers preserved and the API's valueType kept", async () => {
    const { client } = await setup();
    const stats = await client.getStatistics("16394249", "gr");
    expect(stats.schoolUnitCode).toBe("16394249");
    expect(stats.series).toHaveLength(20);
    const series = (metric: string) => stats.series.find((entry) => entry.metric === metric)?.values ?? [];

    expect(series("averageGradesMeritRating9thGrade")[0]).toEqual({
      timePeriod: "2024/25",
      value: { kind: "number", value: 262.3, raw: "262,3", valueType: "EXISTS" },
    });
    expect(series("ratioOfPupils9thGradeEligibleForNationalProgramYR")[0]?.value).toEqual({
      kind: "rounded",
      value: 100,
      raw: "~100",
      valueType: "ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE",
    });
    expect(series("averageResultNationalTestsSubjectSVE6thGrade")[0]?.value).toEqual({
      kind: "hidden",
      raw: "..",
      valueType: "OMITTED_DUE_TO_BASED_ON_FEW_PUPILS",
    });
    expect(series("averageResultNationalTestsSubjectSVA9thGrade")[0]?.value).toEqual({ kind: "missing", raw: ".", valueType: "MISSING" });
    expect(series("certifiedTeachersQuota")[0]?.value).toEqual({
      kind: "excluded",
      raw: "*",
      valueType: "TEACHERS_EXCLUDED_DUE_TO_NO_REQUIRED_LEGITIMATION",
    });
    expect(series("totalNumberOfPupils")).toEqual([
      { timePeriod: "2025/26", value: { kind: "approximate", value: 100, raw: "cirka 100", valueType: "EXISTS" } },
    ]);
    expect(series("ratioOfPupilsIn6thGradeWithAllSubjectsPassed")).toEqual([{ timePeriod: null, value: { kind: "missing", raw: "", valueType: "MISSING" } }]);
  });

  it("maps every recorded statistics value faithfully (no marker becomes a number)", async () => {
    const { client } = await setup({}, { concurrency: 8 });
    const statistics = exchanges.filter((exchange) => /\/statistics\/gr$/.test(exchange.url)).slice(0, 60);
    const kindsByValueType: Record<string, Set<string>> = {};
    await Promise.all(
      statistics.map(async (exchange) => {
        const code = /school-units\/(\d{8})\//.exec(exchange.url)?.[1] ?? "";
        const stats = await client.getStatistics(code, "gr");
        for (const { values } of stats.series) {
          for (const { value } of values) {
            const type = value.valueType ?? "";
            (kindsByValueType[type] ??= new Set()).add(value.kind);
            if (type !== "EXISTS" && type !== "ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE") expect("value" in value).toBe(false);
          }
        }
      }),
    );
    expect(Object.fromEntries(Object.entries(kindsByValueType).map(([type, kinds]) => [type, [...kinds].sort()]))).toEqual({
      EXISTS: ["approximate", "number"],
      MISSING: ["missing"],
      OMITTED_DUE_TO_BASED_ON_FEW_PUPILS: ["hidden"],
      ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE: ["rounded"],
      TEACHERS_EXCLUDED_DUE_TO_NO_REQUIRED_LEGITIMATION: ["excluded"],
    });
  });

  it("lists compact school units (the API ignores municipalityCode)", async () => {
    const { client } = await setup();
    const page = await client.listCompactSchoolUnits({ municipalityCode: "0136", schoolType: "GR", page: 1 });
    expect(page.page).toEqual({ number: 1, size: 50, totalElements: 6615, totalPages: 133 });
    expect(page.items).toHaveLength(50);
    expect(page.hasNext).toBe(true);
    expect(page.items[0]?.code).toMatch(/^\d{8}$/);
  });

  it("retries once after 429 with Retry-After, waiting as told", async () => {
    const { server, client } = await setup({
      faults: [{ match: (request) => request.path === DETAILS_PATH, status: 429, headers: { "retry-after": "1" }, times: 1 }],
    });
    const started = Date.now();
    const unit = await client.getSchoolUnit("16394249");
    expect(unit.name).toBe("Ellen Key skolan");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests.map((request) => [request.status, request.outcome])).toEqual([
      [429, "fault"],
      [200, "recorded"],
    ]);
  });

  it("caps a long Retry-After at maxRetryAfterMs", async () => {
    const { server, client } = await setup(
      { faults: [{ match: () => true, status: 429, headers: { "retry-after": "3600" }, times: 1 }] },
      { maxRetryAfterMs: 50 },
    );
    const started = Date.now();
    await client.getSchoolUnit("16394249");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(2);
  });

  it("retries after a 500", async () => {
    const { server, client } = await setup({ faults: [{ match: () => true, status: 500, times: 1 }] });
    await expect(client.getSchoolUnit("16394249")).resolves.toMatchObject({ code: "16394249" });
    expect(server.requests.map((request) => request.status)).toEqual([500, 200]);
  });

  it("gives up after the configured retries with a SkolverketHttpError", async () => {
    const { server, client } = await setup({ faults: [{ match: () => true, status: 503, times: 10 }] }, { retries: 2, backoffLimitMs: 10 });
    const error = await client.getSchoolUnit("16394249").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SkolverketHttpError);
    // One error root: a Skolverket error is a SamverkanError with a code and both languages.
    expect(error).toBeInstanceOf(SamverkanError);
    expect(error).toMatchObject({ code: "skolverket_http", status: 503, url: `${server.url}${DETAILS_PATH}` });
    expect((error as SamverkanError).localized("sv")).toBe(`Skolverkets API svarade HTTP 503 för ${server.url}${DETAILS_PATH}`);
    expect(isRequestError(error)).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it("turns a body of the wrong shape into a SkolverketResponseError naming the field and URL", async () => {
    const recorded = exchanges.find((exchange) => exchange.url === DETAILS_PATH);
    const body = structuredClone(recorded?.body) as { body: { code: unknown } };
    body.body.code = 16394249;
    const { server, client } = await setup({ faults: [{ match: () => true, status: 200, body, times: 1 }] });
    const error = await client.getSchoolUnit("16394249").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SkolverketResponseError);
    expect(error).toMatchObject({ code: "skolverket_invalid_response", issues: [{ path: "body.code" }] });
    expect((error as Error).message).toBe(`Unexpected response from ${server.url}${DETAILS_PATH}: body.code: Invalid input: expected string, received number`);
  });

  it("names a nested field in a listing", async () => {
    const recorded = exchanges.find((exchange) => exchange.url.includes("geographicalAreaCode=0114"));
    const body = structuredClone(recorded?.body) as { body: { _embedded: { listedSchoolUnits: Array<{ code: unknown }> } } };
    const third = body.body._embedded.listedSchoolUnits[3];
    if (third) third.code = "123";
    const { client } = await setup({ faults: [{ match: () => true, status: 200, body, times: 1 }] });
    await expect(client.listSchoolUnits({ ...STOCKHOLM, geographicalAreaCode: "0114" })).rejects.toThrow(
      /body\._embedded\.listedSchoolUnits\[3\]\.code: expected an 8-digit school unit code/,
    );
  });

  it("treats a body that is not JSON as a SkolverketResponseError", async () => {
    const client = createSkolverketClient({
      baseUrl: "http://skolverket.test/planned-educations",
      fetch: async () => new Response("<html>maintenance</html>", { status: 200, headers: { "content-type": "text/html" } }),
    });
    await expect(client.getSchoolUnit("16394249")).rejects.toMatchObject({
      code: "skolverket_invalid_response",
      issues: [{ path: "(body)", message: "not valid JSON" }],
    });
  });

  it("throws SkolverketNotFoundError for an unknown unit, without retrying", async () => {
    const { server, client } = await setup();
    const error = await client.getSchoolUnit("99999999").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SkolverketNotFoundError);
    expect(error).toBeInstanceOf(SkolverketHttpError);
    expect(error).toMatchObject({ code: "skolverket_not_found", status: 404 });
    expect(server.requests).toHaveLength(1);
    await expect(client.getStatistics("99999999", "gr")).rejects.toBeInstanceOf(SkolverketNotFoundError);
  });

  it("rejects a malformed school unit code before any request", async () => {
    const { server, client } = await setup();
    const error = await client.getSchoolUnit("1234").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: "validation", issues: [{ field: "code" }] });
    expect((error as ValidationError).localized("sv")).toBe('En skolenhetskod har 8 siffror, fick "1234"');
    expect(server.requests).toHaveLength(0);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const { server, client } = await setup({ latencyMs: 25 }, { concurrency: 3 });
    const codes = exchanges
      .filter((exchange) => /\/school-units\/\d{8}$/.test(exchange.url))
      .slice(0, 15)
      .map((exchange) => exchange.url.slice(-8));
    const units = await Promise.all(codes.map((code) => client.getSchoolUnit(code)));
    expect(units.map((unit) => unit.code)).toEqual(codes);
    expect(server.requests).toHaveLength(15);
    expect(server.stats.maxInFlight).toBe(3);
  });

  it("times out a request that takes too long", async () => {
    const { client } = await setup({ latencyMs: 500 }, { timeoutMs: 100, retries: 0 });
    const error = await client.getSchoolUnit("16394249").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SkolverketTimeoutError);
    expect(error).toMatchObject({ code: "skolverket_timeout" });
  });

  it("reports a server that cannot be reached", async () => {
    const { server } = await setup();
    const url = server.url;
    await server.close();
    const client = createSkolverketClient({ baseUrl: `${url}/planned-educations`, retries: 0 });
    const error = await client.getSchoolUnit("16394249").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SkolverketNetworkError);
    expect(error).toMatchObject({ code: "skolverket_network", url: `${url}${DETAILS_PATH}` });
  });
});

describe("client configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("takes the base URL from its options, else the public API, and ignores the environment", () => {
    vi.stubEnv("SKOLVERKET_API_URL", "http://127.0.0.1:9999/planned-educations/");
    expect(createSkolverketClient({ baseUrl: "http://127.0.0.1:9999/planned-educations/" }).baseUrl).toBe("http://127.0.0.1:9999/planned-educations");
    expect(createSkolverketClient().baseUrl).toBe("https://api.skolverket.se/planned-educations");
    expect(createSkolverketClient({ baseUrl: "http://x.test/pe" }).baseUrl).toBe("http://x.test/pe");
  });

  it("sends the v4 Accept header and the user agent through a custom fetch", async () => {
    const seen: Request[] = [];
    const client = createSkolverketClient({
      baseUrl: "http://skolverket.test/planned-educations",
      userAgent: "samverkan-test/1.0",
      fetch: async (input, init) => {
        seen.push(new Request(input, init));
        return new Response(JSON.stringify({ status: "OK", message: "Success", body: { page: { size: 50, totalElements: 0, totalPages: 0, number: 0 } } }));
      },
    });
    const page = await client.listSchoolUnits({ geographicalAreaCode: "0180", schoolYears: [7, 8, 9] });
    expect(page).toEqual({ items: [], page: { size: 50, totalElements: 0, totalPages: 0, number: 0 }, hasNext: false });
    const request = seen[0];
    expect(request?.headers.get("accept")).toBe(PLANNED_EDUCATIONS_V4_ACCEPT);
    expect(request?.headers.get("user-agent")).toBe("samverkan-test/1.0");
    const url = new URL(request?.url ?? "");
    expect(url.pathname).toBe("/planned-educations/v4/school-units");
    expect(url.searchParams.getAll("schoolYears")).toEqual(["7", "8", "9"]);
    expect(url.searchParams.get("coordinateSystemType")).toBe("WGS84");
  });
});
