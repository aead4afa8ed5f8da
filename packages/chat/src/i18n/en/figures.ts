import type { Messages } from "../sv";

/** English texts of figures; the type makes a key missing from either language a compile error. */
export const figures: Messages["figures"] = {
  metricNames: {
    meritValue: "Merit value",
    allSubjectsPassed: "Passed all subjects",
    eligibleVocational: "Eligible for vocational programmes",
    examWithin3Years: "Diploma within 3 years",
  },
};
