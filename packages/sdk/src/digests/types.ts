import * as z from "zod";
import { countyCodeSchema } from "../domain/geography";

/** Where a digest is posted: a Slack channel, or a Teams conversation whose reference the Teams app keeps. */
export const digestTargetSchema = z.discriminatedUnion("platform", [
  z.object({
    platform: z.literal("slack"),
    teamId: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,40}$/, { message: "A Slack team id looks like T0123ABCD." }),
    channelId: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,40}$/, { message: "A Slack channel id looks like C0123ABCD." }),
  }),
  z.object({
    platform: z.literal("teams"),
    conversationId: z.string().trim().min(1).max(1000),
  }),
]);
export type DigestTarget = z.infer<typeof digestTargetSchema>;
export type DigestPlatform = DigestTarget["platform"];

/** What a digest covers: one regional office's counties, a list of counties, or all of Sweden. */
export const digestScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("office"), officeId: z.string().trim().min(1) }),
  z.object({ kind: z.literal("counties"), counties: z.array(countyCodeSchema).min(1).max(21) }),
  z.object({ kind: z.literal("country") }),
]);
export type DigestScope = z.infer<typeof digestScopeSchema>;

export const digestLocaleSchema = z.enum(["sv", "en"]);

/** Mondays at 08:00 Swedish time. */
export const DEFAULT_DIGEST_CRON = "0 8 * * 1";

export const digestSubscriptionInputSchema = z.object({
  target: digestTargetSchema,
  scope: digestScopeSchema,
  /** Five-field cron pattern, read in Europe/Stockholm. */
  cron: z.string().trim().default(DEFAULT_DIGEST_CRON),
  locale: digestLocaleSchema.default("sv"),
  /** Post even when there is nothing new (default: stay quiet). */
  postWhenEmpty: z.boolean().default(false),
});
export type DigestSubscriptionInput = z.input<typeof digestSubscriptionInputSchema>;

export const digestSubscriptionStatusSchema = z.enum(["active", "paused"]);
export type DigestSubscriptionStatus = z.infer<typeof digestSubscriptionStatusSchema>;

export interface DigestSubscription {
  id: string;
  /** Short reference people type in chat, e.g. `D-3`. */
  ref: string;
  target: DigestTarget;
  scope: DigestScope;
  cron: string;
  /** Always Europe/Stockholm; stated so readers need not guess. */
  timeZone: string;
  locale: "sv" | "en";
  postWhenEmpty: boolean;
  status: DigestSubscriptionStatus;
  pausedReason: string | null;
  /** Occurrences before this instant are never posted (creation or the latest resume). */
  activeSince: string;
  createdBy: string | null;
  createdAt: string;
}

export const digestRunStatusSchema = z.enum(["posting", "posted", "failed", "skipped_empty", "channel_gone"]);
export type DigestRunStatus = z.infer<typeof digestRunStatusSchema>;

/** One (subscription, period): claimed by exactly one instance, then finished with a result. */
export interface DigestRun {
  id: string;
  subscriptionId: string;
  /** The scheduled occurrence as UTC ISO, e.g. `2026-03-30T06:00:00.000Z`. */
  periodKey: string;
  scheduledFor: string;
  /** Start of the period the digest reports on (the previous digest, or the previous occurrence). */
  periodStart: string;
  status: DigestRunStatus;
  /** Posted after a missed occurrence (downtime), not at its scheduled time. */
  late: boolean;
  attempts: number;
  error: string | null;
  claimedBy: string;
  claimedAt: string;
  postedAt: string | null;
  finishedAt: string | null;
  /**
   * While `posting`: when the claim expires and another instance may take the run over.
   * When `failed`: the earliest time the period is tried again (null: never).
   */
  leaseUntil: string | null;
  /** What the platform returned for the post (Slack message ts, Teams activity id), once known. */
  deliveryRef: string | null;
  /** How many times the run was claimed (more than 1 after a crash or a failed post). */
  claims: number;
}

export interface DigestRunFilter {
  /** Subscription id or reference such as `D-3`. */
  subscription?: string;
  status?: DigestRunStatus;
  limit?: number;
}

export interface ClaimRunInput {
  subscriptionId: string;
  scheduledFor: Date;
  periodStart: Date;
  late: boolean;
  /** Which instance claimed it, for the runs log. */
  claimedBy: string;
  /** How long the claim holds before another instance may take it over (default 10 minutes). */
  leaseMs?: number;
}

export type FinishRunInput =
  | { status: "posted"; attempts: number; deliveryRef?: string }
  | { status: "skipped_empty"; attempts?: number }
  | { status: "channel_gone"; attempts: number; error: string }
  /** `retryAfterMs`: the period may be claimed again after this long (omitted: never). */
  | { status: "failed"; attempts: number; error: string; retryAfterMs?: number };
