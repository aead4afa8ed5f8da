import type { Messages } from "../sv";

/** English texts of formatStatText; the type makes a key missing from either language a compile error. */
export const formatStatText: Messages["formatStatText"] = {
  numberLocale: "en-GB",
  markers: {
    hidden: "hidden: few pupils",
    missing: "missing",
    excluded: "not reported",
    rounded: "rounded: few pupils not eligible",
    unparseable: "unknown value",
  },
};
