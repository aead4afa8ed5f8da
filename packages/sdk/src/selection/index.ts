export {
  createSelectionService,
  type SelectionOptions,
  type SelectionResult,
  type SelectionCandidate,
  type NotAssessableSchool,
  type SchoolRef,
  type SelectionService,
  type LatestInspection,
  type SelectionRankMetric,
  type SelectionRankOptions,
  type SelectionRankResult,
  type SelectionRankedSchool,
  type SelectionReasonInWords,
} from "./service";
export { COMPLETION_METRIC, EXAM_METRIC, deriveCompletion, type ProgrammeFigure } from "./completion";
export { reasonText } from "./words";
export type { FigureInContext, CriterionInContext, SchoolFiguresInContext } from "./context";
export { DEFAULT_CRITERIA, resolveCriteria, type CriterionId, type SelectionCriterion, type CriteriaInput } from "./criteria";
export {
  assess,
  type Assessment,
  type AssessmentInput,
  type AssessedCandidate,
  type CriterionFigures,
  type NotAssessableUnit,
  type ResultFact,
  type SelectionReason,
} from "./assess";
export { pupilWeightedMean, type Figure, type WeightedValue } from "./figures";
// Added by issue #11: rankings and areas as staff write them.
export { createRankingService, RANK_METRICS, type RankMetric, type RankingOptions, type RankedSchool, type Ranking } from "./ranking";
export { resolveArea, type Area } from "./area";
