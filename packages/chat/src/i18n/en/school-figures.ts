import type { Messages } from "../sv";

/** English texts of schoolFigures; the type makes a key missing from either language a compile error. */
export const schoolFigures: Messages["schoolFigures"] = {
  belowTheSelectionThreshold: "below the selection threshold",
  municipality: "municipality",
  national: "national",
  resultsBesideTheMunicipalityAnd: "**Results beside the municipality and Sweden**",
  belowAThresholdOfThe: (p: { mark: string; flagged: string }) =>
    `${p.mark} = below a threshold of the selection for Samverkan för bästa skola: ${p.flagged}. Municipality and national figures are pupil-weighted means for the same school year.`,
  noResultIsBelowThe: "No result is below the selection's thresholds. Municipality and national figures are pupil-weighted means for the same school year.",
  criterionBelow: (p: { criterion: string; threshold: string }) => `${p.criterion} below ${p.threshold}`,
  criterionNames: {
    meritValue: "Merit value (year 9)",
    shareAllSubjects: "Passed all subjects",
    shareEligibleVocational: "Eligible for vocational programmes",
    completionRate: "Diploma within 3 years",
    salsaResidual: "SALSA residual",
  },
};
