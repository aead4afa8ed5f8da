import type { PrincipalOrganizer, QualityDialogue, Ranking, RankMetric } from "@samverkan/sdk";
import type { Block, ListItem } from "../../cards/model";
import type { Entities } from "../../nlu/types";
import type { FlowContext } from "../context";
import { formatRange, say, t } from "../i18n";
import { findOrganizerChoices } from "../lookup";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { formatFigure, metricName, nationalFigures } from "./figures";

/**
 * The organizer profile (`organizer.show`): type, municipality, school units with their latest
 * results against the national figure, units the selection flags, past and upcoming dialogues
 * with notes, and open plans and assignments.
 */
const TYPE_NAMES: Record<PrincipalOrganizer["type"], { sv: string; en: string }> = {
  municipal: { sv: "Kommunal", en: "Municipal" },
  independent: { sv: "Enskild (fristående)", en: "Independent" },
  state: { sv: "Statlig", en: "State" },
  region: { sv: "Region", en: "Region" },
};

const SHOWN_METRICS: readonly RankMetric[] = ["meritValue", "allSubjectsPassed", "eligibleVocational", "examWithin3Years"];
const STORED_NAMES: Record<RankMetric, readonly string[]> = {
  meritValue: ["meritValue", "averageGradesMeritRating9thGrade"],
  allSubjectsPassed: ["shareAllSubjects", "ratioOfPupilsIn9thGradeWithAllSubjectsPassed"],
  eligibleVocational: ["shareEligibleVocational", "ratioOfPupils9thGradeEligibleForNationalProgramYR"],
  examWithin3Years: ["examWithin3Years", "shareExamWithin3Years", "ratioOfStudentsWithExamWithin3Years"],
};
const MAX_UNITS = 8;

