import type { Figure, RankMetric } from "@samverkan/sdk";
import type { Locale } from "../../cards/model";
import type { FlowContext } from "../context";
import { t } from "../../i18n";

/** Names and number formats for the measures staff rank and compare schools by. */
export function metricName(metric: RankMetric, locale: Locale): string {
  return t(locale).figures.metricNames[metric];
}

/** Merit value as points, the rest as percentages (stored as 0–100). */
export function formatFigure(metric: RankMetric, value: number, locale: Locale): string {
  const text = value.toFixed(1);
  const local = text.replace(".", t(locale).format.decimalMark);
  return metric === "meritValue" ? local : `${local} %`;
}

/** The national figure per measure (null when the store has no data for it). */
export async function nationalFigures(
  ctx: FlowContext,
  metrics: readonly RankMetric[],
): Promise<Map<RankMetric, { national: Figure | null; schoolYear: string | null }>> {
  const out = new Map<RankMetric, { national: Figure | null; schoolYear: string | null }>();
  for (const metric of metrics) {
    const r = await ctx.sv.schools.rank({ metric, limit: 1 });
    out.set(metric, { national: r.national, schoolYear: r.schoolYear });
  }
  return out;
}
