/** Swedish texts of organizers. */
export const organizers = {
  noOrganizersMatched: (query: string) => `Inga huvudmän matchade "${query}".`,
  schoolUnit: (count: number) => `${count} ${count === 1 ? "skolenhet" : "skolenheter"}`,
  unknownTypeGiveKommunalEnskild: (type: string | undefined) => `Okänd typ "${type}": ange kommunal, enskild, statlig eller region.`,
  added: "Lade till",
  updated: "Uppdaterade",
  unchanged: "Oförändrad:",
  alreadyInTheSchoolUnit: "Finns redan i skolenhetsregistret, lämnades orörd:",
  rowsAddedUpdatedUnchangedAlready: (p: { rows: number; added: number; updated: number; unchanged: number; inRegister: number }) =>
    `${p.rows} rader: ${p.added} nya, ${p.updated} ändrade, ${p.unchanged} oförändrade, ${p.inRegister} fanns redan i registret.`,
  line: "rad",
};
