/** Swedish texts of importCommand. */
export const importCommand = {
  addedUpdatedUnchanged: (p: { added: number; updated: number; unchanged: number }) => `${p.added} nya, ${p.updated} ändrade, ${p.unchanged} oförändrade`,
  importedOfRowsFromSchool: (p: { imported: number; rows: number; file: string; schoolYear: string; seconds: string }) =>
    `Läste in ${p.imported} av ${p.rows} rader från ${p.file} (läsår ${p.schoolYear}) på ${p.seconds.replace(".", ",")} s.`,
  municipalities: "Kommuner",
  organizers: "Huvudmän",
  schoolUnits: "Skolenheter",
  results: "Resultat",
  rowsWereNotImported: (length: number) => `${length} rader lästes inte in:`,
  line: "rad",
};
