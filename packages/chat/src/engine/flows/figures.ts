import type { Figure, RankMetric } from "@samverkan/sdk";
import type { Locale } from "../../cards/model";
import type { FlowContext } from "../context";

/** Names and number formats for the measures staff rank and compare schools by. */
const NAMES: Record<RankMetric, { sv: string; en: string }> = {
  meritValue: { sv: "Meritvärde", en: "Merit value" },
  allSubjectsPassed: { sv: "Godkända i alla ämnen", en: "Passed all subjects" },
  eligibleVocational: { sv: "Behöriga till yrkesprogram", en: "Eligible for vocational programmes" },
  examWithin3Years: { sv: "Examen inom 3 år", en: "Diploma within 3 years" },
};

export function metricName(metric: RankMetric, locale: Locale): string {
  return NAMES[metric][locale];
}

/** Merit value as points, the rest as percentages (stored as 0–100). */
export function formatFigure(metric: RankMetric, value: number, locale: Locale): string {
  const text = value.toFixed(1);
  const local = locale === "sv" ? text.replace(".", ",") : text;
  return metric === "meritValue" ? local : `${local} %`;
}

/** The national figure per measure (null when the store has no data for it). */
export async function nationalFigures(ctx: FlowContext, metrics: readonly RankMetric[]): Promise<Map<RankMetric, { national: Figure | null; schoolYear: string | null }>> {
  const out = new Map<RankMetric, { national: Figure | null; schoolYear: string | null }>();
  for (const metric of metrics) {
    const r = await ctx.sv.schools.rank({ metric, limit: 1 });
    out.set(metric, { national: r.national, schoolYear: r.schoolYear });
  }
  return out;
}
