import type { Kysely, Migration } from "kysely";
import { appendOnlyGuards, type Dialect } from "./migrations";

/**
 * The dialogue lifecycle: contact persons at organizers (and which of them a dialogue
 * meets), minutes with agreed actions after a dialogue, and personal nudges.
 * Minutes and agreed actions are history: the database refuses to rewrite them.
 */
export function lifecycleContactsMigration(dialect: Dialect): Migration {
  const big = dialect === "postgres" ? "bigint" : "integer";
  const serial = dialect === "postgres" ? "bigserial" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("organizer_contacts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organizer_id", "text", (c) => c.notNull().references("organizers.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("email", "text")
        .addColumn("phone", "text")
        .addColumn("notes", "text", (c) => c.notNull())
        .addColumn("created_at", big, (c) => c.notNull())
        .addColumn("updated_at", big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("organizer_contacts_organizer").on("organizer_contacts").column("organizer_id").execute();
      await db.schema
        .createTable("dialogue_contacts")
        .addColumn("dialogue_id", "text", (c) => c.notNull().references("dialogues.id"))
        .addColumn("contact_id", "text", (c) => c.notNull().references("organizer_contacts.id"))
        .addPrimaryKeyConstraint("dialogue_contacts_pk", ["dialogue_id", "contact_id"])
        .execute();
      await db.schema.createIndex("dialogue_contacts_contact").on("dialogue_contacts").column("contact_id").execute();
      await db.schema
        .createTable("dialogue_minutes")
        .addColumn("seq", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn("id", "text", (c) => c.notNull().unique())
        // One set of minutes per dialogue: a second one would be a rewrite.
        .addColumn("dialogue_id", "text", (c) => c.notNull().unique().references("dialogues.id"))
        .addColumn("author_staff_id", "text")
        .addColumn("at", big, (c) => c.notNull())
        .addColumn("topics", "text", (c) => c.notNull())
        .addColumn("notes", "text", (c) => c.notNull())
        .addColumn("next_dialogue_date", "text")
        .execute();
      await db.schema
        .createTable("dialogue_actions")
        .addColumn("seq", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("minutes_id", "text", (c) => c.notNull().references("dialogue_minutes.id"))
        .addColumn("dialogue_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("responsible_staff_id", "text")
        .addColumn("due_date", "text")
        .addColumn("assignment_id", "text")
        .execute();
      await db.schema.createIndex("dialogue_actions_dialogue").on("dialogue_actions").column("dialogue_id").execute();
      await appendOnlyGuards(db, dialect, ["dialogue_minutes", "dialogue_actions"]);
    },
  };
}

/**
 * Personal nudges: one claim row per (nudge, person, period). The primary key is what
 * makes a nudge go out once when several instances tick at the same moment.
 */
export function lifecycleNudgesMigration(dialect: Dialect): Migration {
  const big = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("nudge_claims")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("staff_id", "text", (c) => c.notNull())
        .addColumn("scheduled_for", big, (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("claimed_by", "text", (c) => c.notNull())
        .addColumn("claimed_at", big, (c) => c.notNull())
        .addColumn("sent_at", big)
        .addColumn("error", "text")
        .execute();
      await db.schema.createIndex("nudge_claims_staff").on("nudge_claims").columns(["staff_id", "scheduled_for"]).execute();
      await db.schema
        .createTable("nudge_settings")
        .addColumn("staff_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("enabled", "integer", (c) => c.notNull())
        .addColumn("updated_at", big, (c) => c.notNull())
        .addPrimaryKeyConstraint("nudge_settings_pk", ["staff_id", "kind"])
        .execute();
    },
  };
}

/**
 * Indexes the dialogue briefing reads by: an organizer's plans, its units' plans and the
 * assignments of those plans. Without them each briefing scans every plan and assignment.
 */
export function briefingIndexesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex("plans_organizer").on("plans").column("organizer_id").execute();
      await db.schema.createIndex("plans_school_unit").on("plans").column("school_unit_code").execute();
      await db.schema.createIndex("assignments_plan").on("assignments").columns(["plan_id", "ref_number"]).execute();
    },
  };
}
