import { hostname } from "node:os";
import { Cron } from "croner";
import { createSkolenhetsregistretClient, createSkolverketClient, DEFAULT_SKOLENHETSREGISTRET_API_URL, type Samverkan } from "@samverkan/sdk";
import type { Logger } from "pino";

/** What the nightly refresh needs from the environment (SAMVERKAN_SYNC_CRON, SAMVERKAN_SYNC_MUNICIPALITIES, the API bases). */
export interface ScheduledSyncSettings {
  /** A cron expression in the store's time zone; unset: no scheduled sync. */
  cron: string | undefined;
  /** Municipalities whose statistics (Planned Educations API) are refreshed after the register; empty: the register only. */
  municipalities: readonly string[];
  registerApiUrl: string | undefined;
  skolverketApiUrl: string | undefined;
}

/** kv_state namespace of the claims, one row per occurrence. */
export const SCHEDULED_SYNC_NAMESPACE = "scheduled-sync";
/** A claim's lease: a sync still `running` after this (its instance died) is taken over by the next tick. */
export const SYNC_LEASE_MS = 6 * 60 * 60_000;
/** Claims are kept for a month, then swept with other expired state. */
const CLAIM_RETENTION_MS = 31 * 24 * 60 * 60_000;

interface Claim {
  status: "running" | "done" | "failed";
  by: string;
  leaseUntil: number;
  error?: string;
}

export type ScheduledSyncOutcome = { ran: true; failures: number } | { ran: false; reason: "claimed elsewhere" };

/**
 * Claims one occurrence of the scheduled sync, like a digest run: inserting the row wins it,
 * the (namespace, key) primary key lets exactly one instance win on SQLite and PostgreSQL;
 * a claim still `running` past its lease is taken over by one compare-and-set update.
 */
async function claim(sv: Samverkan, key: string, by: string): Promise<boolean> {
  const db = sv.store.db;
  const now = sv.clock().getTime();
  const value = JSON.stringify({ status: "running", by, leaseUntil: now + SYNC_LEASE_MS } satisfies Claim);
  const inserted = await db
    .insertInto("kv_state")
    .values({ namespace: SCHEDULED_SYNC_NAMESPACE, key, value, expires_at: now + CLAIM_RETENTION_MS, updated_at: now })
    .onConflict((oc) => oc.columns(["namespace", "key"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
  const row = await db.selectFrom("kv_state").select("value").where("namespace", "=", SCHEDULED_SYNC_NAMESPACE).where("key", "=", key).executeTakeFirst();
  if (!row) return false;
  let held: Partial<Claim>;
  try {
    held = JSON.parse(row.value) as Partial<Claim>;
  } catch {
    held = {};
  }
  if (held.status !== "running" || typeof held.leaseUntil !== "number" || held.leaseUntil > now) return false;
  const taken = await db
    .updateTable("kv_state")
    .set({ value, updated_at: now })
    .where("namespace", "=", SCHEDULED_SYNC_NAMESPACE)
    .where("key", "=", key)
    .where("value", "=", row.value)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0;
}

async function finish(sv: Samverkan, key: string, claimValue: Claim): Promise<void> {
  const now = sv.clock().getTime();
  await sv.store.db
    .updateTable("kv_state")
    .set({ value: JSON.stringify(claimValue), updated_at: now })
    .where("namespace", "=", SCHEDULED_SYNC_NAMESPACE)
    .where("key", "=", key)
    .execute();
}

/**
 * One occurrence of the scheduled sync: Skolenhetsregistret (every organizer and unit), then
 * the configured municipalities' statistics. Runs on the one instance that claims
 * `occurrence`; the others return `claimed elsewhere`. Both syncs are resumable, so a
 * failure is retried by the next occurrence from where it stopped.
 */
export async function runScheduledSync(
  sv: Samverkan,
  settings: ScheduledSyncSettings,
  occurrence: Date,
  logger: Logger,
  instance = `${hostname()}:${process.pid}`,
): Promise<ScheduledSyncOutcome> {
  const key = occurrence.toISOString();
  if (!(await claim(sv, key, instance))) return { ran: false, reason: "claimed elsewhere" };
  const ctx = { actor: { system: "scheduled-sync" }, channel: "system" } as const;
  let failures = 0;
  try {
    const register = await sv.data.syncRegister(
      { client: createSkolenhetsregistretClient({ baseUrl: settings.registerApiUrl ?? DEFAULT_SKOLENHETSREGISTRET_API_URL }) },
      ctx,
    );
    failures += register.failed.length;
    logger.info({ organizers: register.organizers, schoolUnits: register.schoolUnits, failed: register.failed.length }, "scheduled register sync");
    if (settings.municipalities.length > 0) {
      const stats = await sv.data.sync(
        { client: createSkolverketClient(settings.skolverketApiUrl ? { baseUrl: settings.skolverketApiUrl } : {}), municipalities: settings.municipalities },
        ctx,
      );
      failures += stats.failed.length;
      logger.info({ added: stats.added, updated: stats.updated, unchanged: stats.unchanged, failed: stats.failed.length }, "scheduled statistics sync");
    }
    await finish(sv, key, {
      status: failures > 0 ? "failed" : "done",
      by: instance,
      leaseUntil: sv.clock().getTime(),
      ...(failures > 0 ? { error: `${failures} items failed` } : {}),
    });
    return { ran: true, failures };
  } catch (error) {
    await finish(sv, key, {
      status: "failed",
      by: instance,
      leaseUntil: sv.clock().getTime(),
      error: error instanceof Error ? error.message.slice(0, 500) : "failed",
    }).catch(() => undefined);
    throw error;
  }
}

/**
 * Refreshes the register and statistics on `settings.cron` (in the store's time zone),
 * once across all instances per occurrence. Off (a no-op stopper) when no cron is set.
 */
export function startScheduledSync(sv: Samverkan, logger: Logger, settings: ScheduledSyncSettings): () => void {
  if (!settings.cron) return () => undefined;
  const job = new Cron(settings.cron, { timezone: sv.config.timeZone, protect: true }, async (self: Cron) => {
    // Every instance derives the same key from the schedule, not from its own clock's milliseconds.
    const occurrence = self.currentRun() ?? sv.clock();
    occurrence.setSeconds(0, 0);
    try {
      const outcome = await runScheduledSync(sv, settings, occurrence, logger);
      if (!outcome.ran) logger.debug({ occurrence: occurrence.toISOString() }, "scheduled sync claimed by another instance");
    } catch (error) {
      logger.warn({ err: error }, "scheduled sync failed; the next occurrence resumes it");
    }
  });
  logger.info({ cron: settings.cron, next: job.nextRun()?.toISOString() }, "scheduled register and statistics sync");
  return () => job.stop();
}
