import { COUNTIES, countyName } from "../domain/geography";
import { findOffice, type RegionalOffice } from "../domain/offices";
import { ValidationError } from "../errors";
import type { DigestScope } from "./types";

/**
 * Checks a scope against the configured offices and known counties and puts it in its
 * stored form: office ids in lower case, counties unique and sorted.
 */
export function normalizeScope(scope: DigestScope, offices: readonly RegionalOffice[]): DigestScope {
  if (scope.kind === "country") return { kind: "country" };
  if (scope.kind === "office") {
    const office = findOffice(offices, scope.officeId);
    if (!office) {
      const towns = offices.map((o) => o.town).join(", ");
      throw ValidationError.field("scope.officeId", {
        sv: `Okänt regionkontor "${scope.officeId}". Välj ett av: ${towns}.`,
        en: `Unknown regional office "${scope.officeId}". Choose one of: ${towns}.`,
      });
    }
    return { kind: "office", officeId: office.id };
  }
  const unknown = scope.counties.filter((code) => !COUNTIES.some((c) => c.code === code));
  if (unknown.length > 0) {
    throw ValidationError.field("scope.counties", {
      sv: `Okänd länskod: ${unknown.join(", ")}. Länskoder är två siffror, till exempel 01 (Stockholm) eller 22 (Västernorrland).`,
      en: `Unknown county code: ${unknown.join(", ")}. County codes are two digits, e.g. 01 (Stockholm) or 22 (Västernorrland).`,
    });
  }
  return { kind: "counties", counties: [...new Set(scope.counties)].sort() };
}

/** The counties a scope covers, or null for the whole country. Office scope → the office's counties. */
export function scopeCounties(scope: DigestScope, offices: readonly RegionalOffice[]): string[] | null {
  if (scope.kind === "country") return null;
  if (scope.kind === "counties") return [...scope.counties];
  return [...(findOffice(offices, scope.officeId)?.counties ?? [])].sort();
}

/** `Västernorrlands län`, `Regionkontoret i Göteborg`, `hela landet`. */
export function describeScope(scope: DigestScope, offices: readonly RegionalOffice[], locale: "sv" | "en"): string {
  if (scope.kind === "country") return locale === "sv" ? "hela landet" : "all of Sweden";
  if (scope.kind === "office") {
    const town = findOffice(offices, scope.officeId)?.town ?? scope.officeId;
    return locale === "sv" ? `regionkontoret i ${town}` : `the ${town} regional office`;
  }
  const names = scope.counties.map((code) => countyName(code) ?? code);
  return names.length <= 3 ? names.join(", ") : locale === "sv" ? `${names.length} län` : `${names.length} counties`;
}

/** Compact text form used by the CLI and in action values: `office:goteborg`, `county:14,22`, `country`. */
export function formatScope(scope: DigestScope): string {
  if (scope.kind === "country") return "country";
  if (scope.kind === "office") return `office:${scope.officeId}`;
  return `county:${scope.counties.join(",")}`;
}

/** Reads the compact form back; undefined when it is not one. */
export function parseScope(text: string): DigestScope | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "country" || trimmed === "landet" || trimmed === "sverige") return { kind: "country" };
  const office = /^office:(.+)$/.exec(trimmed);
  if (office?.[1]) return { kind: "office", officeId: office[1].trim() };
  const county = /^(?:county|counties|län):([\d,\s]+)$/.exec(trimmed);
  if (county?.[1]) {
    const counties = county[1]
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => c.padStart(2, "0"));
    return counties.length > 0 ? { kind: "counties", counties } : undefined;
  }
  return undefined;
}
