import { ConflictError, formatInstant, isRequestError, type QualityDialogue } from "@samverkan/sdk";
import { formatZoned, instantOf } from "../../nlu/dates/zone";
import type { Entities, When } from "../../nlu/types";
import { startDay, startInstant } from "../../nlu/when";
import type { Block, ListItem, Message } from "../../cards/model";
import { paginate } from "../../cards/paginate";
import type { FlowContext } from "../context";
import { formatDay, formatRange } from "../format";
import { optional } from "../optional";
import { findOrganizerChoices } from "../lookup";
import { cancelAction, escapeMarkup, message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { dialogueCard } from "./book";
import { t } from "../../i18n";

const PAGE_SIZE = 5;

async function myUpcoming(ctx: FlowContext): Promise<QualityDialogue[]> {
  return ctx.sv.dialogues.listUpcoming({ staffId: ctx.staff.id, limit: 200 });
}

async function organizerNames(ctx: FlowContext, dialogues: QualityDialogue[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(dialogues.map((d) => d.organizerId))) names.set(id, (await ctx.sv.organizers.get(id)).name);
  return names;
}

function placeOf(ctx: FlowContext, d: QualityDialogue): string {
  return d.digital ? t(ctx.locale).dialogues.digital : (ctx.sv.config.offices.find((o) => o.id === d.officeId)?.town ?? "");
}

/** "Mina dialoger": upcoming dialogues, five per page, each with its actions. */
export async function listDialogues(ctx: FlowContext, pageIndex = 0): Promise<EngineReply> {
  const all = await myUpcoming(ctx);
  if (all.length === 0) return reply(textMessage(ctx.locale, t(ctx.locale).common.noUpcoming));
  const page = paginate(all, pageIndex, PAGE_SIZE);
  const names = await organizerNames(ctx, page.items);
  const m = t(ctx.locale).dialogues;
  const items: ListItem[] = page.items.map((d) => ({
    title: `${formatRange(d.start, d.end, ctx.locale)} · ${names.get(d.organizerId)}`,
    subtitle: placeOf(ctx, d),
    action: { id: "dialogue.show", label: m.show, value: { id: d.id } },
  }));
  const blocks: Block[] = [
    { type: "header", text: m.myUpcomingDialogues },
    {
      type: "list",
      items,
      page: {
        index: page.index,
        size: PAGE_SIZE,
        total: all.length,
        ...(page.index + 1 < page.pageCount ? { next: { id: "dialogue.list.page", label: m.next, value: { index: page.index + 1 } } } : {}),
        ...(page.index > 0 ? { previous: { id: "dialogue.list.page", label: m.previous, value: { index: page.index - 1 } } } : {}),
      },
    },
  ];
  return reply(message(ctx.locale, blocks, m.youHaveUpcomingDialogues(all.length)));
}

export async function showDialogue(ctx: FlowContext, id: string): Promise<EngineReply> {
  return reply(await dialogueCard(ctx, await ctx.sv.dialogues.get(id)));
}

/** Finds which of my dialogues the user means: by organizer name, else asks with a list. */
async function chooseDialogue(ctx: FlowContext, entities: Entities, actionId: string): Promise<{ dialogue: QualityDialogue } | { reply: EngineReply }> {
  const mine = await myUpcoming(ctx);
  if (mine.length === 0) return { reply: reply(textMessage(ctx.locale, t(ctx.locale).common.noUpcoming)) };
  let candidates = mine;
  const name = entities.organizer ?? entities.query;
  if (name) {
    const organizerIds = new Set((await findOrganizerChoices(ctx.sv, name, 10)).map((c) => c.organizerId));
    const matching = mine.filter((d) => organizerIds.has(d.organizerId));
    if (matching.length > 0) candidates = matching;
  }
  if (entities.when && candidates.length > 1) {
    const day = startDay(entities.when);
    const sameDay = candidates.filter((d) => d.start.startsWith(day));
    if (sameDay.length > 0) candidates = sameDay;
  }
  const [only] = candidates;
  if (only && candidates.length === 1) return { dialogue: only };
  const names = await organizerNames(ctx, candidates);
  const m = t(ctx.locale).dialogues;
  return {
    reply: reply(
      message(ctx.locale, [
        { type: "text", text: t(ctx.locale).common.pickDialogue },
        {
          type: "list",
          items: candidates.slice(0, 10).map((d) => ({
            title: `${formatRange(d.start, d.end, ctx.locale)} · ${names.get(d.organizerId)}`,
            action: { id: actionId, label: m.choose, value: { id: d.id } },
          })),
        },
        { type: "actions", actions: [cancelAction(ctx.locale)] },
      ]),
    ),
  };
}

export async function startCancel(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const chosen = await chooseDialogue(ctx, entities, "dialogue.cancel.pick");
  if ("reply" in chosen) {
    ctx.setPending({ flow: "cancel", awaiting: "dialogue" });
    return chosen.reply;
  }
  return askCancelConfirmation(ctx, chosen.dialogue.id);
}

export async function askCancelConfirmation(ctx: FlowContext, dialogueId: string): Promise<EngineReply> {
  // Ask only about a dialogue the user may change; the id may come from a forged button.
  await ctx.sv.dialogues.checkMayChange(dialogueId, ctx.write);
  const d = await ctx.sv.dialogues.get(dialogueId);
  ctx.setPending({ flow: "cancel", awaiting: "confirm", dialogueId });
  const card = await dialogueCard(ctx, d, t(ctx.locale).common.confirmCancel);
  const m = t(ctx.locale).dialogues;
  card.blocks = card.blocks.filter((b) => b.type !== "actions");
  card.blocks.push({
    type: "actions",
    actions: [
      { id: "dialogue.cancel.confirm", label: m.yesCancelIt, value: { id: d.id }, style: "danger" },
      { id: "flow.cancel", label: m.noKeepIt, value: {} },
    ],
  });
  return reply(card);
}

export async function confirmCancel(ctx: FlowContext, dialogueId: string): Promise<EngineReply> {
  ctx.setPending(undefined);
  try {
    const d = await ctx.sv.dialogues.cancel(dialogueId, { reason: t(ctx.locale).dialogues.cancelledViaChat }, ctx.write);
    return reply(await dialogueCard(ctx, d, t(ctx.locale).common.dialogueCancelled, "cancelled"));
  } catch (error) {
    if (isRequestError(error)) return reply(textMessage(ctx.locale, escapeMarkup(error.localized(ctx.locale))));
    throw error;
  }
}

/** `HH:mm` on the dialogue's own day: "flytta dialogen … till kl 14" keeps the date. */
function onDialogueDay(ctx: FlowContext, d: QualityDialogue, time: string): string {
  const [year = NaN, month = NaN, day = NaN] = d.start.slice(0, 10).split("-").map(Number);
  const [hour = NaN, minute = NaN] = time.split(":").map(Number);
  const wall = { year, month, day, hour, minute, second: 0 };
  return formatZoned(instantOf(wall, ctx.sv.config.timeZone), ctx.sv.config.timeZone);
}

/** The new time is what the user asks for; the old one is not a way to pick the dialogue. */
function withoutTime({ start: _start, end: _end, when: _when, ...rest }: Entities): Entities {
  return rest;
}

export async function startReschedule(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const chosen = await chooseDialogue(ctx, withoutTime(entities), "dialogue.reschedule.pick");
  // Only a time was given: it applies to the dialogue's own day, not today or tomorrow.
  const timeOnly = entities.time;
  if ("reply" in chosen) {
    const at = entities.when ? startInstant(entities.when) : undefined;
    const when = timeOnly ? { time: timeOnly } : at ? { start: at } : entities.when ? { date: startDay(entities.when) } : {};
    ctx.setPending({ flow: "reschedule", awaiting: "dialogue", ...when });
    return chosen.reply;
  }
  return rescheduleTo(ctx, chosen.dialogue.id, timeOnly ? undefined : entities.when, timeOnly);
}

/** With a dialogue chosen: ask for the new time (a day alone is not enough), or confirm it. */
export async function rescheduleTo(ctx: FlowContext, dialogueId: string, requested: When | undefined, time?: string): Promise<EngineReply> {
  await ctx.sv.dialogues.checkMayChange(dialogueId, ctx.write);
  const start = time ? onDialogueDay(ctx, await ctx.sv.dialogues.get(dialogueId), time) : requested ? startInstant(requested) : undefined;
  if (!start) {
    const day = requested ? startDay(requested) : undefined;
    ctx.setPending({ flow: "reschedule", awaiting: "time", dialogueId, ...(day ? { date: day } : {}) });
    const words = t(ctx.locale).common;
    const question = day ? words.askClock(formatDay(day, ctx.locale)) : words.askTime;
    return reply(
      message(ctx.locale, [
        { type: "text", text: question },
        { type: "actions", actions: [cancelAction(ctx.locale)] },
      ]),
    );
  }
  const d = await ctx.sv.dialogues.get(dialogueId);
  const duration = Date.parse(d.end) - Date.parse(d.start);
  const conflicts = await optional(
    ctx.logger,
    "dialogues.conflicts",
    { dialogueId: d.id, start },
    ctx.sv.dialogues.conflicts({
      start,
      end: new Date(Date.parse(start) + duration).toISOString(),
      staffIds: d.staffIds,
      officeId: d.digital ? null : d.officeId,
      excludeId: d.id,
    }),
    [],
  );
  if (conflicts.length > 0) return suggestSlots(ctx, d, start);
  ctx.setPending({ flow: "reschedule", awaiting: "confirm", dialogueId, start });
  const m = t(ctx.locale).dialogues;
  const card = await dialogueCard(ctx, d, t(ctx.locale).common.confirmReschedule);
  card.blocks = card.blocks.filter((b) => b.type !== "actions");
  card.blocks.push({ type: "text", text: `${m.newTime}: **${formatRange(start, formatInstant(Date.parse(start) + duration), ctx.locale)}**` });
  card.blocks.push({
    type: "actions",
    actions: [{ id: "dialogue.reschedule.confirm", label: m.reschedule, value: { id: d.id, start }, style: "primary" }, cancelAction(ctx.locale)],
  });
  return reply(card);
}

async function suggestSlots(ctx: FlowContext, d: QualityDialogue, start: string): Promise<EngineReply> {
  const duration = (Date.parse(d.end) - Date.parse(d.start)) / 60_000;
  const slots = await ctx.sv.dialogues.availability({
    staffIds: d.staffIds,
    officeId: d.digital ? null : d.officeId,
    from: `${start.slice(0, 10)}T00:00`,
    durationMinutes: duration,
    limit: 5,
  });
  ctx.setPending({ flow: "reschedule", awaiting: "time", dialogueId: d.id });
  const m = t(ctx.locale).dialogues;
  const blocks: Block[] = [{ type: "text", text: slots.length ? t(ctx.locale).common.conflict : t(ctx.locale).common.noFreeSlots }];
  if (slots.length) {
    blocks.push({
      type: "list",
      items: slots.map((s) => ({
        title: formatRange(s.start, s.end, ctx.locale),
        action: { id: "dialogue.reschedule.confirm", label: m.moveHere, value: { id: d.id, start: s.start } },
      })),
    });
  }
  blocks.push({ type: "actions", actions: [cancelAction(ctx.locale)] });
  return reply(message(ctx.locale, blocks));
}

export async function confirmReschedule(ctx: FlowContext, dialogueId: string, start: string): Promise<EngineReply> {
  try {
    const d = await ctx.sv.dialogues.reschedule(dialogueId, { start }, ctx.write);
    ctx.setPending(undefined);
    return reply(await dialogueCard(ctx, d, t(ctx.locale).common.rescheduled, "rescheduled"));
  } catch (error) {
    if (error instanceof ConflictError) return suggestSlots(ctx, await ctx.sv.dialogues.get(dialogueId), start);
    if (isRequestError(error)) {
      ctx.setPending({ flow: "reschedule", awaiting: "time", dialogueId });
      return reply(textMessage(ctx.locale, `${escapeMarkup(error.localized(ctx.locale))} ${t(ctx.locale).common.askTime}`));
    }
    throw error;
  }
}

/**
 * The answer to "Vilken tid?": `entities` come from the turn's one parse, which the engine asked
 * to read a time on the day already given (`pending.date`).
 */
export async function continueReschedule(
  ctx: FlowContext,
  pending: { dialogueId?: string | undefined; date?: string | undefined },
  entities: Entities,
): Promise<EngineReply> {
  const { when, time } = entities;
  if (!when) return reply(textMessage(ctx.locale, `${t(ctx.locale).common.didNotGetTime} ${t(ctx.locale).common.askTime}`));
  if (!pending.dialogueId) return startReschedule(ctx, { when, ...(entities.start ? { start: entities.start } : {}), ...(time ? { time } : {}) });
  // A bare "kl 14" keeps the dialogue's day (or the day already given).
  if (time && !pending.date) return rescheduleTo(ctx, pending.dialogueId, undefined, time);
  return rescheduleTo(ctx, pending.dialogueId, when);
}

export type { Message };
