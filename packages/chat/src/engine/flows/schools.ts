import { formatStatValue, isRequestError } from "@samverkan/sdk";
import type { Entities } from "../../nlu/types";
import type { Block, Message } from "../../cards/model";
import type { FlowContext } from "../context";
import { t } from "../../i18n";
import { escapeMarkup, message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import type { Samverkan, Locale } from "@samverkan/sdk";
import { figuresInContextBlocks } from "./school-figures";

/** Shares are percentages; a marker such as ".." stays bare. */
function withUnit(metric: string, text: string, kind: string): string {
  return metric.startsWith("share") && ["number", "rounded", "approximate"].includes(kind) ? `${text} %` : text;
}

export async function searchSchools(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  if (entities.schoolUnitCode) return showSchool(ctx, entities.schoolUnitCode);
  const query = (entities.query ?? "").trim();
  if (!query) return reply(textMessage(ctx.locale, t(ctx.locale).schools.whichSchoolAreYouLooking));
  const hits = await ctx.sv.schools.search(query, { limit: 8 });
  if (hits.length === 0) return reply(textMessage(ctx.locale, t(ctx.locale).common.noSchool(query)));
  const m = t(ctx.locale).schools;
  return reply(
    message(
      ctx.locale,
      [
        { type: "text", text: m.matchesFor(escapeMarkup(query)) },
        {
          type: "list",
          items: hits.map((h) => ({
            title: h.school.name,
            subtitle: `${h.municipalityName} · ${h.organizer.name} · ${h.school.code}`,
            action: { id: "school.show", label: m.show, value: { code: h.school.code } },
          })),
        },
      ],
      `${hits.length} ${m.matches}: ${hits.map((h) => h.school.name).join(", ")}`,
    ),
  );
}

export async function showSchool(ctx: FlowContext, code: string): Promise<EngineReply> {
  const card = await schoolCard(ctx.sv, code, ctx.locale);
  return reply(card ?? textMessage(ctx.locale, t(ctx.locale).common.noSchool(code)));
}

/** The school card: shown in chat, unfurls and the Teams message extension. */
export async function schoolCard(sv: Samverkan, code: string, locale: Locale, options: { withActions?: boolean } = {}): Promise<Message | undefined> {
  try {
    const profile = await sv.schools.profile(code);
    const m = t(locale).schools;
    const inContext = await sv.selection.inContext(profile.school.code);
    // Figures the selection judges are shown in context below; the rest (pupils) stay here.
    const shownInContext = new Set(inContext.criteria.flatMap((c) => c.years.map((y) => y.sourceMetric)));
    const metricNames: Partial<Record<string, string>> = t(locale).schools.metricNames;
    const results = profile.results.filter((r) => metricNames[r.metric] && !shownInContext.has(r.metric));
    const blocks: Block[] = [
      { type: "header", text: profile.school.name },
      {
        type: "fields",
        fields: [
          { label: m.schoolUnitCode, value: escapeMarkup(profile.school.code) },
          { label: m.organizer, value: escapeMarkup(profile.organizer.name) },
          { label: m.municipality, value: escapeMarkup(profile.municipality?.name ?? profile.school.municipalityCode) },
          { label: m.county, value: escapeMarkup(profile.county?.name ?? "") },
          { label: m.regionalOffice, value: escapeMarkup(profile.office?.town ?? "–") },
          ...results.map((r) => ({
            label: `${metricNames[r.metric]} ${r.schoolYear}`,
            value: withUnit(r.metric, formatStatValue(r.value, locale), r.value.kind),
          })),
        ],
      },
      ...figuresInContextBlocks(inContext, locale),
    ];
    if (options.withActions !== false) {
      blocks.push({
        type: "actions",
        actions: [
          { id: "book.start", label: m.bookDialogue, value: { organizerId: profile.organizer.id, schoolUnitCode: profile.school.code }, style: "primary" },
          { id: "link", label: m.utbildningsguiden, value: {}, url: `https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=${profile.school.code}` },
        ],
      });
    }
    return message(locale, blocks, `${profile.school.name} (${profile.school.code}), ${profile.organizer.name}`);
  } catch (error) {
    if (isRequestError(error)) return undefined;
    throw error;
  }
}
