export { createSelectionService, type SelectionOptions, type SelectionResult, type SelectionCandidate, type NotAssessableSchool, type SchoolRef, type SelectionService, type LatestInspection, type RankMetric, type RankOptions, type RankResult, type RankedSchool, type SelectionReasonInWords } from "./service";
export { COMPLETION_METRIC, EXAM_METRIC, deriveCompletion, type ProgrammeFigure } from "./completion";
export { reasonText } from "./words";
export { DEFAULT_CRITERIA, resolveCriteria, type CriterionId, type SelectionCriterion, type CriteriaInput } from "./criteria";
export { assess, type Assessment, type AssessmentInput, type AssessedCandidate, type CriterionFigures, type NotAssessableUnit, type ResultFact, type SelectionReason } from "./assess";
export { pupilWeightedMean, type Figure, type WeightedValue } from "./figures";
