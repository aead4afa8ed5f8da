import { COUNTIES } from "../domain/geography";
import { normalizeSwedish } from "./normalize";

/** "Göteborgs kommun", "Stockholms stad", "Skåne län" → "goteborgs", "stockholms", "skane". */
function placeKey(text: string): string {
  return normalizeSwedish(text).replace(/\s+(kommun|stad|lan)$/, "");
}

/** Whether two place keys name the same place, allowing a genitive "s" on either. */
function samePlace(a: string, b: string): boolean {
  return a.length > 0 && (a === b || a === `${b}s` || b === `${a}s`);
}

const COUNTY_KEYS: ReadonlyMap<string, string> = new Map(COUNTIES.map((county) => [county.code, placeKey(county.name)]));

/** The official name of a county code ("01" → "Stockholms län"), if it is one. */
export function officialCountyName(code: string): string | undefined {
  return COUNTIES.find((county) => county.code === code)?.name;
}

/**
 * A test for a municipality filter: a 4-digit code ("1480") or a name in any usual
 * form ("Göteborg", "goteborg", "Göteborgs kommun").
 */
export function municipalityFilter(option: string): (code: string, name: string | undefined) => boolean {
  const trimmed = option.trim();
  if (/^\d{4}$/.test(trimmed)) return (code) => code === trimmed;
  const wanted = placeKey(trimmed);
  const cache = new Map<string, boolean>();
  return (_code, name) => {
    if (name === undefined) return false;
    let result = cache.get(name);
    if (result === undefined) {
      result = samePlace(wanted, placeKey(name));
      cache.set(name, result);
    }
    return result;
  };
}

/**
 * A test for a county filter: a 2-digit code ("01", or "1") or a name ("Stockholms län",
 * "Stockholm", "vastra gotaland").
 */
export function countyFilter(option: string): (code: string | undefined, name: string | undefined) => boolean {
  const trimmed = option.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const wantedCode = trimmed.padStart(2, "0");
    return (code) => code === wantedCode;
  }
  const wanted = placeKey(trimmed);
  return (code, name) => {
    const officialKey = code === undefined ? undefined : COUNTY_KEYS.get(code);
    if (officialKey !== undefined && samePlace(wanted, officialKey)) return true;
    return name !== undefined && samePlace(wanted, placeKey(name));
  };
}
