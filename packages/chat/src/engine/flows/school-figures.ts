import { formatStatValue, numericOrNull, type CriterionId, type CriterionInContext, type SchoolFiguresInContext } from "@samverkan/sdk";
import type { Block, Field, Locale } from "../../cards/model";
import { t } from "../../i18n";

/** Names and units of the selection's criteria, as the school card shows them. */
const CRITERIA: Record<CriterionId, { unit: "points" | "percent" | "signed" }> = {
  meritValue: { unit: "points" },
  shareAllSubjects: { unit: "percent" },
  shareEligibleVocational: { unit: "percent" },
  completionRate: { unit: "percent" },
  salsaResidual: { unit: "signed" },
};

/** Marks a figure past a selection threshold. */
export const PAST_THRESHOLD_MARK = "⚠️";

function num(n: number, unit: "points" | "percent" | "signed", locale: Locale): string {
  const text = (Number.isInteger(n) ? String(n) : n.toFixed(1)).replace("-", "−");
  const local = text.replace(".", t(locale).format.decimalMark);
  return `${unit === "signed" && n > 0 ? "+" : ""}${local}${unit === "percent" ? " %" : ""}`;
}

/** The latest year beside its municipal and national figure, the mark and threshold in words, then the trend. */
function field(c: CriterionInContext, locale: Locale): Field {
  const m = t(locale).schoolFigures;
  const meta = CRITERIA[c.criterion];
  const latest = c.years.at(-1);
  const earliest = c.years[0];
  // A criterion in context has at least one year.
  if (!latest || !earliest) return { label: m.criterionNames[c.criterion], value: "" };
  const n = numericOrNull(latest.value);
  const parts = [n === null ? formatStatValue(latest.value, locale) : `**${num(n, meta.unit, locale)}**`];
  if (latest.pastThreshold) parts[0] += ` ${PAST_THRESHOLD_MARK} ${m.belowTheSelectionThreshold} ${num(c.threshold, meta.unit, locale)}`;
  if (latest.municipal !== null) parts.push(`${m.municipality} ${num(latest.municipal, meta.unit, locale)}`);
  if (latest.national !== null) parts.push(`${m.national} ${num(latest.national, meta.unit, locale)}`);
  if (c.years.length > 1) {
    const values = c.years.map((y) => {
      const v = numericOrNull(y.value);
      return `${v === null ? formatStatValue(y.value, locale) : num(v, meta.unit, locale)}${y.pastThreshold ? ` ${PAST_THRESHOLD_MARK}` : ""}`;
    });
    const first = numericOrNull(earliest.value);
    const change = first !== null && n !== null ? Math.round((n - first) * 10) / 10 : null;
    const arrow = change === null ? "" : change > 0 ? ` ↑ ${num(change, "signed", locale)}` : change < 0 ? ` ↓ ${num(change, "signed", locale)}` : " →";
    parts.push(`${values.join(" → ")} (${earliest.schoolYear}–${latest.schoolYear}${arrow})`);
  }
  return { label: `${m.criterionNames[c.criterion]} ${latest.schoolYear}`, value: parts.join(" · ") };
}

/**
 * The school card's results in context: each criterion's latest figure beside the
 * municipal and national figure of the same year, marked where the selection would flag
 * it (the threshold in words), and its trend over the years held.
 */
export function figuresInContextBlocks(figures: SchoolFiguresInContext, locale: Locale): Block[] {
  if (figures.criteria.length === 0) return [];
  const m = t(locale).schoolFigures;
  const flagged = figures.criteria.filter((c) => c.years.at(-1)?.pastThreshold === true);
  const blocks: Block[] = [
    { type: "text", text: m.resultsBesideTheMunicipalityAnd },
    { type: "fields", fields: figures.criteria.map((c) => field(c, locale)) },
  ];
  blocks.push({
    type: "context",
    text: flagged.length
      ? m.belowAThresholdOfThe({
          mark: PAST_THRESHOLD_MARK,
          flagged: flagged
            .map((c) => m.criterionBelow({ criterion: m.criterionNames[c.criterion], threshold: num(c.threshold, CRITERIA[c.criterion].unit, locale) }))
            .join(", "),
        })
      : m.noResultIsBelowThe,
  });
  return blocks;
}
