import type { RankMetric } from "@samverkan/sdk";
import type { Block } from "../../cards/model";
import type { Entities } from "../../nlu/types";
import type { FlowContext } from "../context";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { formatFigure, metricName } from "./figures";
import { t } from "../../i18n";

/** `school.rank`: school units in an area ordered by one measure, the national figure beside each. */
export async function rankSchools(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const m = t(ctx.locale).rank;
  const metric: RankMetric = entities.metric ?? "meritValue";
  const order = entities.order ?? "desc";
  const ranking = await ctx.sv.schools.rank({ metric, order, limit: entities.limit ?? 10, ...(entities.area ? { area: entities.area } : {}) });
  const where = ranking.area?.name ?? m.allOfSweden;
  if (ranking.rows.length === 0) {
    const why =
      ranking.storedMetric === null
        ? m.theRegisterHasNoFigures(metricName(metric, ctx.locale).toLowerCase())
        : m.noSchoolUnitsInHave({ where, metricName: metricName(metric, ctx.locale).toLowerCase(), schoolYear: ranking.schoolYear });
    return reply(textMessage(ctx.locale, why));
  }
  const national = ranking.national ? formatFigure(metric, ranking.national.value, ctx.locale) : "–";
  const title = m.title({ lowestFirst: order === "asc", metricName: metricName(metric, ctx.locale).toLowerCase(), where });
  const blocks: Block[] = [
    { type: "header", text: title },
    { type: "context", text: m.schoolYearNationalUnitsWith({ schoolYear: ranking.schoolYear, national, total: ranking.total }) },
    {
      type: "list",
      items: ranking.rows.map((r) => ({
        title: `${r.name}: ${formatFigure(metric, r.value, ctx.locale)} (${m.national} ${national})`,
        subtitle: `${r.municipalityName} · ${r.organizerName}`,
        action: { id: "school.show", label: m.show, value: { code: r.code } },
      })),
    },
  ];
  return reply(
    message(ctx.locale, blocks, `${title}: ${ranking.rows.map((r) => `${r.rank}. ${r.name} ${formatFigure(metric, r.value, ctx.locale)}`).join(", ")}`),
  );
}
