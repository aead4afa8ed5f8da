import type { Messages } from "../sv";

/** English texts of coverage; the type makes a key missing from either language a compile error. */
export const coverage: Messages["coverage"] = {
  theOffice: (town: string) => `the ${town} office`,
  isNotACountyMunicipality: (unknown: string) => `"${unknown}" is not a county, municipality or office I know.`,
  qualityDialogueCoverage: "Quality dialogue coverage",
  ofOrganizersMetOfHas: (p: {
    met: number;
    goal: number;
    percent: string;
    bar: string;
    percent2: string;
    startDate: string;
    endDate: string;
  }) => `**${p.met} of ${p.goal}** organizers met (${p.percent}) ${p.bar}
${p.percent2} of ${p.startDate}–${p.endDate} has passed.`,
  paceSoFar: "Pace so far",
  perMonth: "per month",
  paceNeeded: "Pace needed",
  onTrack: "On track",
  behind: "Behind",
  ofOrganizersMet: (p: { met: number; goal: number }) => `${p.met} of ${p.goal} organizers met.`,
};
