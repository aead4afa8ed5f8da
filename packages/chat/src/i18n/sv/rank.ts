/** Swedish texts of rank. */
export const rank = {
  allOfSweden: "hela Sverige",
  theRegisterHasNoFigures: (metricName: string) => `Registret har inga uppgifter om ${metricName} ännu.`,
  noSchoolUnitsInHave: (p: { where: string; metricName: string; schoolYear: string | null }) =>
    `Inga skolenheter i ${p.where} har ${p.metricName} för ${p.schoolYear}.`,
  title: (p: { lowestFirst: boolean; metricName: string; where: string }) => `${p.lowestFirst ? "Lägst" : "Högst"} ${p.metricName} i ${p.where}`,
  schoolYearNationalUnitsWith: (p: { schoolYear: string | null; national: string; total: number }) =>
    `Läsår ${p.schoolYear} · riket ${p.national} · ${p.total} enheter med uppgift`,
  national: "riket",
  show: "Visa",
};
