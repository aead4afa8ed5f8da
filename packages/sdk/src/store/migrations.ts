import { sql, type Kysely, type Migration } from "kysely";
import { calendarMigration } from "./migrations-calendar";
import { digestLeaseMigration, digestMigration } from "./migrations-digests";
import { briefingIndexesMigration, lifecycleContactsMigration, lifecycleNudgesMigration } from "./migrations-lifecycle";
import { appendOnlyHardening, appendOnlyHardeningLifecycle } from "./migrations-hardening";
import { registerMigration } from "./migrations-register";
import { dataVersionMigration } from "./migrations-data-version";

export type Dialect = "sqlite" | "postgres";

/**
 * One migration list per dialect. The statements differ only where the dialects do:
 * integer widths, identity columns and the triggers that make progress append-only.
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const big = dialect === "postgres" ? "bigint" : "integer";
  const serial = dialect === "postgres" ? "bigserial" : "integer";
  return {
    "0001_domain": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("counties")
          .addColumn("code", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("municipalities")
          .addColumn("code", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("county_code", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("organizers")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("organization_number", "text", (c) => c.notNull().unique())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("municipality_code", "text")
          .addColumn("updated_at", big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("school_units")
          .addColumn("code", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("municipality_code", "text", (c) => c.notNull())
          .addColumn("organizer_id", "text", (c) => c.notNull().references("organizers.id"))
          .addColumn("types_of_schooling", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("details", "text")
          .addColumn("updated_at", big, (c) => c.notNull())
          .execute();
        await db.schema.createIndex("school_units_organizer").on("school_units").column("organizer_id").execute();
        await db.schema.createIndex("school_units_municipality").on("school_units").column("municipality_code").execute();
        await db.schema
          .createTable("school_results")
          .addColumn("school_unit_code", "text", (c) => c.notNull())
          .addColumn("school_year", "text", (c) => c.notNull())
          .addColumn("metric", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("value", "double precision")
          .addColumn("raw", "text", (c) => c.notNull())
          .addColumn("value_type", "text")
          .addColumn("source", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("school_results_pk", ["school_unit_code", "school_year", "metric"])
          .execute();
        await db.schema
          .createTable("staff")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("email", "text", (c) => c.unique())
          .addColumn("agency", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("home_office_id", "text")
          .addColumn("locale", "text", (c) => c.notNull())
          .addColumn("created_at", big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("staff_identities")
          .addColumn("platform", "text", (c) => c.notNull())
          .addColumn("tenant_id", "text", (c) => c.notNull())
          .addColumn("user_id", "text", (c) => c.notNull())
          .addColumn("staff_id", "text", (c) => c.notNull().references("staff.id"))
          .addPrimaryKeyConstraint("staff_identities_pk", ["platform", "tenant_id", "user_id"])
          .execute();
        await db.schema
          .createTable("dialogues")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("organizer_id", "text", (c) => c.notNull().references("organizers.id"))
          .addColumn("office_id", "text")
          .addColumn("digital", "integer", (c) => c.notNull())
          .addColumn("start_at", big, (c) => c.notNull())
          .addColumn("end_at", big, (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("topics", "text", (c) => c.notNull())
          .addColumn("notes", "text", (c) => c.notNull())
          .addColumn("follows_up_id", "text")
          .addColumn("school_unit_code", "text")
          .addColumn("created_by", "text")
          .addColumn("created_at", big, (c) => c.notNull())
          .addColumn("updated_at", big, (c) => c.notNull())
          .addCheckConstraint("dialogues_end_after_start", sql`end_at > start_at`)
          .execute();
        // Conflict checks scan a short window of start times; see dialogues service.
        await db.schema.createIndex("dialogues_start").on("dialogues").column("start_at").execute();
        await db.schema.createIndex("dialogues_office_start").on("dialogues").columns(["office_id", "start_at"]).execute();
        await db.schema.createIndex("dialogues_organizer").on("dialogues").columns(["organizer_id", "status"]).execute();
        await db.schema
          .createTable("dialogue_participants")
          .addColumn("dialogue_id", "text", (c) => c.notNull().references("dialogues.id"))
          .addColumn("staff_id", "text", (c) => c.notNull().references("staff.id"))
          .addPrimaryKeyConstraint("dialogue_participants_pk", ["dialogue_id", "staff_id"])
          .execute();
        await db.schema.createIndex("dialogue_participants_staff").on("dialogue_participants").columns(["staff_id", "dialogue_id"]).execute();
        await db.schema
          .createTable("plans")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("school_unit_code", "text")
          .addColumn("organizer_id", "text")
          .addColumn("created_at", big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("assignments")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("ref_number", "integer", (c) => c.notNull().unique())
          .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id"))
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("agency", "text", (c) => c.notNull())
          .addColumn("focus_area", "text", (c) => c.notNull())
          .addColumn("responsible_staff_id", "text")
          .addColumn("phase", "text", (c) => c.notNull())
          .addColumn("due_date", "text")
          .addColumn("reference_material", "text", (c) => c.notNull())
          .addColumn("created_at", big, (c) => c.notNull())
          .addColumn("updated_at", big, (c) => c.notNull())
          .execute();
        await db.schema.createIndex("assignments_responsible").on("assignments").column("responsible_staff_id").execute();
        await db.schema
          .createTable("progress_entries")
          .addColumn("seq", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn("id", "text", (c) => c.notNull().unique())
          .addColumn("assignment_id", "text", (c) => c.notNull().references("assignments.id"))
          .addColumn("author_staff_id", "text", (c) => c.notNull())
          .addColumn("at", big, (c) => c.notNull())
          .addColumn("note", "text", (c) => c.notNull())
          .addColumn("percent", "double precision")
          .addColumn("phase_change", "text")
          .addColumn("corrects_entry_id", "text")
          .addCheckConstraint("progress_percent_range", sql`percent is null or (percent >= 0 and percent <= 100)`)
          .execute();
        await db.schema.createIndex("progress_assignment").on("progress_entries").columns(["assignment_id", "at"]).execute();
        await db.schema
          .createTable("audit_events")
          .addColumn("seq", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn("id", "text", (c) => c.notNull().unique())
          .addColumn("at", big, (c) => c.notNull())
          .addColumn("actor_staff_id", "text")
          .addColumn("actor_label", "text", (c) => c.notNull())
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("entity_type", "text", (c) => c.notNull())
          .addColumn("entity_id", "text", (c) => c.notNull())
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("details", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("audit_entity").on("audit_events").columns(["entity_type", "entity_id"]).execute();
        await db.schema
          .createTable("write_locks")
          .addColumn("name", "text", (c) => c.primaryKey())
          .addColumn("counter", big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("kv_state")
          .addColumn("namespace", "text", (c) => c.notNull())
          .addColumn("key", "text", (c) => c.notNull())
          .addColumn("value", "text", (c) => c.notNull())
          .addColumn("expires_at", big)
          .addColumn("updated_at", big, (c) => c.notNull())
          .addPrimaryKeyConstraint("kv_state_pk", ["namespace", "key"])
          .execute();
        await db.schema
          .createTable("processed_events")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("at", big, (c) => c.notNull())
          .execute();
        await appendOnlyGuards(db, dialect, ["progress_entries", "audit_events"]);
      },
    },
    "0100_digests": digestMigration(dialect),
    "0100_hardening_append_only": appendOnlyHardening(dialect),
    "0101_delivery_digest_leases": digestLeaseMigration(dialect),
    "0120_register_organizers_documents": registerMigration(dialect),
    "0122_school_data_version": dataVersionMigration(dialect),
    "0130_calendar_outbox_feeds": calendarMigration(dialect),
    "0140_lifecycle_contacts_minutes": lifecycleContactsMigration(dialect),
    "0140_lifecycle_nudges": lifecycleNudgesMigration(dialect),
    // After 0140 (migrations run in name order on a fresh database), hence not 0100_hardening_*.
    "0141_hardening_append_only_lifecycle": appendOnlyHardeningLifecycle(dialect),
    "0142_briefing_indexes": briefingIndexesMigration(),
  };
}

/** History is never rewritten: the database itself refuses UPDATE and DELETE. */
export async function appendOnlyGuards(db: Kysely<unknown>, dialect: Dialect, tables: string[]): Promise<void> {
  if (dialect === "sqlite") {
    for (const table of tables) {
      for (const op of ["UPDATE", "DELETE"]) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
              `BEGIN SELECT RAISE(ABORT, '${table} is append-only: add a correcting entry instead'); END`,
          )
          .execute(db);
      }
    }
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION samverkan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION '% is append-only: add a correcting entry instead', TG_TABLE_NAME; END $$`,
    )
    .execute(db);
  for (const table of tables) {
    await sql
      .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} ` + `FOR EACH ROW EXECUTE FUNCTION samverkan_append_only()`)
      .execute(db);
  }
}
