/** Swedish texts of schoolFigures. */
export const schoolFigures = {
  belowTheSelectionThreshold: "under urvalsgränsen",
  municipality: "kommunen",
  national: "riket",
  resultsBesideTheMunicipalityAnd: "**Resultat jämfört med kommunen och riket**",
  belowAThresholdOfThe: (p: { mark: string; flagged: string }) =>
    `${p.mark} = under en gräns för urvalet till Samverkan för bästa skola: ${p.flagged}. Kommun och riket är elevviktade medelvärden samma läsår.`,
  noResultIsBelowThe: "Inget resultat är under urvalets gränser. Kommun och riket är elevviktade medelvärden samma läsår.",
  criterionBelow: (p: { criterion: string; threshold: string }) => `${p.criterion} under ${p.threshold}`,
  criterionNames: {
    meritValue: "Meritvärde (åk 9)",
    shareAllSubjects: "Godkända i alla ämnen",
    shareEligibleVocational: "Behöriga till yrkesprogram",
    completionRate: "Examen inom 3 år",
    salsaResidual: "SALSA-avvikelse",
  },
};
