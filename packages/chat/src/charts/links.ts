import { createHmac, timingSafeEqual } from "node:crypto";
import type { Locale } from "../cards/model";

/** Where charts are served and what signs their links (SAMVERKAN_PUBLIC_URL, SAMVERKAN_LINK_SECRET). */
export interface ChartLinkSettings {
  publicUrl: string | null;
  linkSecret: string | null;
}

/** `country`, `counties:14,13` or `municipality:1490`: the coverage scope a chart shows. */
export type ChartScope = string;

export const CHART_PATH = "/charts/coverage.png";
/** Long enough for a digest to be read the same day; Slack and Teams fetch the picture when they show it. */
export const CHART_LINK_TTL_SECONDS = 7 * 24 * 3600;

const SCOPE = /^(country|counties:\d{2}(,\d{2}){0,20}|municipality:\d{4})$/;

function signature(secret: string, scope: string, locale: Locale, expires: number): string {
  return createHmac("sha256", secret).update(`chart\u0000coverage\u0000${scope}\u0000${locale}\u0000${expires}`).digest("base64url");
}

/** A signed, expiring URL of the coverage chart, or null when the apps have no public URL or secret. */
export function coverageChartUrl(settings: ChartLinkSettings, scope: ChartScope, locale: Locale, now: Date): string | null {
  if (!settings.publicUrl || !settings.linkSecret || !SCOPE.test(scope)) return null;
  const expires = Math.floor(now.getTime() / 1000) + CHART_LINK_TTL_SECONDS;
  const query = new URLSearchParams({ scope, lang: locale, expires: String(expires), sig: signature(settings.linkSecret, scope, locale, expires) });
  return `${settings.publicUrl}${CHART_PATH}?${query.toString()}`;
}

export type ChartLinkVerdict = { ok: true; scope: ChartScope; locale: Locale } | { ok: false; reason: "invalid" | "expired" };

/** Checks a chart link's query: a well-formed scope, our signature, and not expired. */
export function verifyCoverageChartQuery(secret: string | null, query: URLSearchParams, now: Date): ChartLinkVerdict {
  const scope = query.get("scope") ?? "";
  const lang = query.get("lang");
  const expires = Number(query.get("expires"));
  const sig = query.get("sig") ?? "";
  if (!secret || !SCOPE.test(scope) || (lang !== "sv" && lang !== "en") || !Number.isInteger(expires)) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(signature(secret, scope, lang, expires));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  if (expires * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, scope, locale: lang };
}

/** The coverage options a scope stands for. */
export function scopeOptions(scope: ChartScope): { counties?: string[]; municipality?: string } {
  if (scope.startsWith("counties:")) return { counties: scope.slice("counties:".length).split(",") };
  if (scope.startsWith("municipality:")) return { municipality: scope.slice("municipality:".length) };
  return {};
}

/** The scope of coverage options, for a link. */
export function scopeOf(options: { counties?: string[]; municipality?: string }): ChartScope {
  if (options.municipality) return `municipality:${options.municipality}`;
  if (options.counties && options.counties.length > 0) return `counties:${options.counties.join(",")}`;
  return "country";
}
