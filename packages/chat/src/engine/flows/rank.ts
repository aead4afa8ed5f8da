import type { RankMetric } from "@samverkan/sdk";
import type { Block } from "../../cards/model";
import type { Entities } from "../../nlu/types";
import type { FlowContext } from "../context";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { formatFigure, metricName } from "./figures";

/** `school.rank`: school units in an area ordered by one measure, the national figure beside each. */
export async function rankSchools(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const sv = ctx.locale === "sv";
  const metric: RankMetric = entities.metric ?? "meritValue";
  const order = entities.order ?? "desc";
  const ranking = await ctx.sv.schools.rank({ metric, order, limit: entities.limit ?? 10, ...(entities.area ? { area: entities.area } : {}) });
  const where = ranking.area?.name ?? (sv ? "hela Sverige" : "all of Sweden");
  if (ranking.rows.length === 0) {
    const why = ranking.storedMetric === null
      ? sv ? `Registret har inga uppgifter om ${metricName(metric, "sv").toLowerCase()} ännu.` : `The register has no ${metricName(metric, "en").toLowerCase()} figures yet.`
      : sv ? `Inga skolenheter i ${where} har ${metricName(metric, "sv").toLowerCase()} för ${ranking.schoolYear}.` : `No school units in ${where} have ${metricName(metric, "en").toLowerCase()} for ${ranking.schoolYear}.`;
    return reply(textMessage(ctx.locale, why));
  }
  const national = ranking.national ? formatFigure(metric, ranking.national.value, ctx.locale) : "–";
  const title = sv
    ? `${order === "asc" ? "Lägst" : "Högst"} ${metricName(metric, "sv").toLowerCase()} i ${where}`
    : `${order === "asc" ? "Lowest" : "Highest"} ${metricName(metric, "en").toLowerCase()} in ${where}`;
  const blocks: Block[] = [
    { type: "header", text: title },
    { type: "context", text: sv ? `Läsår ${ranking.schoolYear} · riket ${national} · ${ranking.total} enheter med uppgift` : `School year ${ranking.schoolYear} · national ${national} · ${ranking.total} units with a figure` },
    {
      type: "list",
      items: ranking.rows.map((r) => ({
        title: `${r.name}: ${formatFigure(metric, r.value, ctx.locale)} (${sv ? "riket" : "national"} ${national})`,
        subtitle: `${r.municipalityName} · ${r.organizerName}`,
        action: { id: "school.show", label: sv ? "Visa" : "Show", value: { code: r.code } },
      })),
    },
  ];
  return reply(message(ctx.locale, blocks, `${title}: ${ranking.rows.map((r) => `${r.rank}. ${r.name} ${formatFigure(metric, r.value, ctx.locale)}`).join(", ")}`));
}
