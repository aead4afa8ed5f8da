import { Migrator, sql, type Kysely, type MigrationProvider, type Transaction } from "kysely";
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
 * SQLite: every migration, and Kysely's bookkeeping, in one exclusive transaction. A second
 * process starting on the same fresh file waits (busy timeout) and then finds nothing to
 * do; a process that dies half-way leaves the file as it was, for the next start to finish.
 */
export async function runSqliteMigrations(db: Kysely<Database>): Promise<void> {
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
