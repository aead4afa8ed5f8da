/**
 * Digest build time at national scale: 2,800 organizers, 12,000 school units (with
 * 48,000 result rows for the selection), 10,000 dialogues and 50,000 progress entries, on
 * SQLite (a WAL file, as in production) and PostgreSQL. Seeds with bulk inserts through
 * Kysely, then times `buildDigest` (all queries plus the card model). Prints markdown.
 *
 *   cd packages/chat && ../sdk/node_modules/.bin/tsx --conditions=@samverkan/source bench/digest.ts
 *
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) picks the server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createSamverkan, type DigestScope, type Store } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { createPostgresStore } from "@samverkan/sdk/postgres";
import { buildDigest } from "../src/digest/content";
import { checkSlackLimits, renderAdaptiveCard, renderSlack } from "../src/cards/index";
import { ASSIGNMENTS, DAY, DIALOGUES, NOW, ORGANIZERS, PROGRESS, SCHOOL_UNITS, seed } from "./digest-seed";

const ITERATIONS = 60;
const WARMUP = 5;
/** Builds that recompute the selection are slow; fewer samples. */
const COLD_ITERATIONS = 15;

interface Row {
  store: string;
  scope: string;
  p50: number;
  p95: number;
  max: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function timed(iterations: number, build: () => Promise<unknown>): Promise<Omit<Row, "store" | "scope">> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await build();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

async function measure(label: string, store: Store): Promise<Row[]> {
  const seedStart = performance.now();
  await seed(store);
  const seedMs = performance.now() - seedStart;
  const sv = createSamverkan({ store, clock: () => NOW });
  const since = new Date(NOW.getTime() - 7 * DAY);
  // A subscription's usual case: the previous digest's flagged set is known (empty here, so every flagged unit counts as new).
  const request = (scope: DigestScope) => ({ scope, locale: "sv" as const, since, now: NOW, previousFlagged: [] });
  const scopes: Array<[string, DigestScope]> = [
    ["national (country)", { kind: "country" }],
    ["office (Göteborg: 2 counties)", { kind: "office", officeId: "goteborg" }],
    ["county 22", { kind: "counties", counties: ["22"] }],
  ];
  const rows: Row[] = [];
  for (const [name, scope] of scopes) {
    const once = await buildDigest(sv, request(scope));
    // The benchmark's digest must be postable too.
    const problems = checkSlackLimits(renderSlack(once.message));
    if (problems.length > 0) throw new Error(`Slack limits: ${problems.join("; ")}`);
    renderAdaptiveCard(once.message);
    for (let i = 0; i < WARMUP; i++) await buildDigest(sv, request(scope));
    rows.push({ store: label, scope: name, ...(await timed(ITERATIONS, () => buildDigest(sv, request(scope)))) });
    if (name.startsWith("national")) {
      const d = once.data;
      console.error(
        `${label}: seeded in ${(seedMs / 1000).toFixed(1)} s; national digest: upcoming ${d.upcoming.total}, held ${d.held.total}, ` +
          `stale ${d.stale.total}, phase changes ${d.phaseChanges.total}, flagged ${d.flagged.current}, coverage ${d.coverage.met}/${d.coverage.goal}`,
      );
    }
  }
  // First build after a data import: a fresh SDK instance has no selection result to reuse.
  const fresh = () => buildDigest(createSamverkan({ store, clock: () => NOW }), request({ kind: "country" }));
  rows.push({ store: label, scope: "national, selection recomputed (first build after an import)", ...(await timed(COLD_ITERATIONS, fresh)) });
  rows.push({ store: label, scope: "`sv.selection.candidates()` alone, national", ...(await timed(COLD_ITERATIONS, () => sv.selection.candidates({}))) });
  return rows;
}

const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), "samverkan-digest-bench-"));
try {
  const sqlite = await createSqliteStore({ file: join(dir, "bench.db") });
  rows.push(...(await measure("SQLite (WAL file)", sqlite)));
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `digest_bench_${process.pid}`;
let postgres: Store | undefined;
try {
  postgres = await createPostgresStore({ connectionString: pgUrl, schema });
  rows.push(...(await measure("PostgreSQL 127.0.0.1", postgres)));
} catch (error) {
  console.error(`PostgreSQL skipped: ${(error as Error).message}`);
} finally {
  await postgres?.db.schema
    .dropSchema(schema)
    .ifExists()
    .cascade()
    .execute()
    .catch(() => undefined);
  await postgres?.close();
}

const ms = (n: number) => n.toFixed(1);
const n = (x: number) => x.toLocaleString("en");
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log(
  `Data: ${n(ORGANIZERS)} organizers, ${n(SCHOOL_UNITS)} school units (4 result rows each), ${n(DIALOGUES)} dialogues, ` +
    `${n(ASSIGNMENTS)} assignments, ${n(PROGRESS)} progress entries; ${ITERATIONS} timed builds after ${WARMUP} warm-up (${COLD_ITERATIONS} for the selection rows).\n`,
);
console.log("| store | scope | p50 (ms) | p95 (ms) | max (ms) | p95 < 200 ms |");
console.log("| --- | --- | ---: | ---: | ---: | --- |");
for (const r of rows) console.log(`| ${r.store} | ${r.scope} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.p95 < 200 ? "yes" : "**no**"} |`);
