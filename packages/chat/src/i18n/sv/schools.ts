/** Swedish texts of schools. */
export const schools = {
  whichSchoolAreYouLooking: "Vilken skola söker du? Skriv till exempel *sök Rinkebyskolan*.",
  matchesFor: (query: string) => `Träffar för **${query}**:`,
  show: "Visa",
  matches: "träffar",
  schoolUnitCode: "Skolenhetskod",
  organizer: "Huvudman",
  municipality: "Kommun",
  county: "Län",
  regionalOffice: "Regionkontor",
  bookDialogue: "Boka dialog",
  utbildningsguiden: "Utbildningsguiden",
  metricNames: {
    meritValue: "Meritvärde (åk 9)",
    shareAllSubjects: "Godkända i alla ämnen",
    shareEligibleVocational: "Behöriga till yrkesprogram",
    pupils: "Elever",
  },
};
