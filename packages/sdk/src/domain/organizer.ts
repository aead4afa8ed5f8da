import { z } from "zod";
import { municipalityCodeSchema } from "./geography";

/** Luhn (mod 10) check over the ten digits of a Swedish organisation number. */
export function hasValidLuhnCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(digits[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

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
