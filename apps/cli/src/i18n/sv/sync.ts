/** Swedish texts of sync. */
export const sync = {
  syncedSchoolUnitsInIn: (p: { listed: number; municipalities: string; added: number; updated: number; unchanged: number; failed: number; seconds: string }) =>
    `Synkade ${p.listed} skolenheter i ${p.municipalities} på ${p.seconds.replace(".", ",")} s: ${p.added} nya, ${p.updated} uppdaterade, ${p.unchanged} oförändrade, ${p.failed} misslyckade.`,
  resumedAnUnfinishedRunUnits: (skipped: number) => `Fortsatte en avbruten körning: ${skipped} enheter var redan klara.`,
  noStatisticsAtSkolverket: (withoutStatistics: string) => `Utan statistik hos Skolverket: ${withoutStatistics}.`,
  municipalitiesLackNamesImportThe: (municipalitiesAdded: number) =>
    `${municipalitiesAdded} kommuner saknade namn; läs in statistikexporten för att få dem (samverkan import).`,
  failedRunTheSameCommand: "Misslyckades (kör samma kommando igen för att fortsätta):",
  newChangedUnchangedNoLonger: (p: { new: number; changed: number; unchanged: number; noLongerActive: number }) =>
    `${p.new} nya, ${p.changed} ändrade, ${p.unchanged} oförändrade, ${p.noLongerActive} inte längre aktiva`,
  syncedTheSchoolUnitRegister: (p: { organizers: number; schoolUnits: number; seconds: string }) =>
    `Synkade skolenhetsregistret på ${p.seconds.replace(".", ",")} s: ${p.organizers} huvudmän och ${p.schoolUnits} skolenheter listade.`,
  organizers: "Huvudmän",
  schoolUnits: "Skolenheter",
  resumedAnUnfinishedRunOrganizers: (p: { organizers: number; schoolUnits: number }) =>
    `Fortsatte en avbruten körning: ${p.organizers} huvudmän och ${p.schoolUnits} skolenheter var redan klara.`,
  andMore: (value: number) => `  … och ${value} till`,
  theCoverageGoalNowCounts: "Täckningsmålet räknas nu mot registrets aktiva huvudmän.",
  municipalities: "Kommuner",
  registerPhases: { listing: "Listor", organizers: "Huvudmän", schoolUnits: "Skolenheter" },
};
