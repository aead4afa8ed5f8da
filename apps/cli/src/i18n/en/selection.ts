import type { Messages } from "../sv";

/** English texts of selection; the type makes a key missing from either language a compile error. */
export const selection: Messages["selection"] = {
  municipality: "municipality",
  allOfSweden: "all of Sweden",
  selection: "Selection",
  schoolYear: "school year",
  thresholdsNational: "Thresholds (national)",
  noDataOn: (map: string) => `No data on: ${map}.`,
  ofAssessedSchoolUnitsHave: (p: { candidateCount: number; assessed: number; shown: string }) =>
    `${p.candidateCount} of ${p.assessed} assessed school units have low results${p.shown}:`,
  score: "score",
  threshold: "threshold",
  national: "national",
  municipality2: "municipality",
  notAssessableHiddenOrMissing: (length: number) => `Not assessable (hidden or missing values): ${length}`,
  weakestShown: (count: number) => ` (the weakest ${count} shown)`,
};
