import type { Kysely, Migration } from "kysely";
import type { Dialect } from "./migrations";

/**
 * Calendars: a SEQUENCE per dialogue (RFC 5545 §3.8.7.4, raised on every change so
 * calendar clients replace the old event), an optional meeting link, a durable mail
 * outbox (one row per message, leased by one instance at a time; by SMTP or through
 * Microsoft Graph), the Outlook event ids made through Graph and the hashed tokens of
 * personal calendar feeds.
 */
export function calendarMigration(dialect: Dialect): Migration {
  const big = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("dialogues")
        .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable("dialogues").addColumn("meeting_url", "text").execute();
      await db.schema
        .createTable("mail_outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("dialogue_id", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull().defaultTo("smtp"))
        .addColumn("method", "text", (c) => c.notNull())
        .addColumn("sequence", "integer", (c) => c.notNull())
        .addColumn("recipients", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("ics", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", big, (c) => c.notNull())
        .addColumn("lease_owner", "text")
        .addColumn("lease_until", big)
        .addColumn("last_error", "text")
        .addColumn("created_at", big, (c) => c.notNull())
        .addColumn("sent_at", big)
        .execute();
      await db.schema.createIndex("mail_outbox_due").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();
      await db.schema.createIndex("mail_outbox_dialogue").on("mail_outbox").columns(["dialogue_id", "created_at"]).execute();
      // The Outlook event a dialogue became through Microsoft Graph, for updates and cancellation.
      await db.schema
        .createTable("graph_events")
        .addColumn("dialogue_id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("updated_at", big, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("calendar_feeds")
        .addColumn("staff_id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("nonce", "text", (c) => c.notNull())
        .addColumn("created_at", big, (c) => c.notNull())
        .execute();
    },
  };
}
