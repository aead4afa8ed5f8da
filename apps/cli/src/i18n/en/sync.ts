import type { Messages } from "../sv";

/** English texts of sync; the type makes a key missing from either language a compile error. */
export const sync: Messages["sync"] = {
  syncedSchoolUnitsInIn: (p: { listed: number; municipalities: string; added: number; updated: number; unchanged: number; failed: number; seconds: string }) =>
    `Synced ${p.listed} school units in ${p.municipalities} in ${p.seconds} s: ${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged, ${p.failed} failed.`,
  resumedAnUnfinishedRunUnits: (skipped: number) => `Resumed an unfinished run: ${skipped} units were already done.`,
  noStatisticsAtSkolverket: (withoutStatistics: string) => `No statistics at Skolverket: ${withoutStatistics}.`,
  municipalitiesLackNamesImportThe: (municipalitiesAdded: number) =>
    `${municipalitiesAdded} municipalities lack names; import the statistics export to get them (samverkan import).`,
  failedRunTheSameCommand: "Failed (run the same command again to resume):",
  newChangedUnchangedNoLonger: (p: { new: number; changed: number; unchanged: number; noLongerActive: number }) =>
    `${p.new} new, ${p.changed} changed, ${p.unchanged} unchanged, ${p.noLongerActive} no longer active`,
  syncedTheSchoolUnitRegister: (p: { organizers: number; schoolUnits: number; seconds: string }) =>
    `Synced the school unit register in ${p.seconds} s: ${p.organizers} organizers and ${p.schoolUnits} school units listed.`,
  organizers: "Organizers",
  schoolUnits: "School units",
  resumedAnUnfinishedRunOrganizers: (p: { organizers: number; schoolUnits: number }) =>
    `Resumed an unfinished run: ${p.organizers} organizers and ${p.schoolUnits} school units were already done.`,
  andMore: (value: number) => `  … and ${value} more`,
  theCoverageGoalNowCounts: "The coverage goal now counts the register's active organizers.",
  municipalities: "Municipalities",
  registerPhases: { listing: "Lists", organizers: "Organizers", schoolUnits: "School units" },
};
