import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import { STOCKHOLM, type DigestPlatform, type DigestRun, type DigestSubscription, type Samverkan, type WriteContext } from "@samverkan/sdk";
import { buildDigest } from "./content";
import { isDigestChannelGone, type DigestDelivery, type DigestPoster } from "./poster";
import { dueRuns, periodStart, type DueRun } from "./schedule";
import { t } from "../i18n";

/** pino's call shape, so a pino logger can be passed as is. */
export interface DigestLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface DigestSchedulerOptions {
  samverkan: Samverkan;
  /** Only subscriptions whose platform has a poster here are handled by this instance. */
  posters: Partial<Record<DigestPlatform, DigestPoster>>;
  /** Default the SDK's clock; tests drive a controlled one. */
  clock?: () => Date;
  logger?: DigestLogger;
  /** Names this instance in the runs log; default `host:pid:random`. */
  instanceId?: string;
  /** Posting attempts per digest (default 3) and the waits between them (default 2 s, then 8 s). */
  retry?: { attempts?: number; delaysMs?: readonly number[] };
  /** Injected in tests so retries do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Start croner's minute timer (default true); tests call `tick()` themselves. */
  timer?: boolean;
  /** When a tick happens; default every minute. */
  tickPattern?: string;
  /** How long after its occurrence a digest counts as late (default 15 minutes). */
  lateAfterMs?: number;
  /** Called with each run's outcome (metrics); must not throw. */
  onRun?: (outcome: RunOutcome) => void;
  /** How long a claim holds before another instance may take the run over (default 10 minutes). */
  leaseMs?: number;
  /** After a post failed every attempt, when the period is tried again (default 15 minutes). */
  retryLaterMs?: number;
}

export type RunOutcome = "posted" | "skipped_empty" | "failed" | "channel_gone" | "claimed_elsewhere";

export interface TickReport {
  at: string;
  runs: Array<{ subscription: string; periodKey: string; late: boolean; outcome: RunOutcome }>;
}

export interface DigestScheduler {
  /** The tick run on start (posts a missed period, marked late). */
  ready: Promise<TickReport>;
  /** Runs one tick now, after any tick in progress. */
  tick(): Promise<TickReport>;
  /** Stops the timer and waits for the tick in progress. */
  stop(): Promise<void>;
}

const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_RETRY_LATER_MS = 15 * 60_000;
const SYSTEM: WriteContext = { actor: { system: "digest-scheduler" }, channel: "system" };
const silent: DigestLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Posts scheduled digests. Every app instance runs one; on start and on every tick each
 * active subscription's latest occurrence is claimed in the store before posting, so
 * each (subscription, period) is posted once however many instances tick together.
 *
 * Delivery is effectively once: a claim is a lease, so a run whose instance died is taken
 * over after `leaseMs`, and a period whose post failed every attempt is tried again after
 * `retryLaterMs` (until the next occurrence replaces it). Before posting a run that may
 * already have gone out (taken over, or after a failed attempt) the scheduler checks: the
 * platform id recorded after a confirmed post, then the channel itself where the poster
 * can look (`findPosted`).
 */
