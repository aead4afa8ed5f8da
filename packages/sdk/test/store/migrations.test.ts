import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postgresTestUrl, uniqueSchemaName } from "@samverkan/vitest-config/helpers";
import { createPostgresStore } from "../../src/postgres";
import { createSqliteStore } from "../../src/sqlite";
import { migrationsFor } from "../../src/store/migrations";
import type { Store } from "../../src/store/store";
import { sql } from "kysely";
import { pgAvailabilitySync, storesReady } from "../support/stores";
import { runWorker, type WorkerOutcome } from "./spawn-workers";

await storesReady;

const TABLES = ["organizers", "school_units", "dialogues", "progress_entries", "audit_events", "digest_subscriptions"];

async function appliedMigrations(store: Store): Promise<string[]> {
  const rows = (await store.db
    .selectFrom("kysely_migration" as never)
    .select("name" as never)
    .execute()) as Array<{ name: string }>;
  return rows.map((r) => r.name).sort();
}

/** tsx runs the script in a child and exits 128 + 9 when that child is SIGKILLed. */
const killed = (outcome: WorkerOutcome) => outcome.signal === "SIGKILL" || outcome.code === 137;

async function usable(store: Store): Promise<void> {
  for (const table of TABLES) {
    await store.db
      .selectFrom(table as "organizers")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
  }
}

describe("migrations on SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-migrate-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a process killed in the middle of the first migration leaves a file the next start finishes", async () => {
    const file = join(dir, "crashed.db");
    const crashed = await runWorker("crash-migrate.ts", ["sqlite", file]);
    expect(killed(crashed), crashed.stdout + crashed.stderr).toBe(true);
    const store = await createSqliteStore({ file });
    try {
      expect(await appliedMigrations(store)).toEqual(Object.keys(migrationsFor("sqlite")).sort());
      await usable(store);
    } finally {
      await store.close();
    }
  }, 120_000);

  it("an up-to-date file opens without the migration lock, while another process is writing", async () => {
    const file = join(dir, "busy.db");
    const writer = await createSqliteStore({ file });
    try {
      // The writer holds the write lock for the whole transaction; the migration path would wait
      // for it (BEGIN EXCLUSIVE) until the busy timeout and fail.
      const opened = await writer.db.transaction().execute(async (trx) => {
        await trx.insertInto("counties").values({ code: "99", name: "Provlän" }).execute();
        const reader = await createSqliteStore({ file });
        try {
          return await appliedMigrations(reader);
        } finally {
          await reader.close();
        }
      });
      expect(opened).toEqual(Object.keys(migrationsFor("sqlite")).sort());
    } finally {
      await writer.close();
    }
  }, 30_000);

  it("a file that records a migration this code does not know is still refused", async () => {
    const file = join(dir, "newer.db");
    const first = await createSqliteStore({ file });
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_a_newer_version', '2027-01-01T00:00:00.000Z')`.execute(first.db);
    await first.close();
    await expect(createSqliteStore({ file })).rejects.toThrow(/9999_from_a_newer_version/);
  });
});

const pgAvailable = pgAvailabilitySync();

describe.skipIf(!pgAvailable.available)(`migrations on PostgreSQL${pgAvailable.available ? "" : ` (skipped: ${pgAvailable.reason})`}`, () => {
  const schemas: string[] = [];
  const freshSchema = () => {
    const schema = uniqueSchemaName("migrate_test");
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    const client = new pg.Client({ connectionString: postgresTestUrl });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await client.end();
    }
  });

  it("four instances starting at once on a fresh schema all start, and migrate it once", async () => {
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 4 }, () => createPostgresStore({ connectionString: postgresTestUrl, schema, max: 3 })));
    try {
      const expected = Object.keys(migrationsFor("postgres")).sort();
      for (const store of stores) expect(await appliedMigrations(store)).toEqual(expected);
      await usable(stores[3]!);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 120_000);

  it("a process killed in the middle of the first migration leaves a schema the next start finishes", async () => {
    const schema = freshSchema();
    const crashed = await runWorker("crash-migrate.ts", ["postgres", postgresTestUrl, schema]);
    expect(killed(crashed), crashed.stdout + crashed.stderr).toBe(true);
    const store = await createPostgresStore({ connectionString: postgresTestUrl, schema });
    try {
      expect(await appliedMigrations(store)).toEqual(Object.keys(migrationsFor("postgres")).sort());
      await usable(store);
    } finally {
      await store.close();
    }
  }, 120_000);
  it("an up-to-date schema opens without waiting for the migration lock another instance holds", async () => {
    const schema = freshSchema();
    const first = await createPostgresStore({ connectionString: postgresTestUrl, schema });
    await first.close();
    const holder = new pg.Client({ connectionString: postgresTestUrl });
    await holder.connect();
    try {
      // The same key the migration path takes (store.ts); an instance waiting for it would hang here.
      await holder.query("select pg_advisory_lock(hashtextextended('samverkan:migrate:' || $1::text, 0))", [schema]);
      const second = await createPostgresStore({ connectionString: postgresTestUrl, schema });
      try {
        expect(await appliedMigrations(second)).toEqual(Object.keys(migrationsFor("postgres")).sort());
      } finally {
        await second.close();
      }
    } finally {
      await holder.end();
    }
  }, 30_000);
});
