/** Swedish texts of chartsCoverageChart. */
export const chartsCoverageChart = {
  /** BCP 47 tag whose Intl conventions the axes follow (month names, digit grouping, decimal mark). */
  intlLocale: "sv-SE",
  met: "Mötta",
  paceNeeded: "Takt som behövs",
  organizersMetAgainstThePace: (goal: number) => `Mötta huvudmän mot takten som behövs (mål ${new Intl.NumberFormat("sv-SE").format(goal)})`,
  organizers: "Huvudmän",
  metPerRegionalOffice: "Mötta per regionkontor",
  chartOfOrganizersMetOver: (p: { met: number; goal: number; offices: string }) =>
    `Diagram: ${p.met} av ${p.goal} huvudmän mötta över tid mot takten som behövs; per regionkontor: ${p.offices}.`,
};
