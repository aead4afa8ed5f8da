/**
 * `pnpm bench` in packages/sdk: booking and conflict checking with 50,000 existing
 * dialogues on SQLite and PostgreSQL, then the school-search comparison. Prints markdown.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createSqliteStore } from "../src/sqlite";
import { createPostgresStore } from "../src/postgres";
import { bookingTable, runBookingBenchmark, type BookingBenchRow } from "./booking";
import { runMultiProcessBooking } from "./booking-processes";
import { markdownTable, runSearchBenchmark } from "./search/run";

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`# @samverkan/sdk benchmarks\n\nMachine: ${machine}\n`);

const rows: BookingBenchRow[] = [];
const sqlite = await createSqliteStore({ file: ":memory:" });
rows.push(...(await runBookingBenchmark("SQLite (in-memory, WAL n/a)", sqlite)));
await sqlite.close();

// A file on disk in WAL mode, as deployed; then two processes booking on it at once.
const dir = mkdtempSync(join(tmpdir(), "samverkan-bench-"));
try {
  const file = join(dir, "bench.db");
  const onDisk = await createSqliteStore({ file });
  rows.push(...(await runBookingBenchmark("SQLite (file, WAL)", onDisk)));
  await onDisk.close();
  rows.push(...(await runMultiProcessBooking("SQLite (file, WAL)", file, 2, 250)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `bench_${process.pid}`;
try {
  const store = await createPostgresStore({ connectionString: pgUrl, schema });
  rows.push(...(await runBookingBenchmark("PostgreSQL 127.0.0.1", store)));
  await store.close();
} catch (error) {
  console.log(`PostgreSQL skipped: ${(error as Error).message}`);
} finally {
  const client = new pg.Client({ connectionString: pgUrl });
  await client
    .connect()
    .then(() => client.query(`drop schema if exists ${schema} cascade`))
    .catch(() => undefined);
  await client.end().catch(() => undefined);
}
console.log("## Booking and conflict checking (50,000 existing dialogues)\n");
console.log(bookingTable(rows));
if (process.argv.includes("--booking-only")) process.exit(0);

// Fuse.js takes minutes over 12,000 units; `--skip-fuse` keeps the run short.
const result = await runSearchBenchmark({ skipFuse: process.argv.includes("--skip-fuse") });
console.log("\n## School search (12,000 units, labelled queries)\n");
console.log(markdownTable(result));
