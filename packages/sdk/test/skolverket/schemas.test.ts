import { describe, expect, it } from "vitest";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import * as skolverketSchemas from "../../src/skolverket/schemas";
import { endpointOf, readRecording, type EndpointKind } from "./recording";

const fx = sharedFixture("skolverket/planned-educations-v4.jsonl");

const SCHEMAS = {
  list: skolverketSchemas.schoolUnitListSchema,
  details: skolverketSchemas.schoolUnitDetailsSchema,
  statistics: skolverketSchemas.schoolUnitStatisticsSchema,
  compact: skolverketSchemas.compactSchoolUnitListSchema,
} as const;

describe.skipIf(!fx.available)("schemas accept every recorded response", () => {
  it("parses all 1,218 recorded bodies with the schema of their endpoint", () => {
    const recording = readRecording(fx.path);
    expect(recording).toHaveLength(1218);
    const counts: Partial<Record<EndpointKind, number>> = {};
    const failures: string[] = [];
    for (const exchange of recording) {
      const kind = endpointOf(exchange.url);
      if (kind === undefined) {
        failures.push(`${exchange.url}: no schema for this endpoint`);
        continue;
      }
      counts[kind] = (counts[kind] ?? 0) + 1;
      const parsed = SCHEMAS[kind].safeParse(exchange.body);
      if (!parsed.success) failures.push(`${exchange.url}: ${parsed.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(counts).toEqual({ list: 18, details: 288, statistics: 892, compact: 20 });
  });

  it("rejects a body of the wrong shape, naming the field", () => {
    const result = SCHEMAS.details.safeParse({ status: "OK", message: "Success", body: { code: 10035236, name: "x", geographicalAreaCode: "0136" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["body", "code"]);
  });
});
