import type { CriterionId, Listed, Samverkan, SelectionCandidate } from "@samverkan/sdk";

/** One school unit the selection flags for low results, as a digest shows it. */
export interface FlaggedSchoolFact {
  code: string;
  name: string;
  municipalityName: string;
  organizerName: string;
  /** The reason that weighs most: which figure is below which threshold. */
  reason: { metric: CriterionId; value: number; threshold: number } | null;
}

export interface FlaggedSchools {
  /** Units flagged now in the scope. */
  current: number;
  /** Their codes, saved after the run for the next digest to compare with. */
  codes: string[];
  /** Flagged now but not at the previous digest; null on a subscription's first digest. */
  newly: Listed<FlaggedSchoolFact> | null;
}

interface Flagged {
  county: string;
  fact: FlaggedSchoolFact;
}

function toFlagged(candidate: SelectionCandidate): Flagged {
  const main = [...candidate.reasons].sort((a, b) => a.value / a.threshold - b.value / b.threshold)[0];
  return {
    county: candidate.school.municipalityCode.slice(0, 2),
    fact: {
      code: candidate.school.code,
      name: candidate.school.name,
      municipalityName: candidate.municipalityName,
      organizerName: candidate.organizer.name,
      reason: main ? { metric: main.metric, value: main.value, threshold: main.threshold } : null,
    },
  };
}

/**
 * The national selection, weakest first, reused while its inputs are unchanged: it reads
 * every result row and assesses them in memory (hundreds of milliseconds at national
 * scale), while results change only when data is imported. Keyed per SDK instance; the
 * in-flight promise is shared, so digests in the same tick run the selection once.
 */
const cache = new WeakMap<Samverkan, { fingerprint: string; flagged: Promise<Flagged[]> }>();

async function nationalFlagged(sv: Samverkan): Promise<Flagged[]> {
  const fingerprint = await sv.digests.facts.selectionFingerprint();
  const hit = cache.get(sv);
  if (hit?.fingerprint === fingerprint) return hit.flagged;
  const flagged = sv.selection.candidates({}).then((result) => result.candidates.map(toFlagged));
  cache.set(sv, { fingerprint, flagged });
  flagged.catch(() => cache.delete(sv));
  return flagged;
}

/** School units flagged in the scope's counties, diffed against the set stored at the previous digest. */
export async function flaggedSchools(
  sv: Samverkan,
  counties: string[] | null,
  previous: readonly string[] | undefined,
  limit: number,
): Promise<FlaggedSchools> {
  const all = await nationalFlagged(sv);
  const inScope = counties ? all.filter((f) => counties.includes(f.county)) : all;
  const codes = inScope.map((f) => f.fact.code);
  if (previous === undefined) return { current: codes.length, codes, newly: null };
  const before = new Set(previous);
  // Selection order is weakest first, so the first rows are the most urgent.
  const fresh = inScope.filter((f) => !before.has(f.fact.code));
  return { current: codes.length, codes, newly: { total: fresh.length, items: fresh.slice(0, limit).map((f) => f.fact) } };
}
