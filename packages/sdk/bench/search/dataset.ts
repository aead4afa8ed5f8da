import { sharedFixture } from "@samverkan/vitest-config/helpers";
import type { SchoolSearchDoc } from "../../src/search";
import { loadSchoolUnitRows, schoolDocFromRow } from "./load-docs";
import { scaleSchoolDocs } from "./synthetic";

export const STATISTICS_FIXTURE = "skolverket/slutbetyg-ak9-2025-skolenhet.csv";
export const BENCHMARK_UNITS = 12_000;

/** The real units of the shared statistics export, or why they are not available. */
export function realSchoolDocs(): { docs: SchoolSearchDoc[] } | { docs: undefined; reason: string } {
  const fixture = sharedFixture(STATISTICS_FIXTURE);
  if (!fixture.available) return { docs: undefined, reason: fixture.reason };
  return { docs: loadSchoolUnitRows(fixture.path).map(schoolDocFromRow) };
}

/** The real units scaled with synthetic ones to `total` (12,000 by default). */
export function benchmarkSchoolDocs(total = BENCHMARK_UNITS): { real: SchoolSearchDoc[]; all: SchoolSearchDoc[] } {
  const real = realSchoolDocs();
  if (real.docs === undefined) throw new Error(`Cannot run the search benchmark: ${real.reason}`);
  return { real: real.docs, all: scaleSchoolDocs(real.docs, total) };
}
