import { FOCUS_AREA_NAMES, isRequestError, PHASE_NAMES, phaseSchema, type Assignment, type Phase } from "@samverkan/sdk";
import type { Entities, ParseResult } from "../../nlu/types";
import type { Block, Message } from "../../cards/model";
import { paginate } from "../../cards/paginate";
import type { FlowContext } from "../context";
import { formatDateTime, formatDay } from "../format";
import { optional } from "../optional";
import type { Pending } from "../pending";
import { cancelAction, escapeMarkup, message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { t } from "../../i18n";

type ProgressPending = Extract<Pending, { flow: "progress" }>;

const PAGE_SIZE = 8;

function assignmentLine(a: Assignment, locale: "sv" | "en"): string {
  const last = a.lastProgressAt ? formatDay(a.lastProgressAt, locale) : t(locale).assignments.noProgress;
  return `${PHASE_NAMES[a.phase][locale]} · ${a.percent ?? 0} % · ${t(locale).assignments.last} ${last}`;
}

export async function listAssignments(ctx: FlowContext, pageIndex = 0): Promise<EngineReply> {
  const mine = await ctx.sv.assignments.list({ responsibleStaffId: ctx.staff.id });
  if (mine.length === 0) return reply(textMessage(ctx.locale, t(ctx.locale).common.noAssignments));
  const msg = t(ctx.locale).assignments;
  const page = paginate(mine, pageIndex, PAGE_SIZE);
  return reply(
    message(
      ctx.locale,
      [
        { type: "header", text: msg.myAssignments },
        {
          type: "list",
          items: page.items.map((a) => ({
            title: `${a.ref} ${a.title}`,
            subtitle: assignmentLine(a, ctx.locale),
            action: { id: "assignment.show", label: msg.show, value: { ref: a.ref } },
          })),
          page: {
            index: page.index,
            size: PAGE_SIZE,
            total: mine.length,
            ...(page.hasNext ? { next: { id: "assignment.list.page", label: msg.next, value: { index: page.index + 1 } } } : {}),
            ...(page.hasPrevious ? { previous: { id: "assignment.list.page", label: msg.previous, value: { index: page.index - 1 } } } : {}),
          },
        },
      ],
      msg.youHaveOpenAssignments(mine.length),
    ),
  );
}

export async function showAssignment(ctx: FlowContext, ref: string | undefined): Promise<EngineReply> {
  if (!ref) return pickAssignment(ctx, "assignment.show", t(ctx.locale).common.askAssignment);
  try {
    return reply(await assignmentCard(ctx, await ctx.sv.assignments.get(ref)));
  } catch (error) {
    if (isRequestError(error)) return reply(textMessage(ctx.locale, escapeMarkup(error.localized(ctx.locale))));
    throw error;
  }
}

export async function assignmentCard(ctx: FlowContext, a: Assignment, lead?: string): Promise<Message> {
  const msg = t(ctx.locale).assignments;
  const history = await ctx.sv.assignments.history(a.id);
  const responsible = a.responsibleStaffId
    ? (await optional(ctx.logger, "staff.get", { staffId: a.responsibleStaffId }, ctx.sv.staff.get(a.responsibleStaffId), undefined))?.name
    : undefined;
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push({ type: "header", text: `${a.ref} ${a.title}` });
  blocks.push({
    type: "fields",
    fields: [
      { label: msg.phase, value: PHASE_NAMES[a.phase][ctx.locale] },
      { label: msg.done, value: `${a.percent ?? 0} %` },
      { label: msg.focusArea, value: FOCUS_AREA_NAMES[a.focusArea][ctx.locale] },
      { label: msg.responsible, value: escapeMarkup(responsible ?? "–") },
      { label: msg.due, value: escapeMarkup(a.dueDate ?? "–") },
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
      : [{ title: msg.noProgressLoggedYet }],
  });
  if (history.length > 5) blocks.push({ type: "context", text: msg.showingTheLatest5Of(history.length) });
  blocks.push({ type: "actions", actions: [{ id: "progress.form", label: msg.logProgress, value: { ref: a.ref }, style: "primary" }] });
  return message(ctx.locale, blocks, `${lead ? `${lead} ` : ""}${a.ref} ${a.title}: ${PHASE_NAMES[a.phase][ctx.locale]}, ${a.percent ?? 0} %`);
}

async function pickAssignment(ctx: FlowContext, actionId: string, question: string): Promise<EngineReply> {
  const mine = await ctx.sv.assignments.list({ responsibleStaffId: ctx.staff.id, limit: 10 });
  const blocks: Block[] = [{ type: "text", text: question }];
  if (mine.length > 0) {
    blocks.push({
      type: "list",
      items: mine.map((a) => ({ title: `${a.ref} ${a.title}`, action: { id: actionId, label: t(ctx.locale).assignments.choose, value: { ref: a.ref } } })),
    });
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
    return pickAssignment(ctx, "progress.pick", t(ctx.locale).common.askAssignment);
  }
  const assignment = await optional(ctx.logger, "assignments.get", { ref: pending.ref }, ctx.sv.assignments.get(pending.ref), undefined);
  if (!assignment) {
    const { ref: _ref, ...rest } = pending;
    ctx.setPending({ ...rest, awaiting: "ref" });
    return pickAssignment(ctx, "progress.pick", `${t(ctx.locale).assignments.iCanTFindAssignment(pending.ref)} ${t(ctx.locale).common.askAssignment}`);
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
    return reply(
      message(ctx.locale, [
        { type: "text", text: `${escapeMarkup(`${assignment.ref} ${assignment.title}`)}: ${t(ctx.locale).common.askProgress}` },
        {
          type: "actions",
          actions: [{ id: "progress.form", label: t(ctx.locale).assignments.openForm, value: { ref: assignment.ref } }, cancelAction(ctx.locale)],
        },
      ]),
    );
  }
  if (pending.percent !== undefined && (pending.percent < 0 || pending.percent > 100)) {
    const { percent: _p, ...rest } = pending;
    ctx.setPending({ ...rest, awaiting: "note" });
    return reply(textMessage(ctx.locale, t(ctx.locale).assignments.percentMustBeFrom0));
  }
  ctx.setPending({ ...pending, awaiting: "confirm" });
  const msg = t(ctx.locale).assignments;
  return reply(
    message(ctx.locale, [
      { type: "text", text: t(ctx.locale).common.confirmProgress },
      {
        type: "fields",
        fields: [
          { label: msg.assignment, value: escapeMarkup(`${assignment.ref} ${assignment.title}`) },
          ...(pending.note ? [{ label: msg.note, value: escapeMarkup(pending.note) }] : []),
          ...(pending.percent !== undefined ? [{ label: msg.done, value: `${pending.percent} %` }] : []),
          ...(pending.phase ? [{ label: msg.newPhase, value: PHASE_NAMES[pending.phase][ctx.locale] }] : []),
        ],
      },
      {
        type: "actions",
        actions: [
          { id: "progress.confirm", label: msg.log, value: {}, style: "primary" },
          { id: "progress.form", label: msg.edit, value: { ref: assignment.ref } },
          cancelAction(ctx.locale),
        ],
      },
    ]),
  );
}

export async function pickProgressAssignment(ctx: FlowContext, pending: ProgressPending | undefined, ref: string): Promise<EngineReply> {
  return nextProgress(ctx, { ...(pending ?? { flow: "progress", awaiting: "ref" }), ref });
}

/** The answer to a question of the progress flow, from the turn's one parse. */
export async function continueProgress(ctx: FlowContext, pending: ProgressPending, parsed: ParseResult): Promise<EngineReply> {
  const text = parsed.text;
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
  return reply(textMessage(ctx.locale, t(ctx.locale).assignments.answerYesToLogOr));
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
    return reply(await assignmentCard(ctx, await ctx.sv.assignments.get(pending.ref), t(ctx.locale).common.progressLogged));
  } catch (error) {
    if (isRequestError(error)) {
      ctx.setPending(undefined);
      return reply(textMessage(ctx.locale, escapeMarkup(error.localized(ctx.locale))));
    }
    throw error;
  }
}

export async function progressForm(ctx: FlowContext, ref: string, errors?: Record<string, string>): Promise<Message> {
  const msg = t(ctx.locale).assignments;
  const a = await ctx.sv.assignments.get(ref);
  await ctx.sv.assignments.checkMayLogProgress(a.id, ctx.write);
  return message(
    ctx.locale,
    [
      {
        type: "form",
        id: "progress",
        title: msg.logProgress,
        submit: { id: "progress.submit", label: msg.log, value: { ref: a.ref } },
        cancel: { id: "flow.cancel", label: msg.cancel, value: {} },
        inputs: [
          {
            kind: "text",
            id: "note",
            label: `${a.ref} ${a.title}`.slice(0, 150),
            multiline: true,
            required: true,
            maxLength: 3000,
            placeholder: msg.whatHappened,
          },
          { kind: "number", id: "percent", label: msg.done2, min: 0, max: 100, ...(a.percent !== null ? { value: a.percent } : {}) },
          {
            kind: "select",
            id: "phase",
            label: msg.phase,
            value: a.phase,
            options: phaseSchema.options.map((p) => ({ label: PHASE_NAMES[p][ctx.locale], value: p })),
          },
        ],
        ...(errors ? { errors } : {}),
      },
    ],
    msg.logProgress,
  );
}

/** A submitted progress form is the confirmation; bad values come back on their field. */
export async function submitProgressForm(ctx: FlowContext, ref: string, values: Record<string, string | number | boolean | undefined>): Promise<EngineReply> {
  const msg = t(ctx.locale).assignments;
  const errors: Record<string, string> = {};
  const note = String(values.note ?? "").trim();
  const rawPercent = values.percent;
  const percent = rawPercent === undefined || rawPercent === "" ? undefined : Number(String(rawPercent).replace(",", "."));
  if (percent !== undefined && (!Number.isFinite(percent) || percent < 0 || percent > 100)) errors.percent = msg.percentMustBeFrom02;
  const phaseParsed = values.phase ? phaseSchema.safeParse(values.phase) : undefined;
  if (phaseParsed && !phaseParsed.success) errors.phase = msg.chooseAPhaseFromThe;
  if (!note) errors.note = msg.writeAShortNoteAbout;
  if (Object.keys(errors).length > 0) return { messages: [], replaceOriginal: false, formErrors: errors };
  const current = await ctx.sv.assignments.get(ref);
  const phase: Phase | undefined = phaseParsed?.success && phaseParsed.data !== current.phase ? phaseParsed.data : undefined;
  const result = await confirmProgress(ctx, {
    flow: "progress",
    awaiting: "confirm",
    ref,
    note,
    ...(percent !== undefined ? { percent } : {}),
    ...(phase ? { phase } : {}),
  });
  return { ...result, closeForm: true };
}