async function resolveOrganizer(ctx: FlowContext, entities: Entities): Promise<{ organizer?: PrincipalOrganizer; reply?: EngineReply }> {
  if (entities.organizerId) return { organizer: await ctx.sv.organizers.get(entities.organizerId) };
  const name = entities.organizer;
  if (!name) return { reply: reply(textMessage(ctx.locale, ctx.locale === "sv" ? "Vilken huvudman? Skriv till exempel *visa huvudman Borås kommun*." : "Which organizer? Write e.g. *show organizer Borås kommun*.")) };
  const choices = (await findOrganizerChoices(ctx.sv, name, 5)).filter((c, i, all) => all.findIndex((x) => x.organizerId === c.organizerId) === i);
  if (choices.length === 0) return { reply: reply(textMessage(ctx.locale, say(t.noMatch(name), ctx.locale))) };
  if (choices.length === 1) return { organizer: await ctx.sv.organizers.get(choices[0]!.organizerId) };
  const sv = ctx.locale === "sv";
  return {
    reply: reply(
      message(ctx.locale, [
        { type: "text", text: say(t.pickOrganizer, ctx.locale) },
        { type: "list", items: choices.map((c) => ({ title: c.organizerName, ...(c.detail ? { subtitle: c.detail } : {}), action: { id: "organizer.show", label: sv ? "Visa" : "Show", value: { organizerId: c.organizerId } } })) },
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
  if (!found.organizer) return found.reply!;
  return reply(await organizerCard(ctx, found.organizer));
}

export async function showOrganizerById(ctx: FlowContext, organizerId: string): Promise<EngineReply> {
  return reply(await organizerCard(ctx, await ctx.sv.organizers.get(organizerId)));
}

async function organizerCard(ctx: FlowContext, organizer: PrincipalOrganizer) {
  const sv = ctx.locale === "sv";
  const municipality = organizer.municipalityCode ? await ctx.sv.municipalities.get(organizer.municipalityCode) : undefined;
  const units = await ctx.sv.schools.list({ organizerId: organizer.id, limit: 200 });
  const national = await nationalFigures(ctx, SHOWN_METRICS);

  const blocks: Block[] = [
    { type: "header", text: organizer.name },
    {
      type: "fields",
      fields: [
        { label: sv ? "Typ" : "Type", value: TYPE_NAMES[organizer.type][ctx.locale] },
        { label: sv ? "Kommun" : "Municipality", value: municipality?.name ?? "–" },
        { label: sv ? "Organisationsnummer" : "Organisation number", value: organizer.organizationNumber },
        { label: sv ? "Skolenheter" : "School units", value: String(units.length) },
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
        parts.push(`${metricName(metric, ctx.locale)} ${formatFigure(metric, result.value.value, ctx.locale)}${nat?.national ? ` (${sv ? "riket" : "national"} ${formatFigure(metric, nat.national.value, ctx.locale)})` : ""}`);
      }
      items.push({
        title: `${unit.name} (${unit.code})`,
        subtitle: parts.length ? parts.join(" · ") : sv ? "Inga resultat i registret" : "No results in the register",
        action: { id: "school.show", label: sv ? "Visa" : "Show", value: { code: unit.code } },
      });
    }
    blocks.push({ type: "text", text: sv ? "**Skolenheter och senaste resultat**" : "**School units and latest results**" }, { type: "list", items });
    if (units.length > MAX_UNITS) blocks.push({ type: "context", text: sv ? `…och ${units.length - MAX_UNITS} till.` : `…and ${units.length - MAX_UNITS} more.` });
  }

  const countyCode = organizer.municipalityCode?.slice(0, 2);
  const selection = await ctx.sv.selection.candidates(countyCode ? { county: countyCode, limit: 1000 } : { limit: 1000 }).catch(() => undefined);
  const flagged = selection?.candidates.filter((c) => c.organizer.id === organizer.id) ?? [];
  blocks.push({
    type: "text",
    text: flagged.length
      ? `${sv ? "**Flaggade enheter** (låga resultat)" : "**Flagged units** (low results)"}: ${flagged.map((c) => c.school.name).join(", ")}`
      : sv ? "Inga enheter flaggas av urvalet." : "No units are flagged by the selection.",
  });

  const upcoming = await ctx.sv.dialogues.listUpcoming({ organizerId: organizer.id, limit: 5 });
  const past = (await ctx.sv.dialogues.listBetween("2000-01-01T00:00:00Z", ctx.now.toISOString())).filter((d) => d.organizerId === organizer.id && !upcoming.some((u) => u.id === d.id)).slice(-5).reverse();
  blocks.push({ type: "text", text: sv ? "**Kommande dialoger**" : "**Upcoming dialogues**" });
  blocks.push(upcoming.length ? { type: "list", items: upcoming.map((d) => dialogueLine(ctx, d)) } : { type: "context", text: sv ? "Inga bokade." : "None booked." });
  blocks.push({ type: "text", text: sv ? "**Tidigare dialoger**" : "**Past dialogues**" });
  blocks.push(past.length ? { type: "list", items: past.map((d) => dialogueLine(ctx, d)) } : { type: "context", text: sv ? "Inga ännu." : "None yet." });

  const unitCodes = new Set(units.map((u) => u.code));
  const plans = (await ctx.sv.assignments.listPlans()).filter((p) => p.organizerId === organizer.id || (p.schoolUnitCode !== null && unitCodes.has(p.schoolUnitCode)));
  const open = [];
  for (const plan of plans) open.push(...(await ctx.sv.assignments.list({ planId: plan.id })).map((a) => ({ plan, a })));
  blocks.push({ type: "text", text: sv ? "**Öppna planer och uppdrag**" : "**Open plans and assignments**" });
  blocks.push(
    open.length
      ? { type: "list", items: open.slice(0, 10).map(({ plan, a }) => ({ title: `${a.ref} ${a.title}`, subtitle: plan.title, action: { id: "assignment.show", label: sv ? "Visa" : "Show", value: { ref: a.ref } } })) }
      : { type: "context", text: plans.length ? (sv ? `${plans.length} planer, inga öppna uppdrag.` : `${plans.length} plans, no open assignments.`) : sv ? "Inga planer." : "No plans." },
  );
  blocks.push({ type: "actions", actions: [{ id: "book.start", label: sv ? "Boka dialog" : "Book a dialogue", value: { organizerId: organizer.id }, style: "primary" }] });
  return message(ctx.locale, blocks, `${organizer.name}: ${TYPE_NAMES[organizer.type][ctx.locale]}, ${units.length} ${sv ? "skolenheter" : "school units"}`);
}

export type { Ranking };
