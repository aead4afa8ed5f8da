import { ConflictError, findOffice, formatInstant, isRequestError, ValidationError, type QualityDialogue } from "@samverkan/sdk";
import type { Entities, ParseResult, When } from "../../nlu/types";
import { endInstant, startDay, startInstant } from "../../nlu/when";
import type { Action, Block, FormBlock, Message } from "../../cards/model";
import type { FlowContext } from "../context";
import { formatDay, formatRange } from "../format";
import { optional } from "../optional";
import { findOrganizerChoices } from "../lookup";
import type { BookDraft } from "../pending";
import { cancelAction, escapeMarkup, message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { t } from "../../i18n";

/** Starts (or restarts) booking from what the user said. */
export async function startBooking(ctx: FlowContext, entities: Entities): Promise<EngineReply> {
  const draft: BookDraft = { durationMinutes: entities.durationMinutes ?? 60 };
  applyTime(draft, entities.when);
  if (entities.office) {
    const office = findOffice(ctx.sv.config.offices, entities.office);
    if (office) draft.officeId = office.id;
  }
  if (entities.digital) draft.digital = true;
  if (entities.schoolUnitCode) {
    const school = await optional(
      ctx.logger,
      "schools.get",
      { schoolUnitCode: entities.schoolUnitCode },
      ctx.sv.schools.get(entities.schoolUnitCode),
      undefined,
    );
    if (school) {
      const organizer = await ctx.sv.organizers.get(school.organizerId);
      Object.assign(draft, { organizerId: organizer.id, organizerName: organizer.name, schoolUnitCode: school.code });
    }
  }
  const name = entities.organizer ?? entities.query;
  if (!draft.organizerId && name) {
    const picked = await resolveOrganizer(ctx, draft, name);
    if (picked) return picked;
  }
  return next(ctx, draft);
}

/** Continues from a school card's "Boka dialog" button. */
export async function startBookingFor(ctx: FlowContext, organizerId: string, schoolUnitCode?: string): Promise<EngineReply> {
  const organizer = await ctx.sv.organizers.get(organizerId);
  return next(ctx, { durationMinutes: 60, organizerId: organizer.id, organizerName: organizer.name, ...(schoolUnitCode ? { schoolUnitCode } : {}) });
}

/**
 * From the minutes' "Boka uppföljning": the same organizer and place, on the date the
 * minutes name; the booking links back to the dialogue it follows up.
 */
export async function startFollowUp(ctx: FlowContext, dialogueId: string): Promise<EngineReply> {
  const previous = await ctx.sv.dialogues.get(dialogueId);
  const minutes = await ctx.sv.minutes.get(dialogueId);
  const organizer = await ctx.sv.organizers.get(previous.organizerId);
  const draft: BookDraft = {
    durationMinutes: Math.max(15, Math.round((Date.parse(previous.end) - Date.parse(previous.start)) / 60_000)),
    organizerId: organizer.id,
    organizerName: organizer.name,
    followsUpId: previous.id,
    ...(previous.digital ? { digital: true } : previous.officeId ? { officeId: previous.officeId } : {}),
    ...(minutes?.nextDialogueDate ? { date: minutes.nextDialogueDate } : {}),
    ...(previous.schoolUnitCode ? { schoolUnitCode: previous.schoolUnitCode } : {}),
  };
  return next(ctx, draft);
}

/**
 * The user answered the question we asked. `parsed` is the turn's one parse, read as an answer
 * (the engine tells the parser a time is expected, and on which day: "kl 10" after "Vilken tid
 * den 15 mars?" is that day, not the next 10:00).
 */
export async function continueBooking(ctx: FlowContext, draft: BookDraft, awaiting: string, parsed: ParseResult): Promise<EngineReply> {
  const text = parsed.text;
  const e = parsed.entities;
  if (awaiting === "organizer") {
    const picked = await resolveOrganizer(ctx, draft, text);
    return picked ?? next(ctx, draft);
  }
  if (awaiting === "time") {
    if (!e.when) return askAgain(ctx, draft, "time", `${t(ctx.locale).common.didNotGetTime} ${t(ctx.locale).common.askTime}`);
    applyTime(draft, e.when, e.durationMinutes);
    return next(ctx, draft);
  }
  if (awaiting === "place") {
    const folded = text.toLowerCase();
    if (/digit|teams|distans|online|video|zoom/.test(folded)) draft.digital = true;
    else {
      const office =
        ctx.sv.config.offices.find((o) => folded.includes(o.id) || folded.includes(o.town.toLowerCase())) ?? findOffice(ctx.sv.config.offices, text);
      if (!office) return askPlace(ctx, draft, true);
      draft.officeId = office.id;
    }
    return next(ctx, draft);
  }
  // Awaiting confirmation: a yes books, anything else is read as a change to the draft.
  if (/^\s*(ja|japp|ok|okej|yes|y|boka|bekräfta|confirm)\b/i.test(text)) return confirmBooking(ctx, draft);
  if (e.when) {
    applyTime(draft, e.when, e.durationMinutes);
    return next(ctx, draft);
  }
  return askAgain(ctx, draft, "confirm", t(ctx.locale).book.answerYesToBookOr);
}

export async function pickOrganizer(ctx: FlowContext, draft: BookDraft, organizerId: string, schoolUnitCode?: string): Promise<EngineReply> {
  const organizer = await ctx.sv.organizers.get(organizerId);
  Object.assign(draft, { organizerId: organizer.id, organizerName: organizer.name });
  if (schoolUnitCode) draft.schoolUnitCode = schoolUnitCode;
  return next(ctx, draft);
}

export async function pickPlace(ctx: FlowContext, draft: BookDraft, value: { officeId?: string; digital?: boolean }): Promise<EngineReply> {
  if (value.digital) {
    draft.digital = true;
    delete draft.officeId;
  } else if (value.officeId) {
    draft.officeId = value.officeId;
    draft.digital = false;
  }
  return next(ctx, draft);
}

export async function pickSlot(ctx: FlowContext, draft: BookDraft, start: string): Promise<EngineReply> {
  draft.start = start;
  delete draft.date;
  return next(ctx, draft);
}

/** Books after the user confirmed; a conflict offers free slots instead. */
export async function confirmBooking(ctx: FlowContext, draft: BookDraft): Promise<EngineReply> {
  const { organizerId, start } = draft;
  if (!organizerId || !start) return next(ctx, draft);
  try {
    const booked = await book(ctx, draft, organizerId, start);
    ctx.setPending(undefined);
    return reply(await dialogueCard(ctx, booked, t(ctx.locale).common.booked, "booked"));
  } catch (error) {
    if (error instanceof ConflictError) return conflictReply(ctx, draft, start, error);
    if (error instanceof ValidationError) {
      const field = error.issues[0]?.field;
      if (field === "start" || field === "end") {
        delete draft.start;
        ctx.setPending({ flow: "book", awaiting: "time", draft });
        return reply(textMessage(ctx.locale, `${escapeMarkup(error.localized(ctx.locale))} ${t(ctx.locale).common.askTime}`));
      }
      if (field === "officeId") {
        delete draft.officeId;
        return askPlace(ctx, draft, false, escapeMarkup(error.localized(ctx.locale)));
      }
    }
    if (isRequestError(error)) {
      ctx.setPending(undefined);
      return reply(textMessage(ctx.locale, escapeMarkup(error.localized(ctx.locale))));
    }
    throw error;
  }
}

/** Books the draft; its organizer and start come checked from the caller. */
function book(ctx: FlowContext, draft: BookDraft, organizerId: string, start: string): Promise<QualityDialogue> {
  return ctx.sv.dialogues.book(
    {
      organizerId,
      start,
      durationMinutes: draft.durationMinutes,
      digital: draft.digital ?? false,
      officeId: draft.digital ? null : (draft.officeId ?? null),
      schoolUnitCode: draft.schoolUnitCode ?? null,
      followsUpId: draft.followsUpId ?? null,
    },
    ctx.write,
  );
}

async function conflictReply(ctx: FlowContext, draft: BookDraft, start: string, error: ConflictError): Promise<EngineReply> {
  const slots = await ctx.sv.dialogues.availability({
    staffIds: [ctx.staff.id],
    officeId: draft.digital ? null : (draft.officeId ?? null),
    from: `${start.slice(0, 10)}T00:00`,
    durationMinutes: draft.durationMinutes,
    limit: 5,
  });
  delete draft.start;
  ctx.setPending({ flow: "book", awaiting: "time", draft });
  const blocks: Block[] = [{ type: "text", text: escapeMarkup(error.localized(ctx.locale)) }];
  if (slots.length === 0) blocks.push({ type: "text", text: t(ctx.locale).common.noFreeSlots });
  else {
    blocks.push({ type: "text", text: t(ctx.locale).common.conflict });
    blocks.push({
      type: "list",
      items: slots.map((s) => ({
        title: formatRange(s.start, s.end, ctx.locale),
        action: { id: "book.slot", label: t(ctx.locale).book.choose, value: { start: s.start } },
      })),
    });
  }
  blocks.push({ type: "context", text: t(ctx.locale).book.pickATimeWriteAnother });
  blocks.push({ type: "actions", actions: [cancelAction(ctx.locale)] });
  return reply(message(ctx.locale, blocks));
}

/** Asks for the first missing piece, or for confirmation when nothing is missing. */
async function next(ctx: FlowContext, draft: BookDraft): Promise<EngineReply> {
  if (!draft.organizerId) return askAgain(ctx, draft, "organizer", t(ctx.locale).common.askOrganizer);
  if (!draft.start) {
    const words = t(ctx.locale).common;
    return askAgain(ctx, draft, "time", draft.date ? words.askClock(formatDay(draft.date, ctx.locale)) : words.askTime);
  }
  if (!draft.digital && !draft.officeId) return askPlace(ctx, draft, false);
  ctx.setPending({ flow: "book", awaiting: "confirm", draft });
  return reply(confirmCard(ctx, draft, draft.start));
}

function askAgain(ctx: FlowContext, draft: BookDraft, awaiting: "organizer" | "time" | "place" | "confirm", question: string): EngineReply {
  ctx.setPending({ flow: "book", awaiting, draft });
  return reply(
    message(ctx.locale, [
      { type: "text", text: question },
      { type: "actions", actions: [formAction(ctx, draft), cancelAction(ctx.locale)] },
    ]),
  );
}

function askPlace(ctx: FlowContext, draft: BookDraft, unknown: boolean, lead?: string): EngineReply {
  ctx.setPending({ flow: "book", awaiting: "place", draft });
  const home = ctx.staff.homeOfficeId ? ctx.sv.config.offices.find((o) => o.id === ctx.staff.homeOfficeId) : undefined;
  const offices = [home, ...ctx.sv.config.offices.filter((o) => o !== home)].filter((o) => o !== undefined).slice(0, 4);
  const actions: Action[] = [
    { id: "book.place", label: t(ctx.locale).book.digital, value: { digital: true }, style: "primary" },
    ...offices.map((o) => ({ id: "book.place", label: o.town, value: { officeId: o.id } })),
    cancelAction(ctx.locale),
  ];
  const prefix = lead ?? (unknown ? t(ctx.locale).book.iDonTRecogniseThat : "");
  return reply(
    message(ctx.locale, [
      { type: "text", text: `${prefix} ${t(ctx.locale).common.askPlace}`.trim() },
      { type: "actions", actions },
    ]),
  );
}

async function resolveOrganizer(ctx: FlowContext, draft: BookDraft, name: string): Promise<EngineReply | undefined> {
  const choices = await findOrganizerChoices(ctx.sv, name);
  const [only] = choices;
  if (only && choices.length === 1) {
    Object.assign(draft, { organizerId: only.organizerId, organizerName: only.organizerName });
    if (only.schoolUnitCode) draft.schoolUnitCode = only.schoolUnitCode;
    return undefined;
  }
  if (choices.length === 0) return askAgain(ctx, draft, "organizer", t(ctx.locale).common.noMatch(name));
  ctx.setPending({ flow: "book", awaiting: "organizer", draft });
  return reply(
    message(ctx.locale, [
      { type: "text", text: t(ctx.locale).common.pickOrganizer },
      {
        type: "list",
        items: choices.map((c) => ({
          title: c.label,
          ...(c.detail ? { subtitle: c.detail } : {}),
          action: {
            id: "book.organizer",
            label: t(ctx.locale).book.choose,
            value: { organizerId: c.organizerId, ...(c.schoolUnitCode ? { schoolUnitCode: c.schoolUnitCode } : {}) },
          },
        })),
      },
      { type: "actions", actions: [cancelAction(ctx.locale)] },
    ]),
  );
}

/** An instant (or a range of them) sets the start; a day (or a week) only the date, so we ask for the time. */
function applyTime(draft: BookDraft, when: When | undefined, durationMinutes?: number): void {
  const at = when ? startInstant(when) : undefined;
  if (at) {
    draft.start = at;
    delete draft.date;
  } else if (when) {
    draft.date = startDay(when);
    delete draft.start;
  }
  if (durationMinutes) draft.durationMinutes = durationMinutes;
  const end = when ? endInstant(when) : undefined;
  if (draft.start && end) {
    const minutes = Math.round((Date.parse(end) - Date.parse(draft.start)) / 60_000);
    if (minutes > 0) draft.durationMinutes = minutes;
  }
}

function confirmCard(ctx: FlowContext, draft: BookDraft, start: string): Message {
  const m = t(ctx.locale).book;
  const endIso = formatInstant(Date.parse(start) + draft.durationMinutes * 60_000);
  const place = draft.digital ? m.digital : (ctx.sv.config.offices.find((o) => o.id === draft.officeId)?.town ?? "");
  return message(ctx.locale, [
    { type: "header", text: m.bookAQualityDialogue },
    { type: "text", text: t(ctx.locale).common.confirmBook },
    {
      type: "fields",
      fields: [
        { label: m.organizer, value: escapeMarkup(draft.organizerName ?? "") },
        ...(draft.schoolUnitCode ? [{ label: m.schoolUnit, value: escapeMarkup(draft.schoolUnitCode) }] : []),
        { label: m.time, value: formatRange(start, endIso, ctx.locale) },
        ...(draft.followsUpId ? [{ label: m.followUp, value: m.followsUpThePreviousDialogue }] : []),
        { label: m.place, value: escapeMarkup(place) },
      ],
    },
    {
      type: "actions",
      actions: [{ id: "book.confirm", label: m.book, value: {}, style: "primary" }, formAction(ctx, draft), cancelAction(ctx.locale)],
    },
  ]);
}

function formAction(ctx: FlowContext, _draft: BookDraft): Action {
  return { id: "book.form", label: t(ctx.locale).book.openForm, value: {} };
}

/** The booking form, prefilled from the draft. */
export function bookingForm(ctx: FlowContext, draft: BookDraft, errors?: Record<string, string>): Message {
  const m = t(ctx.locale).book;
  const form: FormBlock = {
    type: "form",
    id: "book",
    title: m.bookDialogue,
    submit: { id: "book.submit", label: m.book, value: {} },
    cancel: { id: "flow.cancel", label: m.cancel, value: {} },
    inputs: [
      {
        kind: "text",
        id: "organizer",
        label: m.organizerOrSchool,
        required: true,
        ...(draft.organizerName ? { value: draft.organizerName } : {}),
        maxLength: 200,
      },
      {
        kind: "date",
        id: "date",
        label: m.date,
        required: true,
        ...((draft.start ?? draft.date) ? { value: (draft.start ?? draft.date ?? "").slice(0, 10) } : {}),
      },
      { kind: "time", id: "time", label: m.startTime, required: true, ...(draft.start ? { value: draft.start.slice(11, 16) } : {}) },
      { kind: "number", id: "duration", label: m.lengthMinutes, value: draft.durationMinutes, min: 15, max: 480, integer: true, required: true },
      {
        kind: "select",
        id: "place",
        label: m.place,
        required: true,
        options: [{ label: m.digital, value: "digital" }, ...ctx.sv.config.offices.map((o) => ({ label: o.town, value: o.id }))],
        ...(draft.digital ? { value: "digital" } : draft.officeId ? { value: draft.officeId } : {}),
      },
    ],
    ...(errors ? { errors } : {}),
  };
  return message(ctx.locale, [form], form.title);
}

/**
 * A submitted booking form is the confirmation. Input problems and conflicts come back
 * as errors on the field to fix, so the form stays open.
 */
export async function submitBookingForm(ctx: FlowContext, values: Record<string, string | number | boolean | undefined>): Promise<EngineReply> {
  const m = t(ctx.locale).book;
  const errors: Record<string, string> = {};
  const draft: BookDraft = { durationMinutes: 60 };
  const organizerText = String(values.organizer ?? "").trim();
  if (!organizerText) errors.organizer = m.enterAnOrganizerOrSchool;
  else {
    const choices = await findOrganizerChoices(ctx.sv, organizerText);
    if (choices.length === 0) errors.organizer = t(ctx.locale).common.noMatch(organizerText);
    else if (choices.length > 1)
      errors.organizer = `${m.severalMatches}: ${choices
        .slice(0, 3)
        .map((c) => c.label)
        .join("; ")}`;
    else {
      const [only] = choices;
      if (only)
        Object.assign(draft, {
          organizerId: only.organizerId,
          organizerName: only.organizerName,
          ...(only.schoolUnitCode ? { schoolUnitCode: only.schoolUnitCode } : {}),
        });
    }
  }
  const date = String(values.date ?? "");
  const time = String(values.time ?? "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = m.enterADateEG;
  if (!/^\d{2}:\d{2}$/.test(time)) errors.time = m.enterATimeEG;
  const duration = Number(values.duration ?? 60);
  if (!Number.isInteger(duration) || duration < 15 || duration > 480) errors.duration = m.lengthMustBe15480;
  else draft.durationMinutes = duration;
  const place = String(values.place ?? "");
  if (place === "digital") draft.digital = true;
  else {
    const office = findOffice(ctx.sv.config.offices, place);
    if (office) draft.officeId = office.id;
    else errors.place = m.chooseAPlace;
  }
  if (Object.keys(errors).length > 0) return { messages: [], replaceOriginal: false, formErrors: errors };
  const start = `${date}T${time}`;
  draft.start = start;
  // Without input errors there was exactly one organizer.
  const organizerId = draft.organizerId;
  if (!organizerId) return { messages: [], replaceOriginal: false, formErrors: errors };
  try {
    const booked = await book(ctx, draft, organizerId, start);
    ctx.setPending(undefined);
    return { messages: [await dialogueCard(ctx, booked, t(ctx.locale).common.booked, "booked")], replaceOriginal: false, closeForm: true };
  } catch (error) {
    if (error instanceof ConflictError) {
      const slots = await ctx.sv.dialogues.availability({
        staffIds: [ctx.staff.id],
        officeId: draft.digital ? null : (draft.officeId ?? null),
        from: `${date}T00:00`,
        durationMinutes: draft.durationMinutes,
        limit: 3,
      });
      const free = slots.map((s) => formatRange(s.start, s.end, ctx.locale)).join(", ");
      return { messages: [], replaceOriginal: false, formErrors: { time: `${error.localized(ctx.locale)}${free ? ` ${m.freeTimes}: ${free}.` : ""}` } };
    }
    if (error instanceof ValidationError) {
      const map: Record<string, string> = { start: "time", end: "duration", officeId: "place" };
      const formErrors: Record<string, string> = {};
      for (const issue of error.issues) formErrors[map[issue.field] ?? "date"] = issue.message[ctx.locale];
      return { messages: [], replaceOriginal: false, formErrors };
    }
    if (isRequestError(error)) return { messages: [], replaceOriginal: false, formErrors: { organizer: error.localized(ctx.locale) } };
    throw error;
  }
}

/** What a change did to calendars, said under the card: who is invited by mail. */
export type CalendarChange = "booked" | "rescheduled" | "cancelled";

/** A booked dialogue as a card, with follow-up actions; after a change it says who gets a calendar invitation. */
export async function dialogueCard(ctx: FlowContext, d: QualityDialogue, lead?: string, change?: CalendarChange): Promise<Message> {
  const m = t(ctx.locale).book;
  const organizer = await ctx.sv.organizers.get(d.organizerId);
  const place = d.digital ? m.digital : (ctx.sv.config.offices.find((o) => o.id === d.officeId)?.town ?? d.officeId ?? "");
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push({
    type: "fields",
    fields: [
      { label: m.organizer, value: escapeMarkup(organizer.name) },
      { label: m.time, value: formatRange(d.start, d.end, ctx.locale) },
      { label: m.place, value: escapeMarkup(place) },
      { label: "Status", value: statusName(d.status, ctx.locale) },
    ],
  });
  const contacts = await optional(ctx.logger, "contacts.forDialogue", { dialogueId: d.id }, ctx.sv.contacts.forDialogue(d.id, ctx.write), []);
  if (contacts.length > 0) {
    const names = contacts.map((c) => `${escapeMarkup(c.name)} (${escapeMarkup(c.role)})`).join(", ");
    blocks.push({ type: "context", text: `${m.meeting}: ${names}`.slice(0, 2000) });
  }
  if (d.followsUpId) blocks.push({ type: "context", text: m.followsUpAnEarlierDialogue });
  if (change) blocks.push({ type: "context", text: await invitationLine(ctx, d.id, change) });
  const started = Date.parse(d.start) <= ctx.now.getTime();
  const actions: Action[] = [];
  if ((d.status === "booked" || d.status === "proposed") && !started) {
    // A signed, expiring link to the dialogue's .ics on the app's own HTTP server.
    const ics = ctx.sv.calendar.dialogueLink(d.id);
    actions.push(
      { id: "dialogue.prepare", label: m.prepare, value: { organizerId: d.organizerId }, style: "primary" },
      ...(ics ? [{ id: "dialogue.ics", label: m.addToCalendar, value: { id: d.id }, url: ics }] : []),
      { id: "dialogue.contacts.form", label: m.contactPersons, value: { id: d.id } },
      { id: "dialogue.reschedule.pick", label: m.reschedule, value: { id: d.id } },
      { id: "dialogue.cancel.pick", label: m.cancelDialogue, value: { id: d.id }, style: "danger" },
    );
  } else if (d.status !== "cancelled" && started) {
    const minutes = await ctx.sv.minutes.get(d.id);
    actions.push(
      minutes
        ? { id: "minutes.show", label: m.showMinutes, value: { id: d.id } }
        : { id: "dialogue.record.form", label: m.recordMinutes, value: { id: d.id }, style: "primary" },
    );
  }
  if (actions.length > 0) blocks.push({ type: "actions", actions });
  return message(ctx.locale, blocks, `${lead ? `${lead} ` : ""}${organizer.name}, ${formatRange(d.start, d.end, ctx.locale)}, ${place}`);
}

async function invitationLine(ctx: FlowContext, dialogueId: string, change: CalendarChange): Promise<string> {
  const m = t(ctx.locale).book;
  const notice = await ctx.sv.calendar.invitationNotice(dialogueId);
  const missing = notice.withoutEmail.length ? m.noEMailAddressFor(notice.withoutEmail.map(escapeMarkup).join(", ")) : "";
  if (notice.channel === "none") {
    return m.noCalendarInvitationIsSent;
  }
  if (notice.recipients.length === 0) return m.noCalendarInvitationCouldBe + missing;
  const to = notice.recipients.map(escapeMarkup).join(", ");
  if (notice.channel === "outlook") {
    const outlook = {
      booked: m.theDialogueGoesIntoThe,
      rescheduled: m.theOutlookEventMovesAnd,
      cancelled: m.theOutlookEventIsCancelled,
    }[change];
    return `${outlook} ${to}.${missing}`;
  }
  const what = {
    booked: m.calendarInvitationIsBeingSent,
    rescheduled: m.updatedCalendarInvitationIsBeing,
    cancelled: m.cancellationIsBeingSentTo,
  }[change];
  return `${what} ${to}.${missing}`;
}

export function statusName(status: QualityDialogue["status"], locale: "sv" | "en"): string {
  return t(locale).book.statusNames[status];
}
