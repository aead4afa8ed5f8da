import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "./migrations";

/** The tables whose contents the selection and the national figures are computed from. */
export const SCHOOL_DATA_TABLES = ["school_results", "school_units", "organizers", "inspection_documents"] as const;
/** The one row of `data_versions` those tables move. */
export const SCHOOL_DATA_VERSION = "school-data";

/**
 * A counter the database itself moves whenever school data changes (an import, a sync, a
 * register sync, a hand-added organizer, or anything else that writes the tables), so a
 * precomputed national selection is reused until the data it was computed from changes,
 * on every instance, and never outlives it. The bump commits with the write that caused it.
 * SQLite: one row trigger per table and operation; PostgreSQL: statement triggers.
 */
export function dataVersionMigration(dialect: Dialect): Migration {
  const big = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("data_versions")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("version", big, (c) => c.notNull())
        .execute();
      await sql`INSERT INTO data_versions (name, version) VALUES (${SCHOOL_DATA_VERSION}, 1)`.execute(db);
      const bump = `UPDATE data_versions SET version = version + 1 WHERE name = '${SCHOOL_DATA_VERSION}'`;
      if (dialect === "sqlite") {
        for (const table of SCHOOL_DATA_TABLES) {
          for (const op of ["INSERT", "UPDATE", "DELETE"]) {
            await sql.raw(`CREATE TRIGGER ${table}_data_version_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN ${bump}; END`).execute(db);
          }
        }
        return;
      }
      await sql
        .raw(`CREATE OR REPLACE FUNCTION samverkan_bump_school_data() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`)
        .execute(db);
      for (const table of SCHOOL_DATA_TABLES) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION samverkan_bump_school_data()`,
          )
          .execute(db);
      }
    },
  };
}
