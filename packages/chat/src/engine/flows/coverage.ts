import { findOffice, resolveArea } from "@samverkan/sdk";
import type { Entities } from "../../nlu/types";
import type { FlowContext } from "../context";
import { bar, percent } from "../i18n";
import { coverageChartAlt } from "../../charts/coverage-chart";
import { coverageChartUrl, scopeOf as chartScope } from "../../charts/links";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";

/** Coverage for all of Sweden, one office's counties, a county or a municipality (issue #11). */
async function scopeOf(ctx: FlowContext, entities: Entities): Promise<{ options: { counties?: string[]; municipality?: string }; name?: string } | { unknown: string }> {
  if (entities.area) {
    const area = await resolveArea(ctx.sv.store, entities.area);
    if (!area) return { unknown: entities.area };
    return area.kind === "county" ? { options: { counties: [area.code] }, name: area.name } : { options: { municipality: area.code }, name: area.name };
  }
  if (entities.office) {
    const office = findOffice(ctx.sv.config.offices, entities.office);
    if (!office) return { unknown: entities.office };
    return { options: { counties: [...office.counties] }, name: ctx.locale === "sv" ? `${office.town}kontoret` : `the ${office.town} office` };
  }
  return { options: {} };
}

export async function showCoverage(ctx: FlowContext, entities: Entities = {}): Promise<EngineReply> {
  const sv = ctx.locale === "sv";
  const scope = await scopeOf(ctx, entities);
  if ("unknown" in scope) {
    return reply(textMessage(ctx.locale, sv ? `Känner inte igen "${scope.unknown}" som ett län, en kommun eller ett kontor.` : `"${scope.unknown}" is not a county, municipality or office I know.`));
  }
  const c = await ctx.sv.coverage.compute(scope.options);
  // A chart when the apps serve one at a public URL; the text bars below stay either way.
  const chart = coverageChartUrl(ctx.sv.calendar.settings, chartScope(scope.options), ctx.locale, ctx.now);
  return reply(
    message(
      ctx.locale,
      [
        { type: "header", text: `${sv ? "Täckning av kvalitetsdialoger" : "Quality dialogue coverage"}${scope.name ? ` – ${scope.name}` : ""}` },
        ...(chart ? [{ type: "image" as const, url: chart, alt: coverageChartAlt(c, ctx.locale) }] : []),
        {
          type: "text",
          text: sv
            ? `**${c.met} av ${c.goal}** huvudmän mötta (${percent(c.share, "sv")}) ${bar(c.share)}\n${percent(c.elapsedShare, "sv")} av tiden ${c.startDate}–${c.endDate} har gått.`
            : `**${c.met} of ${c.goal}** organizers met (${percent(c.share, "en")}) ${bar(c.share)}\n${percent(c.elapsedShare, "en")} of ${c.startDate}–${c.endDate} has passed.`,
        },
        {
          type: "fields",
          fields: [
            { label: sv ? "Takt hittills" : "Pace so far", value: `${c.pacePerMonth.toFixed(1)} ${sv ? "per månad" : "per month"}` },
            { label: sv ? "Takt som behövs" : "Pace needed", value: `${c.neededPerMonth.toFixed(1)} ${sv ? "per månad" : "per month"}` },
            { label: "Status", value: c.onTrack ? (sv ? "I fas" : "On track") : sv ? "Efter plan" : "Behind" },
          ],
        },
        ...(scope.options.counties || scope.options.municipality
          ? [{ type: "list" as const, items: c.byCounty.map((k) => ({ title: `${k.countyName}: ${k.met}/${k.goal}`, subtitle: `${bar(k.share)} ${percent(k.share, ctx.locale)}` })) }]
          : []),
        {
          type: "list",
          items: c.byOffice.map((o) => ({ title: `${o.town}: ${o.met}/${o.goal}`, subtitle: `${bar(o.share)} ${percent(o.share, ctx.locale)}` })),
        },
      ],
      sv ? `${c.met} av ${c.goal} huvudmän mötta.` : `${c.met} of ${c.goal} organizers met.`,
    ),
  );
}
