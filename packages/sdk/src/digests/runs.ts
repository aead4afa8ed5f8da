import { formatInstant } from "../time";
import { newId, type Deps } from "../services/context";
import { parseDigestRef } from "./subscriptions";
import { digestRunStatusSchema, type ClaimRunInput, type DigestRun, type DigestRunFilter, type FinishRunInput } from "./types";
import type { Selectable } from "kysely";
import type { Database } from "../store/schema";

type RunRow = Selectable<Database["digest_runs"]>;

/** Errors from platforms can be long (stack-like bodies); the runs log keeps the gist. */
const MAX_ERROR = 1000;

/**
 * The runs log. A run is claimed by inserting its row; the unique key on
 * (subscription_id, period_key) lets exactly one instance win, in SQLite and PostgreSQL
 * alike, with no lock held while posting.
 */
export function createDigestRuns(deps: Deps) {
  const { db } = deps.store;
  const tz = deps.config.timeZone;
  const now = () => deps.clock().getTime();

  function toRun(r: RunRow): DigestRun {
    const parsed = digestRunStatusSchema.safeParse(r.status);
    return {
      id: r.id,
      subscriptionId: r.subscription_id,
      periodKey: r.period_key,
      scheduledFor: formatInstant(r.scheduled_for, tz),
      periodStart: formatInstant(r.period_start, tz),
      status: parsed.success ? parsed.data : "failed",
      late: r.late === 1,
      attempts: r.attempts,
      error: r.error,
      claimedBy: r.claimed_by,
      claimedAt: formatInstant(r.claimed_at, tz),
      postedAt: r.posted_at === null ? null : formatInstant(r.posted_at, tz),
      finishedAt: r.finished_at === null ? null : formatInstant(r.finished_at, tz),
    };
  }

  async function subscriptionId(idOrRef: string): Promise<string | undefined> {
    const ref = parseDigestRef(idOrRef);
    const q = db.selectFrom("digest_subscriptions").select("id");
    const row = await (ref !== undefined ? q.where("ref_number", "=", ref) : q.where("id", "=", idOrRef.trim())).executeTakeFirst();
    return row?.id;
  }

  async function latest(subscription: string, postedOnly: boolean): Promise<DigestRun | undefined> {
    let q = db.selectFrom("digest_runs").selectAll().where("subscription_id", "=", subscription).orderBy("scheduled_for", "desc").limit(1);
    if (postedOnly) q = q.where("status", "=", "posted");
    const row = await q.executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  return {
    /** Newest first. */
    async runs(filter: DigestRunFilter = {}): Promise<DigestRun[]> {
      let q = db.selectFrom("digest_runs").selectAll().orderBy("scheduled_for", "desc").orderBy("claimed_at", "desc").limit(Math.max(1, Math.min(filter.limit ?? 50, 1000)));
      if (filter.subscription) {
        const id = await subscriptionId(filter.subscription);
        // A removed subscription may still be named by its id; its runs are gone with it.
        q = q.where("subscription_id", "=", id ?? filter.subscription.trim());
      }
      if (filter.status) q = q.where("status", "=", filter.status);
      return (await q.execute()).map(toRun);
    },

    /** The subscription's most recent run of any status (what the scheduler compares periods with). */
    lastRun: (subscription: string) => latest(subscription, false),

    /** The most recent digest that reached the channel: the next one reports since then. */
    lastPosted: (subscription: string) => latest(subscription, true),

    /**
     * Claims one period for posting. Returns the run when this caller won, undefined when
     * another instance (or an earlier tick) already holds the period.
     */
    async claimRun(input: ClaimRunInput): Promise<DigestRun | undefined> {
      const id = newId();
      const result = await db
        .insertInto("digest_runs")
        .values({
          id,
          subscription_id: input.subscriptionId,
          period_key: input.scheduledFor.toISOString(),
          scheduled_for: input.scheduledFor.getTime(),
          period_start: input.periodStart.getTime(),
          status: "posting",
          late: input.late ? 1 : 0,
          attempts: 0,
          error: null,
          claimed_by: input.claimedBy.slice(0, 200),
          claimed_at: now(),
          posted_at: null,
          finished_at: null,
        })
        .onConflict((oc) => oc.columns(["subscription_id", "period_key"]).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
      const row = await db.selectFrom("digest_runs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      return toRun(row);
    },

    /** Notes a failed attempt while retries continue, so the runs log shows progress. */
    async recordAttempt(runId: string, attempts: number, error: string): Promise<void> {
      await db.updateTable("digest_runs").set({ attempts, error: error.slice(0, MAX_ERROR) }).where("id", "=", runId).execute();
    },

    async finishRun(runId: string, result: FinishRunInput): Promise<DigestRun | undefined> {
      const at = now();
      await db
        .updateTable("digest_runs")
        .set({
          status: result.status,
          attempts: result.attempts ?? 0,
          error: "error" in result ? result.error.slice(0, MAX_ERROR) : null,
          posted_at: result.status === "posted" ? at : null,
          finished_at: at,
        })
        .where("id", "=", runId)
        .execute();
      const row = await db.selectFrom("digest_runs").selectAll().where("id", "=", runId).executeTakeFirst();
      return row ? toRun(row) : undefined;
    },

    /**
     * Marks runs still `posting` long after their claim as failed: their instance stopped
     * mid-post. They are not posted again, since the first post may have gone out.
     */
    async expireAbandonedRuns(olderThanMs: number): Promise<number> {
      const result = await db
        .updateTable("digest_runs")
        .set({ status: "failed", error: "abandoned: the instance stopped while posting", finished_at: now() })
        .where("status", "=", "posting")
        .where("claimed_at", "<", now() - olderThanMs)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
