import { formatStatValue, type Locale, type StatValue } from "@samverkan/sdk";
import { t } from "../i18n";

/**
 * A value as staff should read it: numbers formatted for the locale, and Skolverket's
 * markers shown as written with what they mean, e.g. `.. (dolt: få elever)`.
 */
export function markedValue(value: StatValue, locale: Locale): string {
  const explain = t(locale).formatStatText.markers;
  switch (value.kind) {
    case "number":
    case "approximate":
      return formatStatValue(value, locale);
    case "rounded":
      return `${value.raw.trim()} (${explain.rounded})`;
    default:
      return `${value.raw.trim() || "–"} (${explain[value.kind]})`;
  }
}

/** `1,25` / `1.25`. */
export function decimal(n: number, locale: Locale, digits = 1): string {
  return n.toLocaleString(t(locale).formatStatText.numberLocale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `212000-2403`. */
export function organisationNumber(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}
