import { API_METRIC_ALIASES } from "../data/metrics";

export type CriterionId = "meritValue" | "shareAllSubjects" | "shareEligibleVocational" | "completionRate";

export interface SelectionCriterion {
  id: CriterionId;
  /** Result metrics carrying this figure, in order of preference (export name, then API name). */
  metrics: readonly string[];
  /** A value below this is low. */
  threshold: number;
  /** `gr` grundskola, `gy` gymnasieskola. */
  schoolForm: "gr" | "gy";
}

/**
 * The programme selects schools with low knowledge results, and upper secondary schools
 * where many do not complete. Thresholds are starting points; pass your own.
 */
export const DEFAULT_CRITERIA: readonly SelectionCriterion[] = [
  { id: "meritValue", metrics: ["meritValue", API_METRIC_ALIASES.meritValue], threshold: 190, schoolForm: "gr" },
  { id: "shareAllSubjects", metrics: ["shareAllSubjects", API_METRIC_ALIASES.shareAllSubjects], threshold: 60, schoolForm: "gr" },
  { id: "shareEligibleVocational", metrics: ["shareEligibleVocational", API_METRIC_ALIASES.shareEligibleVocational], threshold: 75, schoolForm: "gr" },
  // Neither the export nor the gr statistics carry it; with gy data under this name it takes part.
  { id: "completionRate", metrics: ["completionRate"], threshold: 70, schoolForm: "gy" },
];

/** Threshold per criterion; `null` leaves the criterion out. */
export type CriteriaInput = Partial<Record<CriterionId, number | null>>;

export function resolveCriteria(input: CriteriaInput = {}): SelectionCriterion[] {
  return DEFAULT_CRITERIA.flatMap((criterion) => {
    const override = input[criterion.id];
    if (override === null) return [];
    return [{ ...criterion, threshold: override ?? criterion.threshold }];
  });
}
