import type { WriteContext } from "../services/context";
import type { DigestDialogueFact, DigestPhaseChangeFact, DigestStaleFacts, FactWindow, Listed, StaleQuery } from "../digests/facts";
import type { SubscriptionFilter } from "../digests/subscriptions";
import type { ClaimRunInput, DigestRun, DigestRunFilter, DigestSubscription, DigestSubscriptionInput, FinishRunInput } from "../digests/types";

/** The scoped facts a digest is built from. Reached as `sv.digests.facts`. */
export interface DigestFacts {
  /**
   * Planned dialogues in the window, soonest first.
   * @example
   * ```ts
   * const next = await sv.digests.facts.upcoming({ counties: null, from, to });
   * ```
   */
  upcoming(window: FactWindow): Promise<Listed<DigestDialogueFact>>;
  /**
   * Dialogues held in the window, newest first.
   * @example
   * ```ts
   * const held = await sv.digests.facts.held({ counties: null, from, to });
   * ```
   */
  held(window: FactWindow): Promise<Listed<DigestDialogueFact>>;
  /**
   * Open assignments with no progress for a while, in scope.
   * @example
   * ```ts
   * const stale = await sv.digests.facts.stale({ counties: null, silentSince });
   * ```
   */
  stale(query: StaleQuery): Promise<DigestStaleFacts>;
  /**
   * Changes whenever the selection's inputs change (a new import): tells a digest its flagged list may differ.
   * @example
   * ```ts
   * const fingerprint = await sv.digests.facts.selectionFingerprint();
   * ```
   */
  selectionFingerprint(): Promise<string>;
  /**
   * Assignments that moved phase in the window.
   * @example
   * ```ts
   * const moved = await sv.digests.facts.phaseChanges({ counties: null, from, to });
   * ```
   */
  phaseChanges(window: FactWindow): Promise<Listed<DigestPhaseChangeFact>>;
}

/**
 * Channel subscriptions to scheduled digests, the runs log that makes each digest post
 * exactly once across instances, the flagged-schools snapshot each digest compares with,
 * and the facts a digest is built from. Reached as `sv.digests`.
 */
export interface DigestService {
  /** The scoped facts a digest is built from. */
  readonly facts: DigestFacts;
  /**
   * The school codes flagged when the subscription's digest last posted, or undefined.
   * @example
   * ```ts
   * const before = await sv.digests.flaggedSnapshot(sub.id);
   * ```
   */
  flaggedSnapshot(subscriptionId: string): Promise<string[] | undefined>;
  /**
   * Keeps the school codes flagged in this digest, for the next one to compare with.
   * @example
   * ```ts
   * await sv.digests.saveFlaggedSnapshot(sub.id, codes);
   * ```
   */
  saveFlaggedSnapshot(subscriptionId: string, codes: readonly string[]): Promise<void>;
  /**
   * Runs, newest first, filtered by subscription or status.
   * @example
   * ```ts
   * const failed = await sv.digests.runs({ status: "failed" });
   * ```
   */
  runs(filter?: DigestRunFilter): Promise<DigestRun[]>;
  /**
   * The latest run of a subscription (by id or `D-n`), or undefined.
   * @example
   * ```ts
   * const last = await sv.digests.lastRun("D-3");
   * ```
   */
  lastRun(subscription: string): Promise<DigestRun | undefined>;
  /**
   * The latest run of a subscription that posted, or undefined.
   * @example
   * ```ts
   * const posted = await sv.digests.lastPosted("D-3");
   * ```
   */
  lastPosted(subscription: string): Promise<DigestRun | undefined>;
  /**
   * Claims a subscription's run for a period: the run for exactly one caller across instances, undefined for the rest.
   * @example
   * ```ts
   * const run = await sv.digests.claimRun({ subscriptionId: sub.id, scheduledFor, periodStart, late: false, instanceId });
   * ```
   */
  claimRun(input: ClaimRunInput): Promise<DigestRun | undefined>;
  /**
   * Records where the digest was posted (e.g. the message id), before finishing the run.
   * @example
   * ```ts
   * await sv.digests.recordDelivery(run.id, messageTs);
   * ```
   */
  recordDelivery(runId: string, deliveryRef: string): Promise<void>;
  /**
   * Records a failed posting attempt.
   * @example
   * ```ts
   * await sv.digests.recordAttempt(run.id, 2, String(error));
   * ```
   */
  recordAttempt(runId: string, attempts: number, error: string): Promise<void>;
  /**
   * Ends a claimed run as posted, skipped or failed.
   * @example
   * ```ts
   * await sv.digests.finishRun(run.id, { status: "posted", attempts: 1 });
   * ```
   */
  finishRun(runId: string, result: FinishRunInput): Promise<DigestRun | undefined>;
  /**
   * Marks runs claimed longer ago than `olderThanMs` and never finished as failed; returns how many.
   * @example
   * ```ts
   * await sv.digests.expireAbandonedRuns(30 * 60_000);
   * ```
   */
  expireAbandonedRuns(olderThanMs: number): Promise<number>;
  /**
   * Subscribes a conversation to a digest (advisor, from that conversation).
   * @throws {@link ValidationError} when the input, cron or scope is invalid.
   * @throws {@link ForbiddenError} when the actor is below advisor or not in that conversation.
   * @throws {@link ConflictError} when the conversation already has that digest.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const sub = await sv.digests.create({ target: { platform: "slack", teamId: "T1", channelId: "C1" }, cron: DEFAULT_DIGEST_CRON, scope: {} }, asKarin);
   * ```
   */
  create(input: DigestSubscriptionInput, ctx: WriteContext): Promise<DigestSubscription>;
  /**
   * Resolves when the actor may pause, resume or remove the subscription.
   * @throws {@link ForbiddenError} when the actor may not.
   * @throws {@link NotFoundError} when the subscription or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.digests.checkMayManage("D-3", asKarin);
   * ```
   */
  checkMayManage(idOrRef: string, ctx: WriteContext): Promise<void>;
  /**
   * One subscription by id or `D-n`.
   * @throws {@link NotFoundError} when there is no such subscription.
   * @example
   * ```ts
   * const sub = await sv.digests.get("D-3");
   * ```
   */
  get(idOrRef: string): Promise<DigestSubscription>;
  /**
   * Subscriptions, optionally of one conversation or status.
   * @throws {@link ValidationError} when the target filter is malformed.
   * @example
   * ```ts
   * const active = await sv.digests.list({ status: "active" });
   * ```
   */
  list(filter?: SubscriptionFilter): Promise<DigestSubscription[]>;
  /**
   * Pauses a subscription, with an optional reason.
   * @throws {@link ForbiddenError} when the actor may not manage it.
   * @throws {@link NotFoundError} when the subscription or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.digests.pause("D-3", "Sommaruppehåll", asKarin);
   * ```
   */
  pause(idOrRef: string, reason: string | null, ctx: WriteContext): Promise<DigestSubscription>;
  /**
   * Resumes a paused subscription.
   * @throws {@link ForbiddenError} when the actor may not manage it.
   * @throws {@link NotFoundError} when the subscription or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.digests.resume("D-3", asKarin);
   * ```
   */
  resume(idOrRef: string, ctx: WriteContext): Promise<DigestSubscription>;
  /**
   * Ends a subscription.
   * @throws {@link ForbiddenError} when the actor may not manage it.
   * @throws {@link NotFoundError} when the subscription or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.digests.remove("D-3", asKarin);
   * ```
   */
  remove(idOrRef: string, ctx: WriteContext): Promise<DigestSubscription>;
}
