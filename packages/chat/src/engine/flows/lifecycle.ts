import { focusAreaOfTopic, ForbiddenError, isRequestError, ValidationError, type AgreedActionInput, type QualityDialogue } from "@samverkan/sdk";
import type { Entities } from "../../nlu/types";
import { startDay } from "../../nlu/when";
import type { Block, Input, ListItem, Message } from "../../cards/model";
import type { FlowContext } from "../context";
import { formatDay, formatRange } from "../format";
import { findOrganizerChoices } from "../lookup";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { briefingDetails, briefingSummary } from "./briefing-card";
import { t } from "../../i18n";

type Values = Record<string, string | number | boolean | undefined>;

/** Agreed-action rows in the minutes form; more actions are logged as assignments later. */
export const MINUTES_ACTION_ROWS = 3;

const str = (v: string | number | boolean | undefined) => (typeof v === "string" ? v.trim() : v === undefined ? "" : String(v));
const on = (v: string | number | boolean | undefined) => v === true || v === "true";

async function organizerFrom(ctx: FlowContext, entities: Entities): Promise<{ organizerId?: string; reply?: EngineReply }> {
  const msg = t(ctx.locale).lifecycle;
  const name = entities.organizer ?? entities.query;
  if (!name) return {};
  const choices = await findOrganizerChoices(ctx.sv, name, 5);
  if (choices.length === 0) return { reply: reply(textMessage(ctx.locale, msg.noOrganizerMatches(name))) };
  const [only] = choices;
  if (only && choices.length === 1) return { organizerId: only.organizerId };
  const items: ListItem[] = choices.map((c) => ({
    title: c.label,
    ...(c.detail ? { subtitle: c.detail } : {}),
    action: { id: "dialogue.prepare", label: msg.pick, value: { organizerId: c.organizerId } },
  }));
  return {
    reply: reply(
      message(ctx.locale, [
        { type: "text", text: msg.whichOneDoYouMean },
        { type: "list", items },
      ]),
    ),
  };
}

/** "förbered dialogen med Borås kommun": the briefing for that organizer, or for my next dialogue. */
export async function prepareDialogue(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const found = await organizerFrom(ctx, entities);
  if (found.reply) return found.reply;
  if (found.organizerId) return prepareFor(ctx, found.organizerId);
  const [next] = await ctx.sv.dialogues.listUpcoming({ staffId: ctx.staff.id, limit: 1 });
  if (next) return prepareFor(ctx, next.organizerId);
  return reply(textMessage(ctx.locale, t(ctx.locale).lifecycle.youHaveNoUpcomingDialogue));
}

export async function prepareFor(ctx: FlowContext, organizerId: string): Promise<EngineReply> {
  return reply(briefingSummary(await ctx.sv.briefing.forOrganizer(organizerId, ctx.write), ctx.locale));
}

export async function prepareMore(ctx: FlowContext, organizerId: string, index: number): Promise<EngineReply> {
  return reply(briefingDetails(await ctx.sv.briefing.forOrganizer(organizerId, ctx.write), ctx.locale, Number.isFinite(index) ? index : 0));
}

/** My dialogues that have started, are not cancelled and have no minutes yet, newest first. */
async function awaitingMinutes(ctx: FlowContext, organizerId?: string): Promise<QualityDialogue[]> {
  const now = ctx.now.getTime();
  const from = new Date(now - 180 * 86_400_000).toISOString();
  const to = new Date(now).toISOString();
  const past = (await ctx.sv.dialogues.listBetween(from, to, ["booked", "proposed", "held"])).filter(
    (d) => d.staffIds.includes(ctx.staff.id) && (!organizerId || d.organizerId === organizerId),
  );
  const minutes = await ctx.sv.minutes.forDialogues(past.map((d) => d.id));
  return past.filter((d) => !minutes.has(d.id)).reverse();
}

