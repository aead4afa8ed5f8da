/** Swedish texts of reply. */
export const reply = {
  cancel: "Avbryt",
};
