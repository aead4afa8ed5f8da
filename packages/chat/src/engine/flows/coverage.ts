import type { FlowContext } from "../context";
import { bar, percent } from "../i18n";
import { message, reply } from "../reply";
import type { EngineReply } from "../types";

export async function showCoverage(ctx: FlowContext): Promise<EngineReply> {
  const c = await ctx.sv.coverage.compute();
  const sv = ctx.locale === "sv";
  return reply(
    message(
      ctx.locale,
      [
        { type: "header", text: sv ? "Täckning av kvalitetsdialoger" : "Quality dialogue coverage" },
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
        {
          type: "list",
          items: c.byOffice.map((o) => ({ title: `${o.town}: ${o.met}/${o.goal}`, subtitle: `${bar(o.share)} ${percent(o.share, ctx.locale)}` })),
        },
      ],
      sv ? `${c.met} av ${c.goal} huvudmän mötta.` : `${c.met} of ${c.goal} organizers met.`,
    ),
  );
}
