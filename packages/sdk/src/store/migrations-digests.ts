import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "./migrations";

/**
 * Scheduled digests: subscriptions per channel, and one run row per (subscription,
 * period). The unique key on runs is what makes a digest post exactly once when several
 * bot instances tick at the same moment: the instance whose insert wins posts.
 */
export function digestMigration(dialect: Dialect): Migration {
  const big = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("digest_subscriptions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ref_number", "integer", (c) => c.notNull().unique())
        .addColumn("platform", "text", (c) => c.notNull())
        .addColumn("target_key", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("cron", "text", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("post_when_empty", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("paused_reason", "text")
        .addColumn("active_since", big, (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("created_at", big, (c) => c.notNull())
        .addColumn("updated_at", big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("digest_subscriptions_target").on("digest_subscriptions").column("target_key").execute();
      await db.schema
        .createTable("digest_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("subscription_id", "text", (c) => c.notNull())
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("scheduled_for", big, (c) => c.notNull())
        .addColumn("period_start", big, (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("late", "integer", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("error", "text")
        .addColumn("claimed_by", "text", (c) => c.notNull())
        .addColumn("claimed_at", big, (c) => c.notNull())
        .addColumn("posted_at", big)
        .addColumn("finished_at", big)
        .addUniqueConstraint("digest_runs_period", ["subscription_id", "period_key"])
        .execute();
      await db.schema.createIndex("digest_runs_subscription").on("digest_runs").columns(["subscription_id", "scheduled_for"]).execute();
      // Digests ask "what happened since the last digest" of progress entries: phase changes
      // in the period, and assignments with no entry after a cutoff (an anti-join on recent
      // entries). Without it both scan every entry.
      await db.schema.createIndex("progress_entries_at").on("progress_entries").columns(["at", "assignment_id"]).execute();
    },
  };
}

/**
 * Effectively-once delivery: a claim holds a lease (`lease_until`); a run still `posting`
 * after its lease (the instance died) or `failed` after its retry time may be claimed
 * again (`claims` counts them). `delivery_ref` is what the platform returned for the post
 * (Slack message ts, Teams activity id), recorded as soon as it is known, so a re-claim
 * finishes the run instead of posting again.
 */
export function digestLeaseMigration(dialect: Dialect): Migration {
  const big = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("digest_runs").addColumn("lease_until", big).execute();
      await db.schema.alterTable("digest_runs").addColumn("delivery_ref", "text").execute();
      await db.schema
        .alterTable("digest_runs")
        .addColumn("claims", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      // Claims in flight before this migration get the half-hour the old scheduler allowed.
      await sql`update digest_runs set lease_until = claimed_at + 1800000 where status = 'posting'`.execute(db);
    },
  };
}
