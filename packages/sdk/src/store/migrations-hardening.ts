import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "./migrations";

/** Tables whose rows are history: written once, never changed or removed. */
export const APPEND_ONLY_TABLES = ["progress_entries", "audit_events"] as const;

/**
 * Closes the ways around the row-level UPDATE/DELETE guards of 0001_domain.
 * PostgreSQL: TRUNCATE fires no row triggers, so a statement-level BEFORE TRUNCATE
 * trigger refuses it. SQLite: INSERT OR REPLACE removes the old row without firing
 * delete triggers unless `recursive_triggers` is on; the store turns it on, and a
 * BEFORE INSERT trigger refuses an insert that would collide with an existing entry,
 * so a connection with SQLite's defaults cannot replace one either.
 */
export function appendOnlyHardening(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of APPEND_ONLY_TABLES) {
        if (dialect === "postgres") {
          await sql
            .raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION samverkan_append_only()`)
            .execute(db);
        } else {
          await sql
            .raw(
              `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} ` +
                `WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id OR seq = NEW.seq) ` +
                `BEGIN SELECT RAISE(ABORT, '${table} is append-only: add a correcting entry instead'); END`,
            )
            .execute(db);
        }
      }
    },
  };
}
