import { readFileSync } from "node:fs";
import { createSamverkan, type Samverkan } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { KARIN } from "../test/support/world";

/**
 * The benchmark's data: Skolverket's real statistics export (≈1,700 school units with their
 * organizers) imported through the SDK into a SQLite store (in memory unless a file is
 * given), and Karin linked to Slack so every request is a full, registered user's search.
 */
export async function buildBenchWorld(file = ":memory:"): Promise<Samverkan> {
  const store = await createSqliteStore({ file });
  const sv = createSamverkan({ store });
  const system = { actor: { system: "bench" }, channel: "system" } as const;
  const csv = sharedFixture("skolverket/slutbetyg-ak9-2025-skolenhet.csv");
  if (!csv.available) throw new Error(csv.reason);
  await sv.data.importStatisticsExport(readFileSync(csv.path, "utf8"), system, { source: "slutbetyg-ak9-2025-skolenhet.csv" });
  await sv.staff.create(
    { name: "Karin Lind", email: "karin.lind@spsm.se", agency: "spsm", role: "advisor", homeOfficeId: "solna", identities: [{ platform: "slack", ...KARIN }] },
    system,
  );
  return sv;
}

/** The same world in a SQLite file, closed again: for the built app to open (SAMVERKAN_DB). */
export async function seedBenchFile(file: string): Promise<void> {
  const sv = await buildBenchWorld(file);
  await sv.store.close();
}
