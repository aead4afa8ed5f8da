import type { StatValue } from "./stat-value";
import { swedishDecimals } from "./swedish-number";

export type StatLocale = "sv" | "en";

const LABELS = {
  sv: { hidden: "dolt (få elever)", missing: "saknas", excluded: "ej redovisat", approximate: "cirka", unknown: "okänt värde" },
  en: { hidden: "hidden (few pupils)", missing: "missing", excluded: "not reported", approximate: "about", unknown: "unknown value" },
} as const;

const INTL_LOCALE = { sv: "sv-SE", en: "en-GB" } as const;

function formatNumber(value: number, raw: string, locale: StatLocale): string {
  const decimals = Math.min(swedishDecimals(raw), 6);
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: Math.max(decimals, 2),
  }).format(value);
}

/**
 * Text for a person: `93,5` / `93.5`, `≈100`, `cirka 210`, `dolt (få elever)`, `saknas`.
 * Numbers keep the decimals the source wrote (`18,0` stays `18,0`).
 */
export function formatStatValue(value: StatValue, locale: StatLocale = "sv"): string {
  const labels = LABELS[locale];
  switch (value.kind) {
    case "number":
      return formatNumber(value.value, value.raw, locale);
    case "rounded":
      return `≈${formatNumber(value.value, value.raw, locale)}`;
    case "approximate":
      return `${labels.approximate} ${formatNumber(value.value, value.raw, locale)}`;
    case "hidden":
      return labels.hidden;
    case "missing":
      return labels.missing;
    case "excluded":
      return labels.excluded;
    case "unparseable":
      return value.raw.trim() === "" ? labels.unknown : `${labels.unknown} (${value.raw.trim()})`;
  }
}
