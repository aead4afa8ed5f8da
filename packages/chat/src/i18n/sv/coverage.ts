/** Swedish texts of coverage. */
export const coverage = {
  theOffice: (town: string) => `${town}kontoret`,
  isNotACountyMunicipality: (unknown: string) => `Känner inte igen "${unknown}" som ett län, en kommun eller ett kontor.`,
  qualityDialogueCoverage: "Täckning av kvalitetsdialoger",
  ofOrganizersMetOfHas: (p: {
    met: number;
    goal: number;
    percent: string;
    bar: string;
    percent2: string;
    startDate: string;
    endDate: string;
  }) => `**${p.met} av ${p.goal}** huvudmän mötta (${p.percent}) ${p.bar}
${p.percent2} av tiden ${p.startDate}–${p.endDate} har gått.`,
  paceSoFar: "Takt hittills",
  perMonth: "per månad",
  paceNeeded: "Takt som behövs",
  onTrack: "I fas",
  behind: "Efter plan",
  ofOrganizersMet: (p: { met: number; goal: number }) => `${p.met} av ${p.goal} huvudmän mötta.`,
};
