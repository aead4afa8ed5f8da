import type { Messages } from "../sv";

/** English texts of schools; the type makes a key missing from either language a compile error. */
export const schools: Messages["schools"] = {
  whichSchoolAreYouLooking: "Which school are you looking for? Write e.g. *search Rinkebyskolan*.",
  matchesFor: (query: string) => `Matches for **${query}**:`,
  show: "Show",
  matches: "matches",
  schoolUnitCode: "School unit code",
  organizer: "Organizer",
  municipality: "Municipality",
  county: "County",
  regionalOffice: "Regional office",
  bookDialogue: "Book dialogue",
  utbildningsguiden: "Utbildningsguiden",
  metricNames: {
    meritValue: "Merit value (year 9)",
    shareAllSubjects: "Passed all subjects",
    shareEligibleVocational: "Eligible for vocational programmes",
    pupils: "Pupils",
  },
};
