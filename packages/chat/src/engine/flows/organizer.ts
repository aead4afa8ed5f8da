import { ORGANIZER_TYPE_NAMES, type PrincipalOrganizer, type QualityDialogue, type Ranking, type RankMetric } from "@samverkan/sdk";
import type { Block, ListItem } from "../../cards/model";
import type { Entities } from "../../nlu/types";
import type { FlowContext } from "../context";
import { formatRange } from "../format";
import { optional } from "../optional";
import { findOrganizerChoices } from "../lookup";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { formatFigure, metricName, nationalFigures } from "./figures";
import { t } from "../../i18n";

/**
 * The organizer profile (`organizer.show`): type, municipality, school units with their latest
 * results against the national figure, units the selection flags, past and upcoming dialogues
 * with notes, and open plans and assignments.
 */
const SHOWN_METRICS: readonly RankMetric[] = ["meritValue", "allSubjectsPassed", "eligibleVocational", "examWithin3Years"];
const STORED_NAMES: Record<RankMetric, readonly string[]> = {
  meritValue: ["meritValue", "averageGradesMeritRating9thGrade"],
  allSubjectsPassed: ["shareAllSubjects", "ratioOfPupilsIn9thGradeWithAllSubjectsPassed"],
  eligibleVocational: ["shareEligibleVocational", "ratioOfPupils9thGradeEligibleForNationalProgramYR"],
  examWithin3Years: ["examWithin3Years", "shareExamWithin3Years", "ratioOfStudentsWithExamWithin3Years"],
};
const MAX_UNITS = 8;

async function resolveOrganizer(ctx: FlowContext, entities: Entities): Promise<{ organizer: PrincipalOrganizer } | { reply: EngineReply }> {
  if (entities.organizerId) return { organizer: await ctx.sv.organizers.get(entities.organizerId) };
  const name = entities.organizer;
  if (!name) return { reply: reply(textMessage(ctx.locale, t(ctx.locale).organizer.whichOrganizerWriteEG)) };
  const choices = (await findOrganizerChoices(ctx.sv, name, 5)).filter((c, i, all) => all.findIndex((x) => x.organizerId === c.organizerId) === i);
  if (choices.length === 0) return { reply: reply(textMessage(ctx.locale, t(ctx.locale).common.noMatch(name))) };
  const [only] = choices;
  if (only && choices.length === 1) return { organizer: await ctx.sv.organizers.get(only.organizerId) };
  const m = t(ctx.locale).organizer;
  return {
    reply: reply(
      message(ctx.locale, [
        { type: "text", text: t(ctx.locale).common.pickOrganizer },
        {
          type: "list",
          items: choices.map((c) => ({
            title: c.organizerName,
            ...(c.detail ? { subtitle: c.detail } : {}),
            action: { id: "organizer.show", label: m.show, value: { organizerId: c.organizerId } },
          })),
        },
      ]),
    ),
  };
}

function dialogueLine(ctx: FlowContext, d: QualityDialogue): ListItem {
  const note = d.notes.trim();
  return { title: formatRange(d.start, d.end, ctx.locale), ...(note ? { subtitle: note.length > 140 ? `${note.slice(0, 139)}…` : note } : {}) };
}

export async function showOrganizer(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const found = await resolveOrganizer(ctx, entities);
  if ("reply" in found) return found.reply;
  return reply(await organizerCard(ctx, found.organizer));
}

export async function showOrganizerById(ctx: FlowContext, organizerId: string): Promise<EngineReply> {
  return reply(await organizerCard(ctx, await ctx.sv.organizers.get(organizerId)));
}

