import { FOCUS_AREA_NAMES, isSamverkanError, PHASE_NAMES, phaseSchema, type Assignment, type Phase } from "@samverkan/sdk";
import type { Entities } from "../../nlu/types";
import { parseUtterance } from "../../nlu/index";
import type { Block, Message } from "../../cards/model";
import { paginate } from "../../cards/paginate";
import type { FlowContext } from "../context";
import { formatDateTime, formatDay, say, t } from "../i18n";
import type { Pending } from "../pending";
import { cancelAction, escapeMarkup, message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";

type ProgressPending = Extract<Pending, { flow: "progress" }>;

const PAGE_SIZE = 8;

function assignmentLine(a: Assignment, locale: "sv" | "en"): string {
  const last = a.lastProgressAt ? formatDay(a.lastProgressAt, locale) : locale === "sv" ? "inga framsteg" : "no progress";
  return `${PHASE_NAMES[a.phase][locale]} · ${a.percent ?? 0} % · ${locale === "sv" ? "senast" : "last"} ${last}`;
}

export async function listAssignments(ctx: FlowContext, pageIndex = 0): Promise<EngineReply> {
  const mine = await ctx.sv.assignments.list({ responsibleStaffId: ctx.staff.id });
  if (mine.length === 0) return reply(textMessage(ctx.locale, say(t.noAssignments, ctx.locale)));
  const sv = ctx.locale === "sv";
  const page = paginate(mine, pageIndex, PAGE_SIZE);
  return reply(
    message(
      ctx.locale,
      [
        { type: "header", text: sv ? "Mina uppdrag" : "My assignments" },
        {
          type: "list",
          items: page.items.map((a) => ({ title: `${a.ref} ${a.title}`, subtitle: assignmentLine(a, ctx.locale), action: { id: "assignment.show", label: sv ? "Visa" : "Show", value: { ref: a.ref } } })),
          page: {
            index: page.index,
            size: PAGE_SIZE,
            total: mine.length,
            ...(page.hasNext ? { next: { id: "assignment.list.page", label: sv ? "Nästa" : "Next", value: { index: page.index + 1 } } } : {}),
            ...(page.hasPrevious ? { previous: { id: "assignment.list.page", label: sv ? "Föregående" : "Previous", value: { index: page.index - 1 } } } : {}),
          },
        },
      ],
      sv ? `Du har ${mine.length} pågående uppdrag.` : `You have ${mine.length} open assignments.`,
    ),
  );
}

export async function showAssignment(ctx: FlowContext, ref: string | undefined): Promise<EngineReply> {
  if (!ref) return pickAssignment(ctx, "assignment.show", say(t.askAssignment, ctx.locale));
  try {
    return reply(await assignmentCard(ctx, await ctx.sv.assignments.get(ref)));
  } catch (error) {
    if (isSamverkanError(error)) return reply(textMessage(ctx.locale, escapeMarkup(error.localized(ctx.locale))));
    throw error;
  }
}

export async function assignmentCard(ctx: FlowContext, a: Assignment, lead?: string): Promise<Message> {
  const sv = ctx.locale === "sv";
  const history = await ctx.sv.assignments.history(a.id);
  const responsible = a.responsibleStaffId ? (await ctx.sv.staff.get(a.responsibleStaffId).catch(() => undefined))?.name : undefined;
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push({ type: "header", text: `${a.ref} ${a.title}` });
  blocks.push({
    type: "fields",
    fields: [
      { label: sv ? "Fas" : "Phase", value: PHASE_NAMES[a.phase][ctx.locale] },
      { label: sv ? "Klart" : "Done", value: `${a.percent ?? 0} %` },
      { label: sv ? "Fokusområde" : "Focus area", value: FOCUS_AREA_NAMES[a.focusArea][ctx.locale] },
      { label: sv ? "Ansvarig" : "Responsible", value: escapeMarkup(responsible ?? "–") },
      { label: sv ? "Slutdatum" : "Due", value: escapeMarkup(a.dueDate ?? "–") },
    ],
  });
  const latest = history.slice(-5).reverse();
  blocks.push({
    type: "list",
    items: latest.length
      ? latest.map((h) => ({
          title: `${formatDateTime(h.at, ctx.locale)}${h.percent !== null ? ` · ${h.percent} %` : ""}${h.phaseChange ? ` · → ${PHASE_NAMES[h.phaseChange][ctx.locale]}` : ""}`,
          subtitle: h.note || "–",
        }))
      : [{ title: sv ? "Inga framsteg loggade ännu." : "No progress logged yet." }],
  });
  if (history.length > 5) blocks.push({ type: "context", text: sv ? `Visar de 5 senaste av ${history.length} poster.` : `Showing the latest 5 of ${history.length} entries.` });
  blocks.push({ type: "actions", actions: [{ id: "progress.form", label: sv ? "Logga framsteg" : "Log progress", value: { ref: a.ref }, style: "primary" }] });
  return message(ctx.locale, blocks, `${lead ? `${lead} ` : ""}${a.ref} ${a.title}: ${PHASE_NAMES[a.phase][ctx.locale]}, ${a.percent ?? 0} %`);
}

async function pickAssignment(ctx: FlowContext, actionId: string, question: string): Promise<EngineReply> {
  const mine = await ctx.sv.assignments.list({ responsibleStaffId: ctx.staff.id, limit: 10 });
  const blocks: Block[] = [{ type: "text", text: question }];
  if (mine.length > 0) {
    blocks.push({ type: "list", items: mine.map((a) => ({ title: `${a.ref} ${a.title}`, action: { id: actionId, label: ctx.locale === "sv" ? "Välj" : "Choose", value: { ref: a.ref } } })) });
  }
  blocks.push({ type: "actions", actions: [cancelAction(ctx.locale)] });
  return reply(message(ctx.locale, blocks));
}

/** "logga framsteg U-12 60% klar med kartläggningen" */
export async function startProgress(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const pending: ProgressPending = {
    flow: "progress",
    awaiting: "ref",
    ...(entities.assignmentRef ? { ref: entities.assignmentRef } : {}),
    ...(entities.note ? { note: entities.note } : {}),
    ...(entities.percent !== undefined ? { percent: entities.percent } : {}),
    ...(entities.phase ? { phase: entities.phase } : {}),
  };
  return nextProgress(ctx, pending);
}

async function nextProgress(ctx: FlowContext, pending: ProgressPending): Promise<EngineReply> {
  if (!pending.ref) {
    ctx.setPending({ ...pending, awaiting: "ref" });
    return pickAssignment(ctx, "progress.pick", say(t.askAssignment, ctx.locale));
  }
  const assignment = await ctx.sv.assignments.get(pending.ref).catch(() => undefined);
  if (!assignment) {
    const { ref: _ref, ...rest } = pending;
    ctx.setPending({ ...rest, awaiting: "ref" });
    return pickAssignment(ctx, "progress.pick", `${ctx.locale === "sv" ? `Jag hittar inget uppdrag ${pending.ref}.` : `I can't find assignment ${pending.ref}.`} ${say(t.askAssignment, ctx.locale)}`);
  }
  try {
    await ctx.sv.assignments.checkMayLogProgress(assignment.id, ctx.write);
  } catch (error) {
    // Not theirs (or a forged button): say why and drop the question.
    ctx.setPending(undefined);
    throw error;
  }
  if (!pending.note && pending.percent === undefined && !pending.phase) {
    ctx.setPending({ ...pending, awaiting: "note" });
    return reply(message(ctx.locale, [{ type: "text", text: `${escapeMarkup(`${assignment.ref} ${assignment.title}`)}: ${say(t.askProgress, ctx.locale)}` }, { type: "actions", actions: [{ id: "progress.form", label: ctx.locale === "sv" ? "Öppna formulär" : "Open form", value: { ref: assignment.ref } }, cancelAction(ctx.locale)] }]));
  }
  if (pending.percent !== undefined && (pending.percent < 0 || pending.percent > 100)) {
    const { percent: _p, ...rest } = pending;
    ctx.setPending({ ...rest, awaiting: "note" });
    return reply(textMessage(ctx.locale, ctx.locale === "sv" ? "Procent måste vara mellan 0 och 100. Skriv anteckningen igen med rätt procent." : "Percent must be from 0 to 100. Write the note again with the right percent."));
  }
  ctx.setPending({ ...pending, awaiting: "confirm" });
  const sv = ctx.locale === "sv";
  return reply(
    message(ctx.locale, [
      { type: "text", text: say(t.confirmProgress, ctx.locale) },
      {
        type: "fields",
        fields: [
          { label: sv ? "Uppdrag" : "Assignment", value: escapeMarkup(`${assignment.ref} ${assignment.title}`) },
          ...(pending.note ? [{ label: sv ? "Anteckning" : "Note", value: escapeMarkup(pending.note) }] : []),
          ...(pending.percent !== undefined ? [{ label: sv ? "Klart" : "Done", value: `${pending.percent} %` }] : []),
          ...(pending.phase ? [{ label: sv ? "Ny fas" : "New phase", value: PHASE_NAMES[pending.phase][ctx.locale] }] : []),
        ],
      },
      { type: "actions", actions: [{ id: "progress.confirm", label: sv ? "Logga" : "Log", value: {}, style: "primary" }, { id: "progress.form", label: sv ? "Ändra" : "Edit", value: { ref: assignment.ref } }, cancelAction(ctx.locale)] },
    ]),
  );
}

export async function pickProgressAssignment(ctx: FlowContext, pending: ProgressPending | undefined, ref: string): Promise<EngineReply> {
  return nextProgress(ctx, { ...(pending ?? { flow: "progress", awaiting: "ref" }), ref });
}

export async function continueProgress(ctx: FlowContext, pending: ProgressPending, text: string): Promise<EngineReply> {
  const parsed = parseUtterance(text, { now: ctx.now });
  if (pending.awaiting === "ref") {
    const ref = parsed.entities.assignmentRef ?? (/^\s*\d+\s*$/.test(text) ? `U-${text.trim()}` : undefined);
    return nextProgress(ctx, { ...pending, ...(ref ? { ref } : {}) });
  }
  if (pending.awaiting === "note") {
    const e = parsed.entities;
    return nextProgress(ctx, {
      ...pending,
      note: e.note ?? text.trim(),
      ...(e.percent !== undefined ? { percent: e.percent } : {}),
      ...(e.phase ? { phase: e.phase } : {}),
    });
  }
  if (/^\s*(ja|japp|ok|okej|yes|y|logga|bekräfta|confirm)\b/i.test(text)) return confirmProgress(ctx, pending);
  return reply(textMessage(ctx.locale, ctx.locale === "sv" ? "Svara **ja** för att logga eller **avbryt**." : "Answer **yes** to log or **cancel**."));
}

export async function confirmProgress(ctx: FlowContext, pending: ProgressPending): Promise<EngineReply> {
  if (!pending.ref) return nextProgress(ctx, pending);
  try {
    await ctx.sv.assignments.logProgress(
      pending.ref,
      { note: pending.note ?? "", ...(pending.percent !== undefined ? { percent: pending.percent } : {}), ...(pending.phase ? { phase: pending.phase } : {}) },
      ctx.write,
    );
    ctx.setPending(undefined);
    return reply(await assignmentCard(ctx, await ctx.sv.assignments.get(pending.ref), say(t.progressLogged, ctx.locale)));
  } catch (error) {
    if (isSamverkanError(error)) {
      ctx.setPending(undefined);
      return reply(textMessage(ctx.locale, escapeMarkup(error.localized(ctx.locale))));
    }
    throw error;
  }
}

export async function progressForm(ctx: FlowContext, ref: string, errors?: Record<string, string>): Promise<Message> {
  const sv = ctx.locale === "sv";
  const a = await ctx.sv.assignments.get(ref);
  await ctx.sv.assignments.checkMayLogProgress(a.id, ctx.write);
  return message(
    ctx.locale,
    [
      {
        type: "form",
        id: "progress",
        title: sv ? "Logga framsteg" : "Log progress",
        submit: { id: "progress.submit", label: sv ? "Logga" : "Log", value: { ref: a.ref } },
        cancel: { id: "flow.cancel", label: sv ? "Avbryt" : "Cancel", value: {} },
        inputs: [
          { kind: "text", id: "note", label: `${a.ref} ${a.title}`.slice(0, 150), multiline: true, required: true, maxLength: 3000, placeholder: sv ? "Vad har hänt?" : "What happened?" },
          { kind: "number", id: "percent", label: sv ? "Klart (%)" : "Done (%)", min: 0, max: 100, ...(a.percent !== null ? { value: a.percent } : {}) },
          { kind: "select", id: "phase", label: sv ? "Fas" : "Phase", value: a.phase, options: phaseSchema.options.map((p) => ({ label: PHASE_NAMES[p][ctx.locale], value: p })) },
        ],
        ...(errors ? { errors } : {}),
      },
    ],
    sv ? "Logga framsteg" : "Log progress",
  );
}

/** A submitted progress form is the confirmation; bad values come back on their field. */
export async function submitProgressForm(ctx: FlowContext, ref: string, values: Record<string, string | number | boolean | undefined>): Promise<EngineReply> {
  const sv = ctx.locale === "sv";
  const errors: Record<string, string> = {};
  const note = String(values.note ?? "").trim();
  const rawPercent = values.percent;
  const percent = rawPercent === undefined || rawPercent === "" ? undefined : Number(String(rawPercent).replace(",", "."));
  if (percent !== undefined && (!Number.isFinite(percent) || percent < 0 || percent > 100)) errors.percent = sv ? "Procent måste vara mellan 0 och 100." : "Percent must be from 0 to 100.";
  const phaseParsed = values.phase ? phaseSchema.safeParse(values.phase) : undefined;
  if (phaseParsed && !phaseParsed.success) errors.phase = sv ? "Välj en fas i listan." : "Choose a phase from the list.";
  if (!note) errors.note = sv ? "Skriv en kort anteckning om vad som hänt." : "Write a short note about what happened.";
  if (Object.keys(errors).length > 0) return { messages: [], formErrors: errors };
  const current = await ctx.sv.assignments.get(ref);
  const phase: Phase | undefined = phaseParsed?.success && phaseParsed.data !== current.phase ? phaseParsed.data : undefined;
  const result = await confirmProgress(ctx, { flow: "progress", awaiting: "confirm", ref, note, ...(percent !== undefined ? { percent } : {}), ...(phase ? { phase } : {}) });
  return { ...result, closeForm: true };
}