/** "dialogen med Borås kommun är genomförd": a button that opens the minutes form. */
export async function recordDialogue(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const msg = t(ctx.locale).lifecycle;
  const found = await organizerFrom(ctx, entities);
  if (found.reply && !found.organizerId) {
    // A pick list for prepare would lead elsewhere: ask for the name instead.
    return reply(textMessage(ctx.locale, msg.whichOrganizerWriteTheFull));
  }
  let candidates = await awaitingMinutes(ctx, found.organizerId);
  if (entities.when && candidates.length > 1) {
    const day = startDay(entities.when);
    const sameDay = candidates.filter((d) => d.start.startsWith(day));
    if (sameDay.length > 0) candidates = sameDay;
  }
  if (candidates.length === 0) {
    return reply(textMessage(ctx.locale, msg.iFindNoPastDialogue));
  }
  const names = new Map<string, string>();
  for (const d of candidates.slice(0, 10)) if (!names.has(d.organizerId)) names.set(d.organizerId, (await ctx.sv.organizers.get(d.organizerId)).name);
  const items: ListItem[] = candidates.slice(0, 10).map((d) => ({
    title: `${formatRange(d.start, d.end, ctx.locale)} · ${names.get(d.organizerId)}`,
    action: { id: "dialogue.record.form", label: msg.recordMinutes, value: { id: d.id } },
  }));
  const lead = candidates.length === 1 ? msg.recordTheMinutesOfThe : msg.whichDialogue;
  return reply(
    message(ctx.locale, [
      { type: "text", text: lead },
      { type: "list", items },
    ]),
  );
}

/** Topics as toggles (one per success factor), notes, agreed actions and the next date. */
export async function minutesForm(ctx: FlowContext, dialogueId: string): Promise<EngineReply> {
  const msg = t(ctx.locale).lifecycle;
  const dialogue = await ctx.sv.dialogues.get(dialogueId);
  const organizer = await ctx.sv.organizers.get(dialogue.organizerId);
  if (await ctx.sv.minutes.get(dialogueId)) {
    return reply(textMessage(ctx.locale, msg.theDialogueAlreadyHasMinutes));
  }
  const factors = ctx.sv.minutes.successFactors();
  const inputs: Input[] = [
    ...factors.map((f, i) => ({ kind: "toggle" as const, id: `topic_${i}`, label: f.slice(0, 150) })),
    { kind: "text", id: "notes", label: msg.notes, multiline: true, maxLength: 3000 },
  ];
  for (let i = 1; i <= MINUTES_ACTION_ROWS; i++) {
    inputs.push(
      { kind: "text", id: `action_${i}`, label: msg.agreedAction(i), maxLength: 300 },
      { kind: "toggle", id: `action_${i}_assign`, label: msg.makeActionAnAssignmentIn(i) },
      { kind: "text", id: `action_${i}_responsible`, label: msg.responsibleForActionNameOr(i), maxLength: 200 },
      { kind: "date", id: `action_${i}_due`, label: msg.dueAction(i) },
    );
  }
  inputs.push({ kind: "date", id: "next", label: msg.nextDialogueDate });
  const form: Message = message(
    ctx.locale,
    [
      {
        type: "form",
        id: "minutes",
        title: msg.minutes(organizer.name).slice(0, 24),
        submit: { id: "minutes.submit", label: msg.save, value: { id: dialogueId } },
        cancel: { id: "flow.cancel", label: msg.cancel, value: {} },
        inputs,
      },
    ],
    msg.minutesOfTheDialogue(formatDay(dialogue.start, ctx.locale)),
  );
  return { messages: [], replaceOriginal: false, openForm: form };
}

