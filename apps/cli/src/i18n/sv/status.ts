/** Swedish texts of status. */
export const status = {
  store: "Lagring",
  municipalities: "Kommuner",
  organizers: "Huvudmän",
  schoolUnits: "Skolenheter",
  qualityDialogues: "Kvalitetsdialoger",
  assignments: "Uppdrag",
  staff: "Medarbetare",
  schoolUnitRegisterSyncedActive: (p: { syncedAt: string; active: number; inactive: number; active2: number; inactive2: number }) =>
    `Skolenhetsregistret (synkat ${p.syncedAt}): ${p.active} aktiva huvudmän (${p.inactive} inaktiva), ${p.active2} aktiva skolenheter (${p.inactive2} övriga).`,
  theGoalIsTheConfigured: (goal: number) => `Målet ${goal} är det konfigurerade; kör samverkan sync --register för att räkna mot registrets huvudmän.`,
  coverageOfOrganizersMetOf: (p: { met: number; goal: number; pct: string; pct2: string; startDate: string; endDate: string }) =>
    `Täckning: ${p.met} av ${p.goal} huvudmän mötta (${p.pct}), ${p.pct2} av tiden ${p.startDate}–${p.endDate} har gått.`,
  pacePerMonthSoFar: (p: { pacePerMonth: string; neededPerMonth: string; onTrack: boolean }) =>
    `Takt: ${p.pacePerMonth} per månad hittills, ${p.neededPerMonth} per månad behövs. ${p.onTrack ? "I fas." : "Efter plan."}`,
};
