/** Swedish texts of formatStatText. */
export const formatStatText = {
  numberLocale: "sv-SE",
  markers: { hidden: "dolt: få elever", missing: "saknas", excluded: "ej redovisat", rounded: "avrundat: få elever ej behöriga", unparseable: "okänt värde" },
};
