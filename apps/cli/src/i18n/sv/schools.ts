/** Swedish texts of schools. */
export const schools = {
  organizer: "Huvudman",
  municipality: "Kommun",
  county: "Län",
  regionalOffice: "Regionkontor",
  typesOfSchooling: "Skolformer",
  address: "Adress",
  web: "Webb",
  phone: "Telefon",
  noResultsLoadedRunSamverkan: "Inga resultat inlästa. Kör `samverkan import` eller `samverkan sync`.",
  resultsLatestSchoolYearPer: "Resultat (senaste läsår per mått):",
  noSchoolUnitsMatched: (query: string) => `Inga skolenheter matchade "${query}".`,
};