async function organizerCard(ctx: FlowContext, organizer: PrincipalOrganizer) {
  const m = t(ctx.locale).organizer;
  const municipality = organizer.municipalityCode ? await ctx.sv.municipalities.get(organizer.municipalityCode) : undefined;
  const units = await ctx.sv.schools.list({ organizerId: organizer.id, limit: 200 });
  const national = await nationalFigures(ctx, SHOWN_METRICS);

  const blocks: Block[] = [
    { type: "header", text: organizer.name },
    {
      type: "fields",
      fields: [
        { label: m.type, value: ORGANIZER_TYPE_NAMES[organizer.type][ctx.locale] },
        { label: m.municipality, value: municipality?.name ?? "–" },
        { label: m.organisationNumber, value: organizer.organizationNumber },
        { label: m.schoolUnits, value: String(units.length) },
      ],
    },
  ];

  if (units.length > 0) {
    const items: ListItem[] = [];
    for (const unit of units.slice(0, MAX_UNITS)) {
      const profile = await ctx.sv.schools.profile(unit.code);
      const parts: string[] = [];
      for (const metric of SHOWN_METRICS) {
        const result = profile.results.find((r) => STORED_NAMES[metric].includes(r.metric));
        if (!result || !("value" in result.value)) continue;
        const nat = national.get(metric);
        parts.push(
          `${metricName(metric, ctx.locale)} ${formatFigure(metric, result.value.value, ctx.locale)}${nat?.national ? ` (${m.national} ${formatFigure(metric, nat.national.value, ctx.locale)})` : ""}`,
        );
      }
      items.push({
        title: `${unit.name} (${unit.code})`,
        subtitle: parts.length ? parts.join(" · ") : m.noResultsInTheRegister,
        action: { id: "school.show", label: m.show, value: { code: unit.code } },
      });
    }
    blocks.push({ type: "text", text: m.schoolUnitsAndLatestResults }, { type: "list", items });
    if (units.length > MAX_UNITS) blocks.push({ type: "context", text: m.andMore(units.length - MAX_UNITS) });
  }

  const countyCode = organizer.municipalityCode?.slice(0, 2);
  const selection = await optional(
    ctx.logger,
    "selection.candidates",
    { organizerId: organizer.id, countyCode },
    ctx.sv.selection.candidates(countyCode ? { county: countyCode, limit: 1000 } : { limit: 1000 }),
    undefined,
  );
  const flagged = selection?.candidates.filter((c) => c.organizer.id === organizer.id) ?? [];
  blocks.push({
    type: "text",
    text: flagged.length ? `${m.flaggedUnitsLowResults}: ${flagged.map((c) => c.school.name).join(", ")}` : m.noUnitsAreFlaggedBy,
  });

  const upcoming = await ctx.sv.dialogues.listUpcoming({ organizerId: organizer.id, limit: 5 });
  const past = (await ctx.sv.dialogues.listBetween("2000-01-01T00:00:00Z", ctx.now.toISOString()))
    .filter((d) => d.organizerId === organizer.id && !upcoming.some((u) => u.id === d.id))
    .slice(-5)
    .reverse();
  blocks.push({ type: "text", text: m.upcomingDialogues });
  blocks.push(upcoming.length ? { type: "list", items: upcoming.map((d) => dialogueLine(ctx, d)) } : { type: "context", text: m.noneBooked });
  blocks.push({ type: "text", text: m.pastDialogues });
  blocks.push(past.length ? { type: "list", items: past.map((d) => dialogueLine(ctx, d)) } : { type: "context", text: m.noneYet });

  const unitCodes = new Set(units.map((u) => u.code));
  const plans = (await ctx.sv.assignments.listPlans()).filter(
    (p) => p.organizerId === organizer.id || (p.schoolUnitCode !== null && unitCodes.has(p.schoolUnitCode)),
  );
  const open = [];
  for (const plan of plans) open.push(...(await ctx.sv.assignments.list({ planId: plan.id })).map((a) => ({ plan, a })));
  blocks.push({ type: "text", text: m.openPlansAndAssignments });
  blocks.push(
    open.length
      ? {
          type: "list",
          items: open.slice(0, 10).map(({ plan, a }) => ({
            title: `${a.ref} ${a.title}`,
            subtitle: plan.title,
            action: { id: "assignment.show", label: m.show, value: { ref: a.ref } },
          })),
        }
      : { type: "context", text: plans.length ? m.plansNoOpenAssignments(plans.length) : m.noPlans },
  );
  blocks.push({ type: "actions", actions: [{ id: "book.start", label: m.bookADialogue, value: { organizerId: organizer.id }, style: "primary" }] });
  return message(ctx.locale, blocks, `${organizer.name}: ${ORGANIZER_TYPE_NAMES[organizer.type][ctx.locale]}, ${units.length} ${m.schoolUnits2}`);
}

export type { Ranking };