export async function submitMinutesForm(ctx: FlowContext, dialogueId: string, values: Values): Promise<EngineReply> {
  const msg = t(ctx.locale).lifecycle;
  const errors: Record<string, string> = {};
  const factors = ctx.sv.minutes.successFactors();
  const topics = factors.filter((_, i) => on(values[`topic_${i}`]));
  const actions: AgreedActionInput[] = [];
  for (let i = 1; i <= MINUTES_ACTION_ROWS; i++) {
    const title = str(values[`action_${i}`]);
    const responsibleText = str(values[`action_${i}_responsible`]);
    const due = str(values[`action_${i}_due`]);
    const assign = on(values[`action_${i}_assign`]);
    if (!title) {
      if (assign || responsibleText || due) errors[`action_${i}`] = msg.describeTheActionOrClear;
      continue;
    }
    let responsibleStaffId: string | null = null;
    if (responsibleText) {
      const staff = await ctx.sv.staff.find(responsibleText);
      if (!staff) errors[`action_${i}_responsible`] = msg.noStaffMember(responsibleText);
      else responsibleStaffId = staff.id;
    }
    if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) errors[`action_${i}_due`] = msg.enterADateEG;
    actions.push({ title, createAssignment: assign, responsibleStaffId, dueDate: due || null, focusArea: focusAreaOfTopic(topics[0] ?? "") ?? "other" });
  }
  const next = str(values.next);
  if (next && !/^\d{4}-\d{2}-\d{2}$/.test(next)) errors.next = msg.enterADateEG2;
  if (Object.keys(errors).length > 0) return { messages: [], replaceOriginal: false, formErrors: errors };
  try {
    await ctx.sv.minutes.record(dialogueId, { topics, notes: str(values.notes), actions, nextDialogueDate: next || null }, ctx.write);
    return { messages: [await minutesCard(ctx, dialogueId, msg.theMinutesAreSavedAnd)], replaceOriginal: false, closeForm: true };
  } catch (error) {
    if (error instanceof ValidationError) {
      const map: Record<string, string> = { topics: "topic_0", notes: "notes", nextDialogueDate: "next", minutes: "notes", status: "notes" };
      const formErrors: Record<string, string> = {};
      for (const issue of error.issues) formErrors[map[issue.field] ?? "action_1"] = issue.message[ctx.locale];
      return { messages: [], replaceOriginal: false, formErrors };
    }
    if (error instanceof ForbiddenError)
      return {
        messages: [],
        replaceOriginal: false,
        formErrors: { [actions.some((a) => a.createAssignment) ? "action_1_assign" : "notes"]: error.localized(ctx.locale) },
      };
    if (isRequestError(error)) return { messages: [], replaceOriginal: false, formErrors: { notes: error.localized(ctx.locale) } };
    throw error;
  }
}

/** The minutes as written, with the agreed actions' assignments and the follow-up offer. */
export async function minutesCard(ctx: FlowContext, dialogueId: string, lead?: string): Promise<Message> {
  const msg = t(ctx.locale).lifecycle;
  const dialogue = await ctx.sv.dialogues.get(dialogueId);
  const organizer = await ctx.sv.organizers.get(dialogue.organizerId);
  const minutes = await ctx.sv.minutes.get(dialogueId);
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push({ type: "header", text: msg.minutes2({ name: organizer.name, day: formatDay(dialogue.start, ctx.locale) }).slice(0, 150) });
  if (!minutes) {
    blocks.push({ type: "text", text: msg.noMinutesYet });
    return message(ctx.locale, blocks);
  }
  blocks.push({
    type: "fields",
    fields: [
      { label: msg.topics, value: minutes.topics.join(", ") || "–" },
      { label: msg.nextDialogue, value: minutes.nextDialogueDate ? formatDay(minutes.nextDialogueDate, ctx.locale) : "–" },
    ],
  });
  if (minutes.notes) blocks.push({ type: "text", text: minutes.notes.slice(0, 2800) });
  if (minutes.actions.length > 0) {
    blocks.push({
      type: "list",
      items: minutes.actions.map((a) => ({
        title: `${a.assignmentRef ? `${a.assignmentRef} ` : ""}${a.title}`.slice(0, 150),
        ...(a.dueDate ? { subtitle: `${msg.due} ${a.dueDate}` } : {}),
        ...(a.assignmentRef ? { action: { id: "assignment.show", label: msg.show, value: { ref: a.assignmentRef } } } : {}),
      })),
    });
  }
  if (minutes.nextDialogueDate) {
    const followUp = (await ctx.sv.dialogues.listUpcoming({ organizerId: dialogue.organizerId, limit: 50 })).find((d) => d.followsUpId === dialogueId);
    blocks.push({
      type: "actions",
      actions: followUp
        ? [{ id: "dialogue.show", label: msg.showTheFollowUp, value: { id: followUp.id } }]
        : [{ id: "book.followup", label: msg.bookFollowUp(formatDay(minutes.nextDialogueDate, ctx.locale)), value: { id: dialogueId }, style: "primary" }],
    });
  }
  return message(ctx.locale, blocks, msg.minutesOfTheDialogueWith(organizer.name));
}
