import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import type { Database as Schema } from "./store/schema";
import { runSqliteMigrations, type Store } from "./store/store";
import { sqliteDialect } from "./store/sqlite-driver";
import { ScopedKysely, TransactionScope, scopedDialect } from "./store/transaction-scope";

export interface SqliteStoreOptions {
  /** Database file; `:memory:` for a throwaway store. Default `SAMVERKAN_DB` or `./data/samverkan.db`. */
  file?: string;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
}

export const DEFAULT_SQLITE_FILE = "./data/samverkan.db";

/** How long a write waits for another process's write lock before it is retried. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The embedded store: one file, WAL journal, zero set-up. Several processes may share the
 * file (`pnpm start` runs the Slack and the Teams app side by side): every transaction
 * takes the write lock first and waits for it (see sqlite-driver.ts).
 */
export async function createSqliteStore(options: SqliteStoreOptions = {}): Promise<Store> {
  const file = options.file ?? process.env.SAMVERKAN_DB ?? DEFAULT_SQLITE_FILE;
  const inMemory = file === ":memory:";
  if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });
  // The busy timeout comes first: switching a fresh file to WAL needs a lock that another
  // process opening it at the same moment may hold.
  const database = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  // INSERT OR REPLACE deletes the row it replaces; with recursive triggers that delete meets
  // the append-only guards like any other.
  database.pragma("recursive_triggers = ON");
  const scope = new TransactionScope();
  const db = new ScopedKysely<Schema>({ dialect: scopedDialect(sqliteDialect(database), scope) }, scope);
  const store: Store = {
    dialect: "sqlite",
    db,
    description: `sqlite ${inMemory ? ":memory:" : file}`,
    // Every transaction already holds the database's write lock (BEGIN IMMEDIATE).
    lock: async () => undefined,
    migrate: () => runSqliteMigrations(db),
    close: () => db.destroy(),
  };
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw error;
    }
  }
  return store;
}

export type { Store } from "./store/store";
