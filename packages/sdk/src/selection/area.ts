import { foldSwedish } from "../vocabulary/fold";
import { COUNTIES } from "../domain/geography";
import type { Store } from "../store/store";

/** A county or a municipality, as resolved from what someone typed. */
export type Area = { kind: "county"; code: string; name: string } | { kind: "municipality"; code: string; name: string; countyCode: string };

const fold = (text: string): string => foldSwedish(text.trim()).replace(/\s+/g, " ");

/** "Skåne län" → skane; "Göteborgs kommun", "Malmö stad", "Stockholm county" → the place itself. */
function placeKeys(text: string): string[] {
  const key = fold(text).replace(/^region /, "");
  const bare = key.replace(/ (?:lan|county|kommun|stad|municipality)$/, "");
  return [...new Set([key, bare, bare.replace(/s$/, "")])];
}

const hasSuffix = (text: string, suffix: RegExp): boolean => suffix.test(fold(text));

/**
 * Resolve "Skåne län", "Skåne", "Stockholm county", "01", "Malmö", "Malmö stad", "Borås kommun",
 * "1490". A word that names both (Stockholm, Uppsala, Gotland) is the county only when the text
 * says "län"/"county"; otherwise the municipality, which is what staff usually mean.
 */
export async function resolveArea(store: Store, text: string): Promise<Area | undefined> {
  const trimmed = text.trim();
  if (/^\d{2}$/.test(trimmed)) {
    const c = COUNTIES.find((x) => x.code === trimmed);
    return c ? { kind: "county", code: c.code, name: c.name } : undefined;
  }
  const municipalities = await store.db.selectFrom("municipalities").select(["code", "name", "county_code"]).execute();
  if (/^\d{4}$/.test(trimmed)) {
    const m = municipalities.find((x) => x.code === trimmed);
    return m ? { kind: "municipality", code: m.code, name: m.name, countyCode: m.county_code } : undefined;
  }
  const keys = placeKeys(trimmed);
  const county = COUNTIES.find((c) => placeKeys(c.name).some((k) => keys.includes(k)));
  const municipality = municipalities.find((m) => placeKeys(m.name).some((k) => keys.includes(k)));
  const saysCounty = hasSuffix(trimmed, / (?:lan|county)$/);
  const saysMunicipality = hasSuffix(trimmed, / (?:kommun|stad|municipality)$/);
  if (county && (saysCounty || !municipality) && !saysMunicipality) return { kind: "county", code: county.code, name: county.name };
  if (municipality) return { kind: "municipality", code: municipality.code, name: municipality.name, countyCode: municipality.county_code };
  return county ? { kind: "county", code: county.code, name: county.name } : undefined;
}
