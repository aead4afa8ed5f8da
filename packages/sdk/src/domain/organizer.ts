import * as z from "zod";
import { municipalityCodeSchema } from "./geography";
import { hasValidLuhnCheckDigit } from "./luhn";

export { hasValidLuhnCheckDigit, isValidOrganisationNumber } from "./luhn";

/** Accepts `212000-0142` or `2120000142`; stores ten digits. */
export const organisationNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[-\s]/g, ""))
  .refine((s) => /^\d{10}$/.test(s), {
    message: "An organisation number has ten digits, e.g. 212000-0142.",
  })
  .refine(hasValidLuhnCheckDigit, {
    message: "The organisation number's last digit does not match its Luhn check digit; check for a typo.",
  });

export const organizerTypeSchema = z.enum(["municipal", "independent", "state", "region"]);
export type OrganizerType = z.infer<typeof organizerTypeSchema>;

export const ORGANIZER_TYPE_NAMES: Record<OrganizerType, { sv: string; en: string }> = {
  municipal: { sv: "Kommunal", en: "Municipal" },
  independent: { sv: "Enskild (fristående)", en: "Independent" },
  state: { sv: "Statlig", en: "State" },
  region: { sv: "Region", en: "Region" },
};

export const principalOrganizerSchema = z.object({
  id: z.string().min(1),
  organizationNumber: organisationNumberSchema,
  name: z.string().trim().min(1).max(300),
  type: organizerTypeSchema,
  /** Home municipality, when known: the municipality itself for a municipal organizer. */
  municipalityCode: municipalityCodeSchema.nullable(),
});
export type PrincipalOrganizer = z.infer<typeof principalOrganizerSchema>;

export const organizerInputSchema = principalOrganizerSchema.omit({ id: true }).extend({
  municipalityCode: municipalityCodeSchema.nullable().optional(),
});
export type OrganizerInput = z.input<typeof organizerInputSchema>;
