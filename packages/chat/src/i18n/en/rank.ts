import type { Messages } from "../sv";

/** English texts of rank; the type makes a key missing from either language a compile error. */
export const rank: Messages["rank"] = {
  allOfSweden: "all of Sweden",
  theRegisterHasNoFigures: (metricName: string) => `The register has no ${metricName} figures yet.`,
  noSchoolUnitsInHave: (p: { where: string; metricName: string; schoolYear: string | null }) =>
    `No school units in ${p.where} have ${p.metricName} for ${p.schoolYear}.`,
  title: (p: { lowestFirst: boolean; metricName: string; where: string }) => `${p.lowestFirst ? "Lowest" : "Highest"} ${p.metricName} in ${p.where}`,
  schoolYearNationalUnitsWith: (p: { schoolYear: string | null; national: string; total: number }) =>
    `School year ${p.schoolYear} · national ${p.national} · ${p.total} units with a figure`,
  national: "national",
  show: "Show",
};
