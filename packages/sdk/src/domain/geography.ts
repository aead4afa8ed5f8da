import * as z from "zod";

export const countyCodeSchema = z.string().regex(/^\d{2}$/, { message: "A county code has two digits, e.g. 01 for Stockholms län." });

export const municipalityCodeSchema = z.string().regex(/^\d{4}$/, { message: "A municipality code has four digits, e.g. 0180 for Stockholm." });

export const countySchema = z.object({ code: countyCodeSchema, name: z.string().min(1) });
export type County = z.infer<typeof countySchema>;

export const municipalitySchema = z.object({
  code: municipalityCodeSchema,
  name: z.string().min(1),
  countyCode: countyCodeSchema,
});
export type Municipality = z.infer<typeof municipalitySchema>;

/** Sweden's 21 counties (län) with their official codes. */
export const COUNTIES: readonly County[] = [
  { code: "01", name: "Stockholms län" },
  { code: "03", name: "Uppsala län" },
  { code: "04", name: "Södermanlands län" },
  { code: "05", name: "Östergötlands län" },
  { code: "06", name: "Jönköpings län" },
  { code: "07", name: "Kronobergs län" },
  { code: "08", name: "Kalmar län" },
  { code: "09", name: "Gotlands län" },
  { code: "10", name: "Blekinge län" },
  { code: "12", name: "Skåne län" },
  { code: "13", name: "Hallands län" },
  { code: "14", name: "Västra Götalands län" },
  { code: "17", name: "Värmlands län" },
  { code: "18", name: "Örebro län" },
  { code: "19", name: "Västmanlands län" },
  { code: "20", name: "Dalarnas län" },
  { code: "21", name: "Gävleborgs län" },
  { code: "22", name: "Västernorrlands län" },
  { code: "23", name: "Jämtlands län" },
  { code: "24", name: "Västerbottens län" },
  { code: "25", name: "Norrbottens län" },
];

export function countyOfMunicipality(municipalityCode: string): string {
  return municipalityCode.slice(0, 2);
}

export function countyName(code: string): string | undefined {
  return COUNTIES.find((c) => c.code === code)?.name;
}
