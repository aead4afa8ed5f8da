/**
 * `pnpm bench` in packages/sdk: booking and conflict checking with 50,000 existing
 * dialogues on SQLite and PostgreSQL, then the school-search comparison. Prints markdown.
 */
import { cpus } from "node:os";
import pg from "pg";
import { createSqliteStore } from "../src/sqlite";
import { createPostgresStore } from "../src/postgres";
import { bookingTable, runBookingBenchmark, type BookingBenchRow } from "./booking";
import { markdownTable, runSearchBenchmark } from "./search/run";

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`# @samverkan/sdk benchmarks\n\nMachine: ${machine}\n`);

const rows: BookingBenchRow[] = [];
const sqlite = await createSqliteStore({ file: ":memory:" });
rows.push(...(await runBookingBenchmark("SQLite (in-memory, WAL n/a)", sqlite)));
await sqlite.close();

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
  await client.connect().then(() => client.query(`drop schema if exists ${schema} cascade`)).catch(() => undefined);
  await client.end().catch(() => undefined);
}
console.log("## Booking and conflict checking (50,000 existing dialogues)\n");
console.log(bookingTable(rows));

// Fuse.js takes minutes over 12,000 units; `--skip-fuse` keeps the run short.
const result = await runSearchBenchmark({ skipFuse: process.argv.includes("--skip-fuse") });
console.log("\n## School search (12,000 units, labelled queries)\n");
console.log(markdownTable(result));
