const SCHOOL_UNIT_CODE = /^\d{8}$/;
const SKOLVERKET_HOST = /(^|\.)skolverket\.se$/i;
/** Path segments after which Skolverket's sites and APIs put a school unit code. */
const UNIT_PATH_SEGMENTS = new Set(["skolenhet", "school-units", "compact-school-units", "skolenheter"]);
const UNIT_QUERY_PARAMETERS = new Set(["schoolunitid", "schoolunitcode", "skolenhetskod", "skolenhet"]);
/** Longer input cannot be a code or a link we understand. */
const MAX_INPUT_LENGTH = 2048;

/**
 * The 8-digit school unit code in a query: the code alone (`"39907811"`), or the
 * code inside a Skolverket link, e.g.
 * `https://utbildningsguiden.skolverket.se/...skolenhet?schoolUnitID=39907811`,
 * `.../skolenhet/39907811` or `https://api.skolverket.se/planned-educations/v4/school-units/39907811`.
 * Anything else gives `undefined`.
 */
export function extractSchoolUnitCode(query: string): string | undefined {
  if (typeof query !== "string" || query.length > MAX_INPUT_LENGTH) return undefined;
  const trimmed = query.trim();
  if (SCHOOL_UNIT_CODE.test(trimmed)) return trimmed;
  const url = parseSkolverketUrl(trimmed);
  return url === undefined ? undefined : schoolUnitCodeInUrl(url);
}

function parseSkolverketUrl(text: string): URL | undefined {
  if (/\s/.test(text) || !/skolverket\.se/i.test(text)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  if (!URL.canParse(withScheme)) return undefined;
  const url = new URL(withScheme);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  return SKOLVERKET_HOST.test(url.hostname) ? url : undefined;
}

function schoolUnitCodeInUrl(url: URL): string | undefined {
  for (const [name, value] of url.searchParams) {
    if (UNIT_QUERY_PARAMETERS.has(name.toLowerCase()) && SCHOOL_UNIT_CODE.test(value.trim())) {
      return value.trim();
    }
  }
  const segments = url.pathname.split("/").map((segment) => decodeSegment(segment));
  for (let index = 0; index + 1 < segments.length; index += 1) {
    const segment = segments[index]?.toLowerCase() ?? "";
    const next = segments[index + 1] ?? "";
    if (UNIT_PATH_SEGMENTS.has(segment) && SCHOOL_UNIT_CODE.test(next)) return next;
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The 10-digit organisation number in a query: `"2120000142"`, `"212000-0142"`, or the
 * 12-digit form with century prefix `"16212000-0142"`. Anything else gives `undefined`.
 */
export function extractOrganizationNumber(query: string): string | undefined {
  if (typeof query !== "string" || query.length > 32) return undefined;
  const match = /^(?:16)?(\d{6})[-\s]?(\d{4})$/.exec(query.trim());
  return match ? `${match[1] ?? ""}${match[2] ?? ""}` : undefined;
}
