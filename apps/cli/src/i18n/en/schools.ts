import type { Messages } from "../sv";

/** English texts of schools; the type makes a key missing from either language a compile error. */
export const schools: Messages["schools"] = {
  organizer: "Organizer",
  municipality: "Municipality",
  county: "County",
  regionalOffice: "Regional office",
  typesOfSchooling: "Types of schooling",
  address: "Address",
  web: "Web",
  phone: "Phone",
  noResultsLoadedRunSamverkan: "No results loaded. Run `samverkan import` or `samverkan sync`.",
  resultsLatestSchoolYearPer: "Results (latest school year per measure):",
  noSchoolUnitsMatched: (query: string) => `No school units matched "${query}".`,
};
