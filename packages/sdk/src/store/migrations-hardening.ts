import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "./migrations";

/** History tables and the columns an INSERT OR REPLACE could collide on. */
type GuardedTable = { table: string; unique: readonly string[] };

const DOMAIN_HISTORY: readonly GuardedTable[] = [
  { table: "progress_entries", unique: ["id", "seq"] },
  { table: "audit_events", unique: ["id", "seq"] },
];

const LIFECYCLE_HISTORY: readonly GuardedTable[] = [
  { table: "dialogue_minutes", unique: ["id", "seq", "dialogue_id"] },
  { table: "dialogue_actions", unique: ["id", "seq"] },
];

/**
 * Closes the ways around the row-level UPDATE/DELETE guards on history tables.
 * PostgreSQL: TRUNCATE fires no row triggers, so a statement-level BEFORE TRUNCATE
 * trigger refuses it. SQLite: INSERT OR REPLACE removes the old row without firing
 * delete triggers unless `recursive_triggers` is on; the store turns it on, and a
 * BEFORE INSERT trigger refuses an insert that would collide with an existing row, so
 * a connection with SQLite's defaults (a shell, a script) cannot replace one either.
 */
export function appendOnlyHardening(dialect: Dialect): Migration {
  return { up: (db) => hardenAppendOnly(db, dialect, DOMAIN_HISTORY) };
}

/** The same for the minutes and agreed actions of 0140_lifecycle_contacts_minutes (so it sorts after it). */
export function appendOnlyHardeningLifecycle(dialect: Dialect): Migration {
  return { up: (db) => hardenAppendOnly(db, dialect, LIFECYCLE_HISTORY) };
}

async function hardenAppendOnly(db: Kysely<unknown>, dialect: Dialect, tables: readonly GuardedTable[]): Promise<void> {
  for (const { table, unique } of tables) {
    if (dialect === "postgres") {
      await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION samverkan_append_only()`).execute(db);
    } else {
      const collides = unique.map((column) => `${column} = NEW.${column}`).join(" OR ");
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} ` +
            `WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${collides}) ` +
            `BEGIN SELECT RAISE(ABORT, '${table} is append-only: add a correcting entry instead'); END`,
        )
        .execute(db);
    }
  }
}
