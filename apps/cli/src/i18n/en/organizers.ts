import type { Messages } from "../sv";

/** English texts of organizers; the type makes a key missing from either language a compile error. */
export const organizers: Messages["organizers"] = {
  noOrganizersMatched: (query: string) => `No organizers matched "${query}".`,
  schoolUnit: (count: number) => `${count} school unit${count === 1 ? "" : "s"}`,
  unknownTypeGiveKommunalEnskild: (type: string | undefined) => `Unknown type "${type}": give kommunal, enskild, statlig or region.`,
  added: "Added",
  updated: "Updated",
  unchanged: "Unchanged:",
  alreadyInTheSchoolUnit: "Already in the school unit register, left as it is:",
  rowsAddedUpdatedUnchangedAlready: (p: { rows: number; added: number; updated: number; unchanged: number; inRegister: number }) =>
    `${p.rows} rows: ${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged, ${p.inRegister} already in the register.`,
  line: "line",
};