export function startDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const sv = options.samverkan;
  const clock = options.clock ?? sv.clock;
  const logger = options.logger ?? silent;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const attempts = Math.max(1, options.retry?.attempts ?? 3);
  const delays = options.retry?.delaysMs ?? [2_000, 8_000];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const retryLaterMs = options.retryLaterMs ?? DEFAULT_RETRY_LATER_MS;
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();

  async function post(subscription: DigestSubscription, due: DueRun, run: DigestRun, poster: DigestPoster): Promise<RunOutcome> {
    const now = clock();
    const previousFlagged = await sv.digests.flaggedSnapshot(subscription.id);
    const digest = await buildDigest(sv, {
      scope: subscription.scope,
      locale: subscription.locale,
      since: new Date(Date.parse(run.periodStart)),
      now,
      ...(due.late ? { late: { scheduledFor: due.scheduledFor } } : {}),
      subscriptionRef: subscription.ref,
      cron: subscription.cron,
      ...(previousFlagged ? { previousFlagged } : {}),
    });
    // What this digest covered becomes the next one's baseline; a failed post leaves it, so nothing is missed.
    const covered = () =>
      sv.digests.saveFlaggedSnapshot(subscription.id, digest.data.flagged.codes).catch((error: unknown) => {
        logger.warn({ subscription: subscription.ref, error: safeError(error) }, "could not save the flagged-schools snapshot");
      });
    if (digest.empty && !subscription.postWhenEmpty) {
      await sv.digests.finishRun(run.id, { status: "skipped_empty" });
      await covered();
      return "skipped_empty";
    }
    const log = { subscription: subscription.ref, periodKey: due.periodKey, late: due.late, platform: subscription.target.platform };
    const delivery: DigestDelivery = { runId: run.id, subscriptionRef: subscription.ref, periodKey: due.periodKey, notBefore: due.scheduledFor };
    const posted = async (attempt: number, ref: string | undefined, how: string): Promise<RunOutcome> => {
      // Posted: from here on nothing may lead to posting again, even if recording fails.
      await sv.digests.finishRun(run.id, { status: "posted", attempts: attempt, ...(ref ? { deliveryRef: ref } : {}) }).catch((error: unknown) => {
        logger.error({ ...log, error: safeError(error) }, "digest posted, but its run could not be recorded");
      });
      await covered();
      logger.info({ ...log, attempts: attempt, ...(ref ? { deliveryRef: ref } : {}) }, how);
      return "posted";
    };
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        // A run taken over, or retried after a failed attempt, may have gone out already.
        const mayExist = run.claims > 1 || attempt > 1;
        const existing = mayExist && poster.findPosted ? await poster.findPosted(subscription.target, delivery) : undefined;
        if (existing !== undefined) return await posted(Math.max(1, attempt - 1), existing, "digest was already posted; not posting again");
        const ref = (await poster.post(subscription.target, digest.message, delivery)) ?? undefined;
        if (ref) {
          await sv.digests.recordDelivery(run.id, ref).catch((error: unknown) => {
            logger.warn({ ...log, error: safeError(error) }, "could not record the digest's platform id");
          });
        }
        return await posted(attempt, ref, "digest posted");
      } catch (error) {
        failure = error ?? new Error("post failed");
      }
      const text = describeError(failure);
      if (isDigestChannelGone(failure)) {
        await sv.digests.finishRun(run.id, { status: "channel_gone", attempts: attempt, error: text });
        await sv.digests.pause(subscription.id, goneReason(subscription, failure.reason), SYSTEM);
        logger.warn({ ...log, reason: failure.reason }, "digest channel gone; subscription paused");
        return "channel_gone";
      }
      if (attempt >= attempts) {
        // Not lost: the period is claimed again after retryLaterMs (checking first, as here).
        await sv.digests.finishRun(run.id, { status: "failed", attempts: attempt, error: text, retryAfterMs: retryLaterMs });
        logger.error({ ...log, attempts: attempt, retryInMs: retryLaterMs, error: safeError(failure) }, "digest post failed after retries");
        return "failed";
      }
      await sv.digests.recordAttempt(run.id, attempt, text);
      logger.warn({ ...log, attempt, error: text }, "digest post failed; retrying");
      await sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 0);
    }
  }

  async function handle(subscription: DigestSubscription, now: Date, report: TickReport): Promise<void> {
    const poster = options.posters[subscription.target.platform];
    if (!poster) return;
    const last = await sv.digests.lastRun(subscription.id);
    for (const due of dueRuns(subscription, last, now, { ...(options.lateAfterMs !== undefined ? { lateAfterMs: options.lateAfterMs } : {}) })) {
      const since = periodStart(subscription.cron, due.scheduledFor.getTime(), await sv.digests.lastPosted(subscription.id));
      const run = await sv.digests.claimRun({
        subscriptionId: subscription.id,
        scheduledFor: due.scheduledFor,
        periodStart: new Date(since),
        late: due.late,
        claimedBy: instanceId,
        leaseMs,
      });
      const entry = { subscription: subscription.ref, periodKey: due.periodKey, late: due.late };
      if (!run) {
        report.runs.push({ ...entry, outcome: "claimed_elsewhere" });
        options.onRun?.("claimed_elsewhere");
        continue;
      }
      let outcome: RunOutcome;
      if (run.deliveryRef !== null) {
        // Taken over from an instance that posted (the platform confirmed it) but did not finish.
        await sv.digests.finishRun(run.id, { status: "posted", attempts: run.attempts || 1, deliveryRef: run.deliveryRef });
        logger.info({ ...entry, deliveryRef: run.deliveryRef }, "digest was already posted; not posting again");
        report.runs.push({ ...entry, outcome: "posted" });
        continue;
      }
      try {
        outcome = await post(subscription, due, run, poster);
      } catch (error) {
        // Building the digest, or recording a failure, failed: record it if the store lets
        // us; the period is tried again later (a post that may have gone out is checked first).
        logger.error({ ...entry, error: safeError(error) }, "digest run failed");
        await sv.digests.finishRun(run.id, { status: "failed", attempts: 0, error: describeError(error), retryAfterMs: retryLaterMs }).catch(() => undefined);
        outcome = "failed";
      }
      report.runs.push({ ...entry, outcome });
      options.onRun?.(outcome);
    }
  }

  async function runTick(): Promise<TickReport> {
    const now = clock();
    const report: TickReport = { at: now.toISOString(), runs: [] };
    if (stopped) return report;
    try {
      const subscriptions = await sv.digests.list({ status: "active" });
      await Promise.all(
        subscriptions.map((s) =>
          handle(s, now, report).catch((error: unknown) => logger.error({ subscription: s.ref, error: safeError(error) }, "digest subscription check failed")),
        ),
      );
    } catch (error) {
      logger.error({ error: safeError(error) }, "digest tick failed");
    }
    return report;
  }

  function tick(): Promise<TickReport> {
    const next = chain.then(runTick, runTick);
    chain = next;
    return next;
  }

  const job =
    options.timer === false
      ? undefined
      : new Cron(options.tickPattern ?? "* * * * *", { timezone: STOCKHOLM, protect: true, catch: true, unref: true }, async () => {
          await tick();
        });

  return {
    ready: tick(),
    tick,
    async stop() {
      stopped = true;
      job?.stop();
      await chain.catch(() => undefined);
    },
  };
}

/**
 * The fields of an error that are safe to log. Platform client errors can carry the
 * outgoing request, whose headers hold the bot's token, so the error object itself is
 * never handed to the logger.
 */
function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof statusCode === "number" ? { statusCode } : {}),
    ...(typeof code === "string" ? { code } : {}),
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function goneReason(subscription: DigestSubscription, code: string): string {
  return t(subscription.locale).digestScheduler.theBotCanNoLonger({ code, ref: subscription.ref });
}
