/** Swedish texts of staff. */
export const staff = {
  added: "Lade till",
  noStaffYetAddOne: "Inga medarbetare ännu. Lägg till med `samverkan staff add`.",
};
