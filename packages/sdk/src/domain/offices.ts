import { foldSwedish } from "../vocabulary/fold";
import * as z from "zod";
import { countyCodeSchema } from "./geography";

export const regionalOfficeSchema = z.object({
  /** Stable id, the town in lower case ASCII: `harnosand`, `goteborg`. */
  id: z.string().regex(/^[a-z]+$/),
  town: z.string().min(1),
  /** First day the office can host a dialogue (local date). */
  openedOn: z.iso.date(),
  /** Counties the office serves; each county is served by exactly one office. */
  counties: z.array(countyCodeSchema).min(1),
  /**
   * Where visitors go, printed as an invitation's LOCATION. Optional: without it the
   * location reads "Regionkontoret i <town>". Set the street address per deployment.
   */
  address: z.string().trim().min(1).max(300).optional(),
});
export type RegionalOffice = z.infer<typeof regionalOfficeSchema>;

/**
 * The joint regional offices of Skolverket and SPSM. Opening years follow the guide
 * (2022, 2023, 2024); the exact day and the county split are configuration, replaceable
 * with `createSamverkan({ config: { offices } })` or SAMVERKAN_OFFICES_FILE.
 */
export const DEFAULT_OFFICES: readonly RegionalOffice[] = [
  { id: "harnosand", town: "Härnösand", openedOn: "2022-01-01", counties: ["22", "23"] },
  { id: "malmo", town: "Malmö", openedOn: "2022-01-01", counties: ["12"] },
  { id: "lulea", town: "Luleå", openedOn: "2022-01-01", counties: ["25"] },
  { id: "umea", town: "Umeå", openedOn: "2023-01-01", counties: ["24"] },
  { id: "gavle", town: "Gävle", openedOn: "2023-01-01", counties: ["21", "20"] },
  { id: "vaxjo", town: "Växjö", openedOn: "2023-01-01", counties: ["07", "08", "10", "06"] },
  { id: "orebro", town: "Örebro", openedOn: "2023-01-01", counties: ["18", "17", "19"] },
  { id: "goteborg", town: "Göteborg", openedOn: "2024-01-01", counties: ["14", "13"] },
  { id: "linkoping", town: "Linköping", openedOn: "2024-01-01", counties: ["05", "04"] },
  { id: "solna", town: "Solna", openedOn: "2022-01-01", counties: ["01", "03", "09"] },
];

export const officesConfigSchema = z
  .array(regionalOfficeSchema)
  .min(1)
  .superRefine((offices, ctx) => {
    const seen = new Map<string, string>();
    for (const office of offices) {
      for (const county of office.counties) {
        const other = seen.get(county);
        if (other) ctx.addIssue({ code: "custom", message: `County ${county} is served by both ${other} and ${office.id}.` });
        seen.set(county, office.id);
      }
    }
  });

/** Accepts an office id, its town, or the town without diacritics: `Göteborg`, `goteborg`. */
export function findOffice(offices: readonly RegionalOffice[], nameOrId: string): RegionalOffice | undefined {
  const key = foldDiacritics(nameOrId);
  return offices.find((o) => o.id === key || foldDiacritics(o.town) === key);
}

export function officeServingCounty(offices: readonly RegionalOffice[], countyCode: string): RegionalOffice | undefined {
  return offices.find((o) => o.counties.includes(countyCode));
}

const foldDiacritics = (text: string): string => foldSwedish(text.trim());
