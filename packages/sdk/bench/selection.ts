import { createSamverkan, type Store } from "../src/index";
import { random, seedNationalSchools } from "./national-seed";
import { ms, percentile, timeEachWithCpu } from "./stats";

export interface SelectionBenchRow {
  store: string;
  operation: string;
  iterations: number;
  p50: number;
  p95: number;
  max: number;
  /** This process's CPU time per call (user + system), unaffected by waiting for a core. */
  cpuP50: number;
  cpuP95: number;
}

const NOW = new Date("2026-11-23T08:00:00+01:00");

/**
 * `selection.candidates()` with every criterion (merit value, all subjects passed, eligible
 * for a vocational programme, exam within three years weighted over programmes, SALSA
 * residual) over Sweden: 12,000 units, three school years, ~190,000 result rows.
 */
export async function runSelectionBenchmark(label: string, store: Store, iterations = 60): Promise<SelectionBenchRow[]> {
  const seedStart = performance.now();
  const created = NOW.getTime() - 86_400_000;
  await store.db.transaction().execute((trx) => seedNationalSchools(trx, random(7), { createdAt: created, results: "all" }));
  const rowsSeeded = await store.db
    .selectFrom("school_results")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const clock = () => NOW;
  const sv = createSamverkan({ store, clock });
  const once = await sv.selection.candidates({});
  console.error(
    `${label}: seeded ${Number(rowsSeeded.n)} results in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; ` +
      `national: ${once.candidateCount} candidates, ${once.notAssessable.length} not assessable, ${once.assessed} assessed; criteria ${once.criteria.map((c) => `${c.id}@${c.schoolYear}:${c.assessedUnits}`).join(", ")}`,
  );
  const row = (operation: string, { wall, cpu }: { wall: number[]; cpu: number[] }): SelectionBenchRow => ({
    store: label,
    operation,
    iterations: wall.length,
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    max: Math.max(...wall),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
  });
  const rows: SelectionBenchRow[] = [];
  for (let i = 0; i < 5; i++) await sv.selection.candidates({});
  // The same question again (a digest, the organizer card): answered from the kept answer.
  rows.push(row("national, all criteria", await timeEachWithCpu(iterations, () => sv.selection.candidates({}))));
  rows.push(row("county 22, all criteria", await timeEachWithCpu(iterations, () => sv.selection.candidates({ county: "22" }))));
  // A question not asked since the import: assessed afresh from the figures computed at the import.
  rows.push(
    row(
      "national, new thresholds each call (assessed from the kept figures)",
      await timeEachWithCpu(Math.ceil(iterations / 2), (i) => sv.selection.candidates({ criteria: { meritValue: 195 + i / 10, completionRate: 75 } })),
    ),
  );
  // Another SDK instance on the same store in this process: the kept figures are shared per store.
  rows.push(
    row(
      "national, another SDK instance in the process (kept figures are per store)",
      await timeEachWithCpu(Math.ceil(iterations / 3), () => createSamverkan({ store, clock }).selection.candidates({})),
    ),
  );
  // An import changed a result: the first call recomputes the national figures.
  rows.push(
    row(
      "national, first call after an import (figures recomputed)",
      await timeEachWithCpu(Math.ceil(iterations / 4), async (i) => {
        await store.db
          .updateTable("school_results")
          .set({ value: 200 + i, raw: String(200 + i) })
          .where("school_unit_code", "=", "10000000")
          .where("metric", "=", "meritValue")
          .execute();
        await sv.selection.candidates({});
      }),
    ),
  );
  return rows;
}

export function selectionTable(rows: SelectionBenchRow[]): string {
  return [
    "| store | operation | n | p50 (ms) | p95 (ms) | max (ms) | CPU p50 / p95 (ms) | p95 < 150 ms |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(
      (r) =>
        `| ${r.store} | ${r.operation} | ${r.iterations} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${ms(r.cpuP50)} / ${ms(r.cpuP95)} | ${r.p95 < 150 ? "yes" : "**no**"} |`,
    ),
  ].join("\n");
}
