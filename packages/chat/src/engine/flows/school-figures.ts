import { formatStatValue, numericOrNull, type CriterionId, type CriterionInContext, type SchoolFiguresInContext } from "@samverkan/sdk";
import type { Block, Field, Locale } from "../../cards/model";

/** Names and units of the selection's criteria, as the school card shows them. */
const CRITERIA: Record<CriterionId, { sv: string; en: string; unit: "points" | "percent" | "signed" }> = {
  meritValue: { sv: "Meritvärde (åk 9)", en: "Merit value (year 9)", unit: "points" },
  shareAllSubjects: { sv: "Godkända i alla ämnen", en: "Passed all subjects", unit: "percent" },
  shareEligibleVocational: { sv: "Behöriga till yrkesprogram", en: "Eligible for vocational programmes", unit: "percent" },
  completionRate: { sv: "Examen inom 3 år", en: "Diploma within 3 years", unit: "percent" },
  salsaResidual: { sv: "SALSA-avvikelse", en: "SALSA residual", unit: "signed" },
};

/** Marks a figure past a selection threshold. */
export const PAST_THRESHOLD_MARK = "⚠️";

function num(n: number, unit: "points" | "percent" | "signed", locale: Locale): string {
  const text = (Number.isInteger(n) ? String(n) : n.toFixed(1)).replace("-", "−");
  const local = locale === "sv" ? text.replace(".", ",") : text;
  return `${unit === "signed" && n > 0 ? "+" : ""}${local}${unit === "percent" ? " %" : ""}`;
}

/** The latest year beside its municipal and national figure, the mark and threshold in words, then the trend. */
function field(c: CriterionInContext, locale: Locale): Field {
  const sv = locale === "sv";
  const meta = CRITERIA[c.criterion];
  const latest = c.years[c.years.length - 1]!;
  const n = numericOrNull(latest.value);
  const parts = [n === null ? formatStatValue(latest.value, locale) : `**${num(n, meta.unit, locale)}**`];
  if (latest.pastThreshold) parts[0] += ` ${PAST_THRESHOLD_MARK} ${sv ? "under urvalsgränsen" : "below the selection threshold"} ${num(c.threshold, meta.unit, locale)}`;
  if (latest.municipal !== null) parts.push(`${sv ? "kommunen" : "municipality"} ${num(latest.municipal, meta.unit, locale)}`);
  if (latest.national !== null) parts.push(`${sv ? "riket" : "national"} ${num(latest.national, meta.unit, locale)}`);
  if (c.years.length > 1) {
    const values = c.years.map((y) => {
      const v = numericOrNull(y.value);
      return `${v === null ? formatStatValue(y.value, locale) : num(v, meta.unit, locale)}${y.pastThreshold ? ` ${PAST_THRESHOLD_MARK}` : ""}`;
    });
    const first = numericOrNull(c.years[0]!.value);
    const change = first !== null && n !== null ? Math.round((n - first) * 10) / 10 : null;
    const arrow = change === null ? "" : change > 0 ? ` ↑ ${num(change, "signed", locale)}` : change < 0 ? ` ↓ ${num(change, "signed", locale)}` : " →";
    parts.push(`${values.join(" → ")} (${c.years[0]!.schoolYear}–${latest.schoolYear}${arrow})`);
  }
  return { label: `${meta[locale]} ${latest.schoolYear}`, value: parts.join(" · ") };
}

/**
 * The school card's results in context: each criterion's latest figure beside the
 * municipal and national figure of the same year, marked where the selection would flag
 * it (the threshold in words), and its trend over the years held.
 */
export function figuresInContextBlocks(figures: SchoolFiguresInContext, locale: Locale): Block[] {
  if (figures.criteria.length === 0) return [];
  const sv = locale === "sv";
  const flagged = figures.criteria.filter((c) => c.years[c.years.length - 1]!.pastThreshold);
  const blocks: Block[] = [
    { type: "text", text: sv ? "**Resultat jämfört med kommunen och riket**" : "**Results beside the municipality and Sweden**" },
    { type: "fields", fields: figures.criteria.map((c) => field(c, locale)) },
  ];
  blocks.push({
    type: "context",
    text: flagged.length
      ? sv
        ? `${PAST_THRESHOLD_MARK} = under en gräns för urvalet till Samverkan för bästa skola: ${flagged.map((c) => `${CRITERIA[c.criterion].sv} under ${num(c.threshold, CRITERIA[c.criterion].unit, locale)}`).join(", ")}. Kommun och riket är elevviktade medelvärden samma läsår.`
        : `${PAST_THRESHOLD_MARK} = below a threshold of the selection for Samverkan för bästa skola: ${flagged.map((c) => `${CRITERIA[c.criterion].en} below ${num(c.threshold, CRITERIA[c.criterion].unit, locale)}`).join(", ")}. Municipality and national figures are pupil-weighted means for the same school year.`
      : sv
        ? "Inget resultat är under urvalets gränser. Kommun och riket är elevviktade medelvärden samma läsår."
        : "No result is below the selection's thresholds. Municipality and national figures are pupil-weighted means for the same school year.",
  });
  return blocks;
}
