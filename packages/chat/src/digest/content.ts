import { coverageChartUrl, scopeOf } from "../charts/links";
import {
  addLocalDays,
  describeScope,
  formatInstant,
  scopeCounties,
  type Coverage,
  type DigestDialogueFact,
  type DigestPhaseChangeFact,
  type DigestScope,
  type DigestStaleFacts,
  type Listed,
  type Samverkan,
} from "@samverkan/sdk";
import type { Locale, Message } from "../cards/model";
import { flaggedSchools, type FlaggedSchools } from "./flagged";
import { renderDigestMessage } from "./message";

/** Dialogues this many days ahead count as upcoming. */
export const UPCOMING_DAYS = 7;
/** An open assignment with no progress entry for this many days is stale. */
export const STALE_DAYS = 14;
/** Rows shown per section; the rest are counted ("… och 12 till"). */
export const ITEMS_PER_SECTION = 5;

/** Everything one digest says, gathered for a scope and a period. */
export interface DigestData {
  scope: DigestScope;
  scopeLabel: string;
  /** Counties covered, or null for the whole country. */
  counties: string[] | null;
  /** ISO instants in Swedish time: the period reported on is [since, now). */
  since: string;
  now: string;
  upcoming: Listed<DigestDialogueFact>;
  held: Listed<DigestDialogueFact>;
  coverage: Coverage;
  stale: DigestStaleFacts;
  phaseChanges: Listed<DigestPhaseChangeFact>;
  /** School units flagged by the selection for low results, and which are new since the last digest. */
  flagged: FlaggedSchools;
}

export interface DigestRequest {
  scope: DigestScope;
  locale: Locale;
  /** Start of the period: the previous digest. */
  since: Date;
  now: Date;
  /** Set when the digest is posted after a missed occurrence. */
  late?: { scheduledFor: Date };
  /** Shown in the footer so readers can manage the subscription, e.g. `D-3`. */
  subscriptionRef?: string;
  cron?: string;
  /** Codes flagged at the previous digest (`sv.digests.flaggedSnapshot`); absent on the first. */
  previousFlagged?: readonly string[];
}

export interface BuiltDigest {
  data: DigestData;
  /** Nothing happened and nothing is coming: a subscription without postWhenEmpty stays quiet. */
  empty: boolean;
  message: Message;
}

/** Reads the facts for a scope and period; independent queries run side by side. */
export async function gatherDigest(sv: Samverkan, request: Omit<DigestRequest, "late" | "subscriptionRef" | "cron">): Promise<DigestData> {
  const tz = sv.config.timeZone;
  const counties = scopeCounties(request.scope, sv.config.offices);
  const now = request.now.getTime();
  const nowIso = formatInstant(now, tz);
  const sinceIso = formatInstant(Math.min(request.since.getTime(), now), tz);
  const limit = ITEMS_PER_SECTION;
  const [upcoming, held, coverage, stale, phaseChanges, flagged] = await Promise.all([
    sv.digests.facts.upcoming({ counties, from: nowIso, to: formatInstant(addLocalDays(now, UPCOMING_DAYS, tz), tz), limit }),
    sv.digests.facts.held({ counties, from: sinceIso, to: nowIso, limit }),
    sv.coverage.compute(counties ? { counties } : {}),
    sv.digests.facts.stale({ counties, silentSince: formatInstant(addLocalDays(now, -STALE_DAYS, tz), tz), now: nowIso, limit }),
    sv.digests.facts.phaseChanges({ counties, from: sinceIso, to: nowIso, limit }),
    flaggedSchools(sv, counties, request.previousFlagged, limit),
  ]);
  return {
    scope: request.scope,
    scopeLabel: describeScope(request.scope, sv.config.offices, request.locale),
    counties,
    since: sinceIso,
    now: nowIso,
    upcoming,
    held,
    coverage,
    stale,
    phaseChanges,
    flagged,
  };
}

/** Coverage and the count of flagged schools are always there, so they alone are not news. */
export function isEmptyDigest(data: DigestData): boolean {
  const news = data.upcoming.total + data.held.total + data.stale.total + data.phaseChanges.total + (data.flagged.newly?.total ?? 0);
  return news === 0;
}

/** Gathers and renders one digest as a card-model Message. */
export async function buildDigest(sv: Samverkan, request: DigestRequest): Promise<BuiltDigest> {
  const data = await gatherDigest(sv, request);
  const empty = isEmptyDigest(data);
  const chart = coverageChartUrl(sv.calendar.settings, scopeOf(data.counties ? { counties: data.counties } : {}), request.locale, request.now);
  const message = renderDigestMessage(data, {
    ...(chart ? { coverageChartUrl: chart } : {}),
    locale: request.locale,
    empty,
    offices: sv.config.offices,
    ...(request.late ? { lateScheduledFor: formatInstant(request.late.scheduledFor.getTime(), sv.config.timeZone) } : {}),
    ...(request.subscriptionRef ? { subscriptionRef: request.subscriptionRef } : {}),
    ...(request.cron ? { cron: request.cron } : {}),
  });
  return { data, empty, message };
}
