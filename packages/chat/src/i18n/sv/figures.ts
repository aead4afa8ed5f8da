/** Swedish texts of figures. */
export const figures = {
  metricNames: {
    meritValue: "Meritvärde",
    allSubjectsPassed: "Godkända i alla ämnen",
    eligibleVocational: "Behöriga till yrkesprogram",
    examWithin3Years: "Examen inom 3 år",
  },
};
