import { readFileSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReplayServer, type ReplayServer } from "@samverkan/replay-server";
import { sharedDir } from "@samverkan/vitest-config/helpers";
import { createSkolverketClient, type SkolverketClient } from "../../src/index";

/** The spec's own examples, served as the API's answers: built from the specification, never fetched. */
const specPath = resolve(sharedDir, "reference/skolverket/planned-educations-v4.openapi.json");
const available = existsSync(specPath);
if (!available && process.env.CI === "true") throw new Error(`CI requires the reference spec at ${specPath}`);

type Spec = { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { example?: unknown }> }> } }> };
const example = (spec: Spec, path: string): unknown => Object.values(spec.paths[path]!.get.responses["200"]!.content)[0]!.example;

describe.skipIf(!available)("Planned Educations v4: statistics/gy, national values, SALSA and documents from the spec's examples", () => {
  let server: ReplayServer;
  let client: SkolverketClient;
  beforeAll(async () => {
    const spec = JSON.parse(readFileSync(specPath, "utf8")) as Spec;
    const get = (url: string, path: string) => ({ method: "GET", url: `/planned-educations${url}`, status: 200, body: example(spec, path) });
    server = await startReplayServer({
      exchanges: [
        get("/v4/school-units/49862313/statistics/gy", "/v4/school-units/{schoolUnitCode}/statistics/gy"),
        get("/v4/statistics/national-values/gy/EK", "/v4/statistics/national-values/gy/{programCode}"),
        get("/v4/statistics/all-schools/salsa", "/v4/statistics/all-schools/salsa"),
        get("/v4/school-units/76026322/documents", "/v4/school-units/{schoolUnitCode}/documents"),
      ],
    });
    client = createSkolverketClient({ baseUrl: `${server.url}/planned-educations`, retries: 0 });
  });
  afterAll(() => server.close());

  it("reads completion per programme, keeping markers typed (`.` is missing, never 0)", async () => {
    const gy = await client.getUpperSecondaryStatistics("49862313");
    expect(gy.programmes.map((p) => p.programCode)).toEqual(["EK", "IMA", "IMS", "IMV", "NA", "SA", "TE"]);
    const exam = (code: string) => gy.programmes.find((p) => p.programCode === code)!.series.find((s) => s.metric === "ratioOfPupilsWithExamWithin3Years")!;
    expect(exam("EK").values[0]).toEqual({ timePeriod: "2021/22", value: { kind: "number", value: 72.9, raw: "72,9", valueType: "EXISTS" } });
    expect(exam("IMS").values[0]!.value).toEqual({ kind: "missing", raw: ".", valueType: "MISSING" });
    expect(exam("IMA").values).toEqual([]);
    const pupils = gy.programmes[0]!.series.find((s) => s.metric === "totalNumberOfPupils")!;
    expect(pupils.values[0]!.value).toMatchObject({ kind: "approximate", value: 270 });
  });

  it("reads national values per programme", async () => {
    const series = await client.getNationalProgrammeValues("EK");
    expect(series.find((s) => s.metric === "ratioOfPupilsWithExamWithin3Years")!.values[0]).toMatchObject({
      timePeriod: "2020/21",
      value: { kind: "number", value: 84.6 },
    });
  });

  it("reads SALSA for all units at once, the residual as a signed number", async () => {
    const salsa = await client.getSalsa();
    expect(salsa.timePeriod).toBe("2022/23");
    const first = salsa.units.find((u) => u.schoolUnitCode === "68613823")!;
    expect(first.values.salsaAverageGradesIn9thGradeDeviation).toEqual({ kind: "number", value: -20, raw: "-20", valueType: "EXISTS" });
    expect(first.values.salsaParentsEducation).toMatchObject({ kind: "number", value: 2.4 });
  });

  it("lists Skolinspektionen's documents with their school term", async () => {
    const documents = await client.getDocuments("76026322");
    expect(documents.length).toBeGreaterThan(2);
    expect(documents[0]).toMatchObject({ schoolForm: "fsk", typeId: "SCHOOL_SURVEY", period: "VT22", sortKey: "2022-01-01" });
    expect(documents[0]!.url).toMatch(/^https:\/\//);
  });
});
