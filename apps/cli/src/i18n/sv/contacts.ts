/** Swedish texts of contacts. */
export const contacts = {
  addedId: (p: { name: string; role: string; id: string }) => `Lade till ${p.name} (${p.role}), id ${p.id}.`,
  updated: (name: string) => `Uppdaterade ${name}.`,
  noContactPersonsYet: "Inga kontaktpersoner ännu.",
  removedContactPerson: (id: string) => `Tog bort kontaktpersonen ${id}.`,
  erasedContactPersonFromThe: (id: string) =>
    `Raderade kontaktpersonen ${id} från huvudmannen och alla dialoger. Loggen behåller händelsen utan personuppgifter.`,
};
