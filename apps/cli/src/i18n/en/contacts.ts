import type { Messages } from "../sv";

/** English texts of contacts; the type makes a key missing from either language a compile error. */
export const contacts: Messages["contacts"] = {
  addedId: (p: { name: string; role: string; id: string }) => `Added ${p.name} (${p.role}), id ${p.id}.`,
  updated: (name: string) => `Updated ${name}.`,
  noContactPersonsYet: "No contact persons yet.",
  removedContactPerson: (id: string) => `Removed contact person ${id}.`,
  erasedContactPersonFromThe: (id: string) =>
    `Erased contact person ${id} from the organizer and every dialogue. The audit log keeps the event without personal data.`,
};
