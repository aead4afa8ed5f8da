import { API_METRIC_ALIASES } from "../data/metrics";

export type CriterionId = "meritValue" | "shareAllSubjects" | "shareEligibleVocational" | "completionRate" | "salsaResidual";

export interface SelectionCriterion {
  id: CriterionId;
  /** Result metrics carrying this figure, in order of preference (export name, then API name). */
  metrics: readonly string[];
  /** A value below this is low. */
  threshold: number;
  /** `gr` grundskola, `gy` gymnasieskola. */
  schoolForm: "gr" | "gy";
  /** What one unit of shortfall weighs in the score; default the threshold (SALSA's residual is around 0, so it has its own). */
  scale?: number;
}

/**
 * The programme selects schools with low knowledge results, and upper secondary schools
 * where many do not complete. Thresholds are starting points; pass your own.
 */
export const DEFAULT_CRITERIA: readonly SelectionCriterion[] = [
  { id: "meritValue", metrics: ["meritValue", API_METRIC_ALIASES.meritValue], threshold: 190, schoolForm: "gr" },
  { id: "shareAllSubjects", metrics: ["shareAllSubjects", API_METRIC_ALIASES.shareAllSubjects], threshold: 60, schoolForm: "gr" },
  { id: "shareEligibleVocational", metrics: ["shareEligibleVocational", API_METRIC_ALIASES.shareEligibleVocational], threshold: 75, schoolForm: "gr" },
  // Share with an upper secondary exam within three years (statistics/gy), weighted over the unit's programmes.
  { id: "completionRate", metrics: ["examWithin3Years", "completionRate"], threshold: 70, schoolForm: "gy" },
  // SALSA: merit value above (+) or below (−) what the pupils' background predicts.
  { id: "salsaResidual", metrics: ["salsaAverageGradesIn9thGradeDeviation"], threshold: -15, schoolForm: "gr", scale: 20 },
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
