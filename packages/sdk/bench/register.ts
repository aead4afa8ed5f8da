/**
 * Register sync at national scale: 3,000 organizers and 12,000 school units served by the
 * replay server on loopback (15,002 spec-shaped exchanges), into a fresh store.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startReplayServer } from "@samverkan/replay-server";
import { createSamverkan, createSkolenhetsregistretClient, type Store } from "../src/index";
import { REGISTER_PREFIX, registerExchanges, syntheticRegister } from "../test/support/register-fixture";

export interface RegisterBenchRow {
  store: string;
  run: string;
  seconds: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  organizers: string;
  units: string;
}

const MiB = 1024 * 1024;

function sampler() {
  let rss = 0;
  let heap = 0;
  // process.memoryUsage() walks the heap spaces; rss() alone is cheap enough to sample often.
  let ticks = 0;
  const take = () => {
    rss = Math.max(rss, process.memoryUsage.rss());
    if (ticks++ % 10 === 0) heap = Math.max(heap, process.memoryUsage().heapUsed);
  };
  take();
  const timer = setInterval(take, 50);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { rss: rss / MiB, heap: heap / MiB };
    },
  };
}

export async function runRegisterBenchmark(label: string, open: () => Promise<Store>): Promise<RegisterBenchRow[]> {
  const { organizers, units } = syntheticRegister(Number(process.env.BENCH_ORGS ?? 3000), Number(process.env.BENCH_UNITS ?? 12000));
  const server = await startReplayServer({ exchanges: registerExchanges(organizers, units) });
  const store = await open();
  const sv = createSamverkan({ store });
  const client = createSkolenhetsregistretClient({ baseUrl: `${server.url}${REGISTER_PREFIX}`, concurrency: 8 });
  const rows: RegisterBenchRow[] = [];
  try {
    for (const run of ["first (all new)", "second (all unchanged)"]) {
      global.gc?.();
      const memory = sampler();
      const started = performance.now();
      const summary = await sv.data.syncRegister({ client, concurrency: 16 }, { actor: { system: "bench" }, channel: "cli" });
      const seconds = (performance.now() - started) / 1000;
      const peak = memory.stop();
      if (summary.failed.length > 0) throw new Error(`register sync failed: ${JSON.stringify(summary.failed.slice(0, 3))}`);
      const o = summary.organizers;
      const u = summary.schoolUnits;
      rows.push({
        store: label,
        run,
        seconds,
        peakRssMiB: peak.rss,
        peakHeapMiB: peak.heap,
        organizers: `${o.new} new, ${o.changed} changed, ${o.unchanged} unchanged`,
        units: `${u.new} new, ${u.changed} changed, ${u.unchanged} unchanged`,
      });
    }
  } finally {
    await store.close();
    await server.close();
  }
  return rows;
}

export function registerTable(rows: readonly RegisterBenchRow[]): string {
  const lines = ["| store | run | time (s) | peak RSS (MiB) | peak heap (MiB) | organizers | units |", "| --- | --- | ---: | ---: | ---: | --- | --- |"];
  for (const r of rows)
    lines.push(`| ${r.store} | ${r.run} | ${r.seconds.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${r.peakHeapMiB.toFixed(0)} | ${r.organizers} | ${r.units} |`);
  return lines.join("\n");
}

export function tempSqliteFile(): { file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-bench-"));
  return { file: join(dir, "bench.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
