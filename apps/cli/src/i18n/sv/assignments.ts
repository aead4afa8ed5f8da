/** Swedish texts of assignments. */
export const assignments = {
  planCreated: "Plan skapad",
  created: "Skapade",
  noAssignments: "Inga uppdrag.",
  phase: "Fas",
  done: "Klart",
  due: "Slutdatum",
  noProgressLoggedYet: "Inga framsteg loggade ännu.",
  loggedOn: (upperCase: string) => `Loggat på ${upperCase}.`,
};
