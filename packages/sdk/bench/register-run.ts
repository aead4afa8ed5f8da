/** `pnpm bench:register` in packages/sdk: only the register sync and selection benchmarks. */
import { cpus } from "node:os";
import pg from "pg";
import { createSqliteStore } from "../src/sqlite";
import { createPostgresStore } from "../src/postgres";
import { registerTable, runRegisterBenchmark, tempSqliteFile, type RegisterBenchRow } from "./register";

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`Machine: ${machine}\n`);

const rows: RegisterBenchRow[] = [];
const sqlite = tempSqliteFile();
rows.push(...(await runRegisterBenchmark("SQLite (file)", () => createSqliteStore({ file: sqlite.file }))));
sqlite.cleanup();

if (process.argv.includes("--sqlite-only")) {
  console.log("## Register sync (3,000 organizers, 12,000 school units, loopback replay)\n");
  console.log(registerTable(rows));
  process.exit(0);
}

const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `bench_register_${process.pid}`;
try {
  rows.push(...(await runRegisterBenchmark("PostgreSQL 127.0.0.1", () => createPostgresStore({ connectionString: pgUrl, schema }))));
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
console.log("## Register sync (3,000 organizers, 12,000 school units, loopback replay)\n");
console.log(registerTable(rows));
