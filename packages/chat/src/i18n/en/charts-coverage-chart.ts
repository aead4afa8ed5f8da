import type { Messages } from "../sv";

/** English texts of chartsCoverageChart; the type makes a key missing from either language a compile error. */
export const chartsCoverageChart: Messages["chartsCoverageChart"] = {
  intlLocale: "en-GB",
  met: "Met",
  paceNeeded: "Pace needed",
  organizersMetAgainstThePace: (goal: number) => `Organizers met against the pace needed (goal ${new Intl.NumberFormat("en-GB").format(goal)})`,
  organizers: "Organizers",
  metPerRegionalOffice: "Met per regional office",
  chartOfOrganizersMetOver: (p: { met: number; goal: number; offices: string }) =>
    `Chart: ${p.met} of ${p.goal} organizers met over time against the pace needed; per regional office: ${p.offices}.`,
};
