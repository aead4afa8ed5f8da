import { readFileSync } from "node:fs";
import { sharedFixture } from "@samverkan/vitest-config/helpers";

/** Real data, read from ../shared (never copied in). */
export const exportFixture = sharedFixture("skolverket/slutbetyg-ak9-2025-skolenhet.csv");
export const recordingFixture = sharedFixture("skolverket/planned-educations-v4.jsonl");

export const readExport = (): string => readFileSync(exportFixture.path, "utf8");

export const systemImport = { actor: { system: "import" }, channel: "cli" } as const;

const HEADER =
  "Skola;Skol-enhetskod;Skolkommun;Kommun-kod;Typ av huvudman;Huvudman;Huvudman orgnr;Antal elever;" +
  "Andel (%) elever som uppfyllt betygskriterierna i alla ämnen;Andel (%) elever behöriga till yrkesprog.;Genomsnittligt meritvärde (17 ämnen)";

/**
 * A small export in Skolverket's layout: BOM, five preamble lines, the header on line 6,
 * so the first data row is line 7.
 */
export function syntheticExport(rows: readonly string[], schoolYear = "2024/25"): string {
  return [
    "\uFEFFStatistik från Skolverket, https://www.skolverket.se;;;;;;;;;;",
    ";;;;;;;;;;",
    "Grundskola - Slutbetyg årskurs 9, samtliga elever;;;;;;;;;;",
    `Valt läsår: ${schoolYear};;;;;;;;;;`,
    ";;;;;;;;;;",
    HEADER,
    ...rows,
    ";;;;;;;;;;",
    "Notes follow the blank row;;;;;;;;;;",
  ].join("\n");
}
