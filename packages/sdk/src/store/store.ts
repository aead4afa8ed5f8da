import { Migrator, sql, type Kysely, type LogEvent, type MigrationProvider, type Transaction } from "kysely";
import type { Database } from "./schema";
import { migrationsFor, type Dialect } from "./migrations";

export type { Database } from "./schema";
export type { Dialect } from "./migrations";

/**
 * A store is a Kysely database plus the one thing the dialects do differently:
 * how a transaction takes exclusive locks on named resources.
 */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /** Human description without secrets, e.g. `sqlite ./data/samverkan.db`. */
  readonly description: string;
  /**
   * Serialises writers on the given resource keys until the transaction ends, so that
   * check-then-insert (booking) cannot interleave, across processes too.
   */
  lock(trx: Transaction<Database>, keys: readonly string[]): Promise<void>;
  /** Applies pending migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Kysely's `log` option reporting failed queries only (for a metrics counter); nothing when no callback. */
export function queryErrorLog(onQueryError: ((error: unknown) => void) | undefined): { log?: (event: LogEvent) => void } {
  if (!onQueryError) return {};
  return {
    log(event) {
      if (event.level === "error") onQueryError(event.error);
    },
  };
}

/**
 * Applies pending migrations on `db`, which should be bound to one connection (the one
 * that holds the migration lock). `schema` pins Kysely's own bookkeeping tables to the
 * store's PostgreSQL schema.
 */
async function runMigrations(db: Kysely<Database>, dialect: Dialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Feature migrations are numbered by area (0001 domain, 0100 digests), so they may arrive out of order.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Whether every migration this code knows is already recorded, and no other: then opening
 * the store needs neither the migration lock nor Kysely's migrator (which would otherwise
 * run on every CLI command). Anything else goes the locked way below.
 */
async function migrationsUpToDate(db: Kysely<Database>, dialect: Dialect, schema?: string): Promise<boolean> {
  // Looked up first, so that a fresh database reports no failed query (the metrics count those).
  const quotedSchema = schema ? `"${schema.replaceAll('"', '""')}".` : "";
  const lookup =
    dialect === "postgres"
      ? sql<{ found: boolean }>`select to_regclass(${`${quotedSchema}kysely_migration`}::text) is not null as found`
      : sql<{ found: number }>`select count(*) as found from sqlite_master where type = 'table' and name = 'kysely_migration'`;
  const { rows: tables } = await lookup.execute(db);
  if (!tables[0]?.found) return false;
  const table = sql.table(schema ? `${schema}.kysely_migration` : "kysely_migration");
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
  const known = Object.keys(migrationsFor(dialect));
  const recorded = new Set(rows.map((row) => row.name));
  return recorded.size === known.length && known.every((name) => recorded.has(name));
}

/**
 * SQLite: every migration, and Kysely's bookkeeping, in one exclusive transaction. A second
 * process starting on the same fresh file waits (busy timeout) and then finds nothing to
 * do; a process that dies half-way leaves the file as it was, for the next start to finish.
 */
export async function runSqliteMigrations(db: Kysely<Database>): Promise<void> {
  if (await migrationsUpToDate(db, "sqlite")) return;
  await db.connection().execute(async (conn) => {
    await sql`begin exclusive`.execute(conn);
    try {
      await runMigrations(conn, "sqlite");
      await sql`commit`.execute(conn);
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * PostgreSQL: a session advisory lock keyed by the schema serialises instances starting at
 * once, including the creation of the schema itself. Each migration runs in its own
 * transaction (Kysely), so a crash half-way leaves only whole migrations behind, and the
 * lock goes with the crashed session.
 */
export async function runPostgresMigrations(db: Kysely<Database>, schema: string | undefined, options: { migrate: boolean }): Promise<void> {
  if (await migrationsUpToDate(db, "postgres", schema)) return;
  await db.connection().execute(async (conn) => {
    const key = sql`hashtextextended('samverkan:migrate:' || coalesce(${schema ?? null}::text, current_schema(), ''), 0)`;
    await sql`select pg_advisory_lock(${key})`.execute(conn);
    try {
      if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(conn);
      if (options.migrate) await runMigrations(conn, "postgres", schema);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/** PostgreSQL: transaction-scoped advisory locks, taken in a fixed order to avoid deadlocks. */
export async function advisoryLocks(trx: Transaction<Database>, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
}
