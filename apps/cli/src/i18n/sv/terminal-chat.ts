/** Swedish texts of terminalChat. */
export const terminalChat = {
  writeCancelToStop: "(skriv avbryt för att avbryta)",
  formCancelled: "Formuläret avbröts.",
  hiWriteToMeAs: (name: string) => `Hej ${name}! Skriv till mig som i Slack eller Teams. Skriv *hjälp* för exempel och *sluta* för att avsluta.`,
  bye: "Hej då!",
};
