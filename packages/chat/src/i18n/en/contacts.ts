import type { Messages } from "../sv";

/** English texts of contacts; the type makes a key missing from either language a compile error. */
export const contacts: Messages["contacts"] = {
  youHaveViewerAccessAnd: "You have viewer access and cannot add or change contact persons. Ask an advisor or unit head.",
  editContactPerson: "Edit contact person",
  newContactPerson: "New contact person",
  save: "Save",
  cancel: "Cancel",
  role: "Role",
  eGFRvaltningschefRektor: "e.g. förvaltningschef, rektor",
  eMail: "E-mail",
  phone: "Phone",
  notes: "Notes",
  contactPerson: "Contact person",
  theOrganizerIsMissingOpen: "The organizer is missing; open the form again.",
  saved: "Saved.",
  contactPersons: (name: string) => `Contact persons: ${name}`,
  noContactPersonsYet: "No contact persons yet.",
  edit: "Edit",
  addContactPerson: "Add contact person",
  contactPersonsAt: (p: { length: number; name: string }) => `${p.length} contact persons at ${p.name}`,
  theOrganizerHasNoContact: "The organizer has no contact persons yet. Add one first.",
  contactPersonsInTheDialogue: "Contact persons in the dialogue",
  nameOf: (organizer: string) => `Name (${organizer})`,
};
