import { formatInstant } from "../time";
import { newId, type Deps } from "../services/context";
import { parseDigestRef } from "./subscriptions";
import { digestRunStatusSchema, type ClaimRunInput, type DigestRun, type DigestRunFilter, type FinishRunInput } from "./types";
import type { Selectable } from "kysely";
import type { Database } from "../store/schema";

type RunRow = Selectable<Database["digest_runs"]>;

/** Errors from platforms can be long (stack-like bodies); the runs log keeps the gist. */
const MAX_ERROR = 1000;

/** A claim outlives any posting attempt (three tries with backoff take well under a minute). */
export const DEFAULT_RUN_LEASE_MS = 10 * 60_000;

/**
 * The runs log. A run is claimed by inserting its row; the unique key on
 * (subscription_id, period_key) lets exactly one instance win, in SQLite and PostgreSQL
 * alike, with no lock held while posting. A claim is a lease: a run still `posting` when
 * its lease ran out (the instance died), or `failed` once its retry time came, is taken
 * over by one conditional UPDATE, which again exactly one instance wins.
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
      leaseUntil: r.lease_until === null ? null : formatInstant(r.lease_until, tz),
      deliveryRef: r.delivery_ref,
      claims: r.claims,
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
      let q = db
        .selectFrom("digest_runs")
        .selectAll()
        .orderBy("scheduled_for", "desc")
        .orderBy("claimed_at", "desc")
        .limit(Math.max(1, Math.min(filter.limit ?? 50, 1000)));
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
     * another instance (or an earlier tick) holds the period, or it is finished. A run whose
     * lease ran out while `posting`, or whose retry time came after `failed`, is claimed
     * again (same id, `claims` + 1); the caller checks `deliveryRef` before posting.
     */
    async claimRun(input: ClaimRunInput): Promise<DigestRun | undefined> {
      const id = newId();
      const at = now();
      const leaseUntil = at + (input.leaseMs ?? DEFAULT_RUN_LEASE_MS);
      const periodKey = input.scheduledFor.toISOString();
      const claimedBy = input.claimedBy.slice(0, 200);
      const result = await db
        .insertInto("digest_runs")
        .values({
          id,
          subscription_id: input.subscriptionId,
          period_key: periodKey,
          scheduled_for: input.scheduledFor.getTime(),
          period_start: input.periodStart.getTime(),
          status: "posting",
          late: input.late ? 1 : 0,
          attempts: 0,
          error: null,
          claimed_by: claimedBy,
          claimed_at: at,
          posted_at: null,
          finished_at: null,
          lease_until: leaseUntil,
          delivery_ref: null,
          claims: 1,
        })
        .onConflict((oc) => oc.columns(["subscription_id", "period_key"]).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) {
        return toRun(await db.selectFrom("digest_runs").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
      }
      // Take over a run whose lease ran out or whose retry is due: one UPDATE, one winner.
      const taken = await db
        .updateTable("digest_runs")
        .set((eb) => ({
          status: "posting",
          claimed_by: claimedBy,
          claimed_at: at,
          lease_until: leaseUntil,
          late: input.late ? 1 : 0,
          period_start: input.periodStart.getTime(),
          finished_at: null,
          claims: eb("claims", "+", 1),
        }))
        .where("subscription_id", "=", input.subscriptionId)
        .where("period_key", "=", periodKey)
        .where("status", "in", ["posting", "failed"])
        .where("lease_until", "is not", null)
        .where("lease_until", "<=", at)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 0) return undefined;
      const row = await db
        .selectFrom("digest_runs")
        .selectAll()
        .where("subscription_id", "=", input.subscriptionId)
        .where("period_key", "=", periodKey)
        .executeTakeFirstOrThrow();
      return toRun(row);
    },

    /**
     * Records what the platform returned for a post (Slack ts, Teams activity id) the moment
     * it is known, before the run is finished: a re-claim then finishes instead of posting again.
     */
    async recordDelivery(runId: string, deliveryRef: string): Promise<void> {
      await db
        .updateTable("digest_runs")
        .set({ delivery_ref: deliveryRef.slice(0, 200) })
        .where("id", "=", runId)
        .execute();
    },

    /** Notes a failed attempt while retries continue, so the runs log shows progress. */
    async recordAttempt(runId: string, attempts: number, error: string): Promise<void> {
      await db
        .updateTable("digest_runs")
        .set({ attempts, error: error.slice(0, MAX_ERROR) })
        .where("id", "=", runId)
        .execute();
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
          lease_until: result.status === "failed" && result.retryAfterMs !== undefined ? at + result.retryAfterMs : null,
          ...(result.status === "posted" && result.deliveryRef ? { delivery_ref: result.deliveryRef.slice(0, 200) } : {}),
        })
        .where("id", "=", runId)
        .execute();
      const row = await db.selectFrom("digest_runs").selectAll().where("id", "=", runId).executeTakeFirst();
      return row ? toRun(row) : undefined;
    },

    /**
     * Marks runs still `posting` long after their claim as failed: their instance stopped
     * mid-post. They stay claimable at once (`leaseUntil` now), so the next tick takes them
     * over and checks whether the first post went out before posting.
     */
    async expireAbandonedRuns(olderThanMs: number): Promise<number> {
      const result = await db
        .updateTable("digest_runs")
        .set({ status: "failed", error: "abandoned: the instance stopped while posting", finished_at: now(), lease_until: now() })
        .where("status", "=", "posting")
        .where("claimed_at", "<", now() - olderThanMs)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
