import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database as Schema } from "./store/schema";
import { queryErrorLog, runMigrations, sqliteWriteLock, type Store } from "./store/store";

export interface SqliteStoreOptions {
  /** Database file; `:memory:` for a throwaway store. Default `./data/samverkan.db` (the SDK reads no environment variables). */
  file?: string;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
  /** Called with every query that fails (metrics); must not throw. */
  onQueryError?: (error: unknown) => void;
}

export const DEFAULT_SQLITE_FILE = "./data/samverkan.db";

/** The embedded store: one file, WAL journal, zero set-up. */
export async function createSqliteStore(options: SqliteStoreOptions = {}): Promise<Store> {
  const file = options.file ?? DEFAULT_SQLITE_FILE;
  const inMemory = file === ":memory:";
  if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  // Another process holding the write lock makes us wait, not fail.
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }), ...queryErrorLog(options.onQueryError) });
  const store: Store = {
    dialect: "sqlite",
    db,
    description: `sqlite ${inMemory ? ":memory:" : file}`,
    lock: (trx) => sqliteWriteLock(trx),
    migrate: () => runMigrations(db, "sqlite"),
    close: () => db.destroy(),
  };
  if (options.migrate !== false) await store.migrate();
  return store;
}

export type { Store } from "./store/store";
