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

/** `schema` pins Kysely's own bookkeeping tables to the store's PostgreSQL schema. */
/** Kysely's `log` option reporting failed queries only (for a metrics counter); nothing when no callback. */
export function queryErrorLog(onQueryError: ((error: unknown) => void) | undefined): { log?: (event: LogEvent) => void } {
  if (!onQueryError) return {};
  return {
    log(event) {
      if (event.level === "error") onQueryError(event.error);
    },
  };
}

export async function runMigrations(db: Kysely<Database>, dialect: Dialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Feature migrations are numbered by area (0001 domain, 0100 digests), so they may arrive out of order.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** PostgreSQL: transaction-scoped advisory locks, taken in a fixed order to avoid deadlocks. */
export async function advisoryLocks(trx: Transaction<Database>, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
}

/**
 * SQLite: a write inside the transaction takes the database's write lock at once, so a
 * second process waits (busy timeout) instead of failing when it upgrades later.
 */
export async function sqliteWriteLock(trx: Transaction<Database>): Promise<void> {
  await sql`insert into write_locks (name, counter) values ('booking', 1)
            on conflict (name) do update set counter = write_locks.counter + 1`.execute(trx);
}
