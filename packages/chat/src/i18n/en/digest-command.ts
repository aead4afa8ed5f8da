import type { Messages } from "../sv";

/** English texts of digestCommand; the type makes a key missing from either language a compile error. */
export const digestCommand: Messages["digestCommand"] = {
  unknownCounty: (county: string) => `I don't recognise the county "${county}". Write its code, e.g. *county 22*.`,
  whichArea: "Which area should the digest cover? End with e.g. *county 22*, *office Göteborg* or *all of Sweden*.",
  notATimeOfDay: (time: string) => `${time} is not a time of day.`,
  didNotUnderstandWhen: "I didn't understand when to post the digest. Write e.g. *digest every monday 08:00 county 22*.",
};
