/**
 * `pnpm bench:selection [sqlite|postgres|both] [iterations]` in packages/sdk: `selection.candidates()` nationally with every criterion, SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createSqliteStore } from "../src/sqlite";
import { createPostgresStore } from "../src/postgres";
import { runSelectionBenchmark, selectionTable, type SelectionBenchRow } from "./selection";

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`;
console.log(`## Selection (12,000 units, three school years, every criterion)\n\nMachine: ${machine}; load average at start ${load()}\n`);
const only = process.argv[2];
const iterations = Number(process.argv[3] ?? 60);
const rows: SelectionBenchRow[] = [];
if (only !== "postgres") {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-selection-bench-"));
  try {
    const sqlite = await createSqliteStore({ file: join(dir, "bench.db") });
    rows.push(...(await runSelectionBenchmark("SQLite (WAL file)", sqlite, iterations)));
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (only !== "sqlite") {
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const schema = `bench_selection_${process.pid}`;
  try {
    const store = await createPostgresStore({ connectionString: pgUrl, schema });
    rows.push(...(await runSelectionBenchmark("PostgreSQL 127.0.0.1", store, iterations)));
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
}
console.log(selectionTable(rows));
console.log(`\nLoad average at end: ${load()}`);
