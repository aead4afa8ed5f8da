/** Hosts whose links we unfurl; must match `unfurl_domains` in manifest.json. */
export const UNFURL_HOSTS = ["utbildningsguiden.skolverket.se"] as const;

const CODE = /^\d{8}$/;
const QUERY_KEYS = new Set(["schoolunitid", "schoolunitcode", "skolenhetskod", "skolenhet"]);

/**
 * The school unit code (8 digits) in a Utbildningsguiden link, from `?schoolUnitID=39907811`
 * (any case) or a `/skolenhet/39907811` path segment; undefined for other links.
 */
export function schoolUnitCodeFromUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  const host = parsed.hostname.toLowerCase();
  if (!UNFURL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) return undefined;
  for (const [key, value] of parsed.searchParams) {
    if (QUERY_KEYS.has(key.toLowerCase()) && CODE.test(value.trim())) return value.trim();
  }
  const segments = parsed.pathname
    .split("/")
    .filter(Boolean)
    .map((s) => decodeURIComponent(s).toLowerCase());
  for (let i = 0; i < segments.length - 1; i++) {
    const next = segments[i + 1];
    if ((segments[i] === "skolenhet" || segments[i] === "skolenheter") && next !== undefined && CODE.test(next)) return next;
  }
  return undefined;
}
