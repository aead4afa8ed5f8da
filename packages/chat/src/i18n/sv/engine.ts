/** Swedish texts of engine. */
export const engine = {
  thereIsNothingToConfirm: "Det finns inget att bekräfta just nu.",
  theAssignmentIsMissingOpen: "Uppdraget saknas; öppna formuläret igen.",
  theDialogueIsMissingOpen: "Dialogen saknas; öppna formuläret igen.",
};
