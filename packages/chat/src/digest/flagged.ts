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

function toFact(candidate: SelectionCandidate): FlaggedSchoolFact {
  const main = [...candidate.reasons].sort((a, b) => a.value / a.threshold - b.value / b.threshold)[0];
  return {
    code: candidate.school.code,
    name: candidate.school.name,
    municipalityName: candidate.municipalityName,
    organizerName: candidate.organizer.name,
    reason: main ? { metric: main.metric, value: main.value, threshold: main.threshold } : null,
  };
}

/**
 * School units flagged by `sv.selection.candidates` in the scope's counties, diffed against
 * the set stored at the previous digest. One selection pass per digest: a single county is
 * asked for directly, several are filtered from the national result.
 */
export async function flaggedSchools(sv: Samverkan, counties: string[] | null, previous: readonly string[] | undefined, limit: number): Promise<FlaggedSchools> {
  const result = await sv.selection.candidates(counties?.length === 1 ? { county: counties[0]! } : {});
  const inScope = counties && counties.length > 1 ? result.candidates.filter((c) => counties.includes(c.school.municipalityCode.slice(0, 2))) : result.candidates;
  const codes = inScope.map((c) => c.school.code);
  if (previous === undefined) return { current: codes.length, codes, newly: null };
  const before = new Set(previous);
  // Selection order is weakest first, so the first rows are the most urgent.
  const fresh = inScope.filter((c) => !before.has(c.school.code));
  return { current: codes.length, codes, newly: { total: fresh.length, items: fresh.slice(0, limit).map(toFact) } };
}
