import type { Messages } from "../sv";

/** English texts of importCommand; the type makes a key missing from either language a compile error. */
export const importCommand: Messages["importCommand"] = {
  addedUpdatedUnchanged: (p: { added: number; updated: number; unchanged: number }) => `${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged`,
  importedOfRowsFromSchool: (p: { imported: number; rows: number; file: string; schoolYear: string; seconds: string }) =>
    `Imported ${p.imported} of ${p.rows} rows from ${p.file} (school year ${p.schoolYear}) in ${p.seconds} s.`,
  municipalities: "Municipalities",
  organizers: "Organizers",
  schoolUnits: "School units",
  results: "Results",
  rowsWereNotImported: (length: number) => `${length} rows were not imported:`,
  line: "line",
};
