import { Cron } from "croner";
import { STOCKHOLM, type DigestRun, type DigestSubscription } from "@samverkan/sdk";

const WEEK_MS = 7 * 86_400_000;

/** Posted this long after its occurrence (downtime, not a slow tick), a digest is marked late. */
export const DEFAULT_LATE_AFTER_MS = 15 * 60_000;

/** A pattern evaluated in Swedish time; paused and without a callback, so it never starts a timer. */
function pattern(cron: string): Cron {
  return new Cron(cron, { timezone: STOCKHOLM, paused: true, mode: "5-part" });
}

/** The latest occurrence at or before `now` (epoch ms), if any. */
export function latestOccurrence(cron: string, now: number): number | undefined {
  // croner returns runs strictly before the reference, except earlier in the same second;
  // one millisecond later makes "at or before now" exact.
  return pattern(cron)
    .previousRuns(1, new Date(now + 1))[0]
    ?.getTime();
}

/** The occurrence strictly before `instant`. */
export function previousOccurrence(cron: string, instant: number): number | undefined {
  return pattern(cron).previousRuns(1, new Date(instant))[0]?.getTime();
}

/** The first occurrence strictly after `instant`. */
export function nextOccurrence(cron: string, instant: number): number | undefined {
  return pattern(cron).nextRun(new Date(instant))?.getTime() ?? undefined;
}

export interface DueRun {
  scheduledFor: Date;
  /** The occurrence as UTC ISO: the unique key of the run. */
  periodKey: string;
  late: boolean;
}

export interface DueOptions {
  lateAfterMs?: number;
}

/**
 * What a subscription should post now: at most one run, for the latest occurrence at or
 * before `now`, unless that period already has a run. Missed occurrences before it are
 * never posted (no backlog after downtime); the one that is, is marked late. Occurrences
 * before the subscription became active (created or resumed) are not owed. A run of that
 * occurrence whose claim lapsed (the instance died) or whose retry time came (a failed
 * post) is due again; the store decides who takes it over.
 */
export function dueRuns(
  subscription: Pick<DigestSubscription, "cron" | "status" | "activeSince">,
  lastRun: (Pick<DigestRun, "scheduledFor"> & Partial<Pick<DigestRun, "status" | "leaseUntil">>) | undefined,
  now: Date,
  options: DueOptions = {},
): DueRun[] {
  if (subscription.status !== "active") return [];
  const at = now.getTime();
  const occurrence = latestOccurrence(subscription.cron, at);
  if (occurrence === undefined || occurrence < Date.parse(subscription.activeSince)) return [];
  if (lastRun && Date.parse(lastRun.scheduledFor) >= occurrence && !reclaimable(lastRun, at)) return [];
  const scheduledFor = new Date(occurrence);
  return [{ scheduledFor, periodKey: scheduledFor.toISOString(), late: at - occurrence > (options.lateAfterMs ?? DEFAULT_LATE_AFTER_MS) }];
}

/**
 * Where the reported period starts: the last digest that reached the channel, so nothing
 * falls between two digests after a failure or downtime; otherwise the previous occurrence.
 */
export function periodStart(cron: string, scheduledFor: number, lastPosted: Pick<DigestRun, "scheduledFor"> | undefined): number {
  if (lastPosted) return Date.parse(lastPosted.scheduledFor);
  return previousOccurrence(cron, scheduledFor) ?? scheduledFor - WEEK_MS;
}

/** A run still `posting` past its lease, or `failed` with a retry time that has come. */
function reclaimable(run: Partial<Pick<DigestRun, "status" | "leaseUntil">>, at: number): boolean {
  if (run.status !== "posting" && run.status !== "failed") return false;
  return typeof run.leaseUntil === "string" && Date.parse(run.leaseUntil) <= at;
}
