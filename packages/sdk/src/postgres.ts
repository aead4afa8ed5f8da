import { PostgresDialect } from "kysely";
import pg from "pg";
import type { Database as Schema } from "./store/schema";
import { advisoryLocks, queryErrorLog, runPostgresMigrations, type Store } from "./store/store";
import { SearchPathIntrospector } from "./store/postgres-introspector";
import { ScopedKysely, TransactionScope, scopedDialect } from "./store/transaction-scope";

export interface PostgresStoreOptions {
  /** `postgres://…` (required; the SDK reads no environment variables). */
  connectionString?: string;
  /** Called with every query that fails (metrics); must not throw. */
  onQueryError?: (error: unknown) => void;
  /** Schema to use (created if missing); default the server's search path. */
  schema?: string;
  /** Pool size (default 10). */
  max?: number;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Epoch milliseconds and counts fit a JS number; pg returns int8 as strings by default. */
const types: pg.CustomTypesConfig = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    // pg-types declares its parsers as `any`; they take the value's text.
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

/** The shared store for several bot instances side by side. */
export async function createPostgresStore(options: PostgresStoreOptions = {}): Promise<Store> {
  const connectionString = options.connectionString;
  if (!connectionString) {
    throw new Error('No PostgreSQL connection string: pass { connectionString: "postgres://user@host:5432/db" }.');
  }
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}": use lower-case letters, digits and _.`);
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => undefined);
  const scope = new TransactionScope();
  const postgres = new PostgresDialect({ pool });
  const dialect = scopedDialect(
    {
      createAdapter: () => postgres.createAdapter(),
      createDriver: () => postgres.createDriver(),
      createQueryCompiler: () => postgres.createQueryCompiler(),
      createIntrospector: (db) => new SearchPathIntrospector(db),
    },
    scope,
  );
  const db = new ScopedKysely<Schema>({ dialect, ...queryErrorLog(options.onQueryError) }, scope);
  const store: Store = {
    dialect: "postgres",
    db,
    description: `postgres ${redact(connectionString)}${options.schema ? ` (schema ${options.schema})` : ""}`,
    lock: (trx, keys) => advisoryLocks(trx, keys),
    migrate: () => runPostgresMigrations(db, options.schema, { migrate: true }),
    close: () => db.destroy(),
  };
  // The schema is created under the migration lock too: instances starting at once race on it.
  try {
    await runPostgresMigrations(db, options.schema, { migrate: options.migrate !== false });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return store;
}

/** Never print a password. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}

export type { Store } from "./store/store";
