/** Swedish texts of output. */
export const output = {
  error: "Fel",
};
