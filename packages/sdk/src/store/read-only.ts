import { sql, type Kysely } from "kysely";
import type { Database, Store } from "./store";

/**
 * Runs `read` in a transaction that cannot write: PostgreSQL's `READ ONLY` access mode, and
 * on SQLite (no read-only transactions) the connection's `query_only` flag for the length of
 * the transaction. SQLite's single connection is held by the transaction meanwhile, so the
 * flag reaches no other caller.
 */
export async function readOnly<T>(store: Store, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.dialect === "postgres") return store.db.transaction().setAccessMode("read only").execute(read);
  return store.db.transaction().execute(async (trx) => {
    await sql`pragma query_only = on`.execute(trx);
    try {
      return await read(trx);
    } finally {
      await sql`pragma query_only = off`.execute(trx);
    }
  });
}
