import { findOffice, resolveArea } from "@samverkan/sdk";
import type { Entities } from "../../nlu/types";
import type { FlowContext } from "../context";
import { bar, percent } from "../format";
import { coverageChartAlt } from "../../charts/coverage-chart";
import { coverageChartUrl, scopeOf as chartScope } from "../../charts/links";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { t } from "../../i18n";

/** Coverage for all of Sweden, one office's counties, a county or a municipality (issue #11). */
async function scopeOf(
  ctx: FlowContext,
  entities: Entities,
): Promise<{ options: { counties?: string[]; municipality?: string }; name?: string } | { unknown: string }> {
  if (entities.area) {
    const area = await resolveArea(ctx.sv.store, entities.area);
    if (!area) return { unknown: entities.area };
    return area.kind === "county" ? { options: { counties: [area.code] }, name: area.name } : { options: { municipality: area.code }, name: area.name };
  }
  if (entities.office) {
    const office = findOffice(ctx.sv.config.offices, entities.office);
    if (!office) return { unknown: entities.office };
    return { options: { counties: [...office.counties] }, name: t(ctx.locale).coverage.theOffice(office.town) };
  }
  return { options: {} };
}

export async function showCoverage(ctx: FlowContext, entities: Entities = {}): Promise<EngineReply> {
  const msg = t(ctx.locale).coverage;
  const scope = await scopeOf(ctx, entities);
  if ("unknown" in scope) {
    return reply(textMessage(ctx.locale, msg.isNotACountyMunicipality(scope.unknown)));
  }
  const c = await ctx.sv.coverage.compute(scope.options);
  // A chart when the apps serve one at a public URL; the text bars below stay either way.
  const chart = coverageChartUrl(ctx.sv.calendar.settings, chartScope(scope.options), ctx.locale, ctx.now);
  return reply(
    message(
      ctx.locale,
      [
        { type: "header", text: `${msg.qualityDialogueCoverage}${scope.name ? ` – ${scope.name}` : ""}` },
        ...(chart ? [{ type: "image" as const, url: chart, alt: coverageChartAlt(c, ctx.locale) }] : []),
        {
          type: "text",
          text: msg.ofOrganizersMetOfHas({
            met: c.met,
            goal: c.goal,
            percent: percent(c.share, ctx.locale),
            bar: bar(c.share),
            percent2: percent(c.elapsedShare, ctx.locale),
            startDate: c.startDate,
            endDate: c.endDate,
          }),
        },
        {
          type: "fields",
          fields: [
            { label: msg.paceSoFar, value: `${c.pacePerMonth.toFixed(1)} ${msg.perMonth}` },
            { label: msg.paceNeeded, value: `${c.neededPerMonth.toFixed(1)} ${msg.perMonth}` },
            { label: "Status", value: c.onTrack ? msg.onTrack : msg.behind },
          ],
        },
        ...(scope.options.counties || scope.options.municipality
          ? [
              {
                type: "list" as const,
                items: c.byCounty.map((k) => ({ title: `${k.countyName}: ${k.met}/${k.goal}`, subtitle: `${bar(k.share)} ${percent(k.share, ctx.locale)}` })),
              },
            ]
          : []),
        {
          type: "list",
          items: c.byOffice.map((o) => ({ title: `${o.town}: ${o.met}/${o.goal}`, subtitle: `${bar(o.share)} ${percent(o.share, ctx.locale)}` })),
        },
      ],
      msg.ofOrganizersMet({ met: c.met, goal: c.goal }),
    ),
  );
}
