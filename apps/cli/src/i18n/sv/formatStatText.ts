/** Swedish texts of formatStatText. */
export const formatStatText = {
  numberLocale: "sv-SE",
};
