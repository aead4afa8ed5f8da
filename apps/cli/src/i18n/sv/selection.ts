/** Swedish texts of selection. */
export const selection = {
  municipality: "kommun",
  allOfSweden: "hela landet",
  selection: "Urval",
  schoolYear: "läsår",
  thresholdsNational: "Gränser (riket)",
  noDataOn: (map: string) => `Inga uppgifter om: ${map}.`,
  ofAssessedSchoolUnitsHave: (p: { candidateCount: number; assessed: number; shown: string }) =>
    `${p.candidateCount} av ${p.assessed} bedömda skolenheter har låga resultat${p.shown}:`,
  score: "poäng",
  threshold: "gräns",
  national: "riket",
  municipality2: "kommunen",
  notAssessableHiddenOrMissing: (length: number) => `Kan inte bedömas (dolda eller saknade värden): ${length}`,
  weakestShown: (count: number) => ` (de ${count} svagaste visas)`,
};
