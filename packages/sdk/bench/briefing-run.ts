/** `pnpm bench:briefing` in packages/sdk: the national briefing query on SQLite and PostgreSQL. */
import { cpus } from "node:os";
import pg from "pg";
import { createSqliteStore } from "../src/sqlite";
import { createPostgresStore } from "../src/postgres";
import { briefingTable, runBriefingBenchmark, type BriefingBenchRow } from "./briefing";

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`## Dialogue briefing (2,800 organizers, 12,000 units, 144,000 results, 10,000 dialogues)\n\nMachine: ${machine}\n`);
const rows: BriefingBenchRow[] = [];
const sqlite = await createSqliteStore({ file: ":memory:" });
rows.push(...(await runBriefingBenchmark("SQLite (in-memory)", sqlite)));
await sqlite.close();
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `bench_briefing_${process.pid}`;
try {
  const store = await createPostgresStore({ connectionString: pgUrl, schema });
  rows.push(...(await runBriefingBenchmark("PostgreSQL 127.0.0.1", store)));
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
console.log(briefingTable(rows));
