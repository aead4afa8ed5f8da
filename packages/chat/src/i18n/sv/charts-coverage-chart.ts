/** Swedish texts of chartsCoverageChart. */
export const chartsCoverageChart = {
  met: "Mötta",
  paceNeeded: "Takt som behövs",
  organizersMetAgainstThePace: (goal: number) => `Mötta huvudmän mot takten som behövs (mål ${goal})`,
  organizers: "Huvudmän",
  metPerRegionalOffice: "Mötta per regionkontor",
  chartOfOrganizersMetOver: (p: { met: number; goal: number; offices: string }) => `Diagram: ${p.met} av ${p.goal} huvudmän mötta över tid mot takten som behövs; per regionkontor: ${p.offices}.`,
};
