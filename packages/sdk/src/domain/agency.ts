import * as z from "zod";

export const agencySchema = z.enum(["skolverket", "spsm", "skolinspektionen", "skolforskningsinstitutet"]);
export type Agency = z.infer<typeof agencySchema>;

export const AGENCY_NAMES: Record<Agency, string> = {
  skolverket: "Skolverket",
  spsm: "Specialpedagogiska skolmyndigheten (SPSM)",
  skolinspektionen: "Skolinspektionen",
  skolforskningsinstitutet: "Skolforskningsinstitutet",
};
