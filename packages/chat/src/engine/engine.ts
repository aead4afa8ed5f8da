import { isBareNo, isBareYes, isRequestError, type Samverkan, type Staff } from "@samverkan/sdk";
import { parseUtterance } from "../nlu/index";
import { clearLanguage } from "../nlu/language";
import { registerVocabulary } from "../nlu/register";
import type { ParseContext, ParseResult, RegisterVocabulary } from "../nlu/types";
import { storedWhen } from "../nlu/when";
import { digestCommandOf } from "../digest/command";
import type { Locale, Message } from "../cards/model";
import type { FlowContext } from "./context";
import { accountOption, channelOf, chatIdentityOf, speakerKey } from "./platform-user";
import { pendingSchema, PENDING_TTL_MS, type Pending } from "./pending";
import { escapeMarkup, inPlace, reply, textMessage } from "./reply";
import type { EngineLogger, EngineReply, PlatformUser, Turn } from "./types";
import * as booking from "./flows/book";
import * as dialogues from "./flows/dialogues";
import * as assignments from "./flows/assignments";
import { schoolCard, searchSchools, showSchool } from "./flows/schools";
import { showCoverage } from "./flows/coverage";
import { showOrganizer, showOrganizerById } from "./flows/organizer";
import { rankSchools } from "./flows/rank";
import { answerMidFlow, resumeHint } from "./repair";
import { showHelp } from "./flows/help";
import { homeView } from "./flows/home";
import { handleDigestAction, handleDigestCommand } from "./flows/digest";
import * as lifecycle from "./flows/lifecycle";
import * as contacts from "./flows/contacts";
import { handleNudgeAction, handleNudgeCommand } from "../nudges/settings";
import { t } from "../i18n";

export interface EngineOptions {
  samverkan: Samverkan;
  logger?: EngineLogger;
  /** Conversation state lifetime; default 30 minutes. */
  pendingTtlMs?: number;
  /** How long the register's names are reused before they are read again; default 5 minutes. */
  registerTtlMs?: number;
  /** Called after every handled turn (metrics); must not throw. */
  onTurn?: (observation: TurnObservation) => void;
}

/** What one turn was and how it ended, for counters and latency histograms. */
export interface TurnObservation {
  /** The understood intent for text (`dialogue.book`, `unknown`, …), `action:<id>` or `form:<id>` otherwise. */
  intent: string;
  /** `refused`: not a registered staff member; `rejected`: a domain rule said no (or a form had errors). */
  outcome: "ok" | "refused" | "rejected" | "error";
  durationMs: number;
}

/** The most a turn's text is read; longer input is cut before parsing. */
const MAX_TEXT = 4000;
const CANCEL_WORDS = /^\s*(avbryt|avsluta|glöm det|glom det|stopp|cancel|stop|abort|nevermind|never mind)\s*[.!]?\s*$/i;

const silentLogger: EngineLogger = { warn: () => undefined, error: () => undefined };

export interface Engine {
  handle(turn: Turn): Promise<EngineReply>;
  /** Slack App Home: upcoming dialogues, assignments, coverage. */
  home(user: PlatformUser): Promise<Message>;
  /** A compact school card for unfurls and the Teams message extension. */
  schoolCard(code: string, locale?: Locale): Promise<Message | undefined>;
  /** Staff member behind a platform user, if registered. */
  resolveStaff(user: PlatformUser): Promise<Staff | undefined>;
  /**
   * School lookup for search boxes (the Teams message extension): the best hits with
   * their cards, or the reason there are none (e.g. the user is not registered).
   */
  searchSchools(user: PlatformUser, query: string, options?: { limit?: number }): Promise<SchoolSearchAnswer>;
}

export interface SchoolHit {
  code: string;
  name: string;
  /** Municipality and organizer, for a preview line. */
  detail: string;
  card: Message;
}

export type SchoolSearchAnswer = { hits: SchoolHit[]; locale: Locale } | { hits: []; notice: Message };

export function createEngine(options: EngineOptions): Engine {
  const sv = options.samverkan;
  const logger = options.logger ?? silentLogger;
  const ttl = options.pendingTtlMs ?? PENDING_TTL_MS;
  const registerTtl = options.registerTtlMs ?? 5 * 60_000;
  let register: { vocabulary: RegisterVocabulary; readAt: number } | undefined;

  /** The register as vocabulary for the NLU, read once and reused for a while. */
  async function vocabulary(): Promise<RegisterVocabulary | undefined> {
    const now = Date.now();
    if (!register || now - register.readAt > registerTtl) {
      const read = await registerVocabulary(sv).catch((error: unknown) => {
        logger.warn({ err: error }, "register vocabulary unavailable");
        return undefined;
      });
      if (!read) return register?.vocabulary;
      register = { vocabulary: read, readAt: now };
    }
    return register.vocabulary;
  }

  async function resolveStaff(user: PlatformUser): Promise<Staff | undefined> {
    const identity = chatIdentityOf(user);
    if ("staffId" in identity) return sv.staff.get(identity.staffId).catch(() => undefined);
    return sv.staff.findByIdentity(identity);
  }

  function stateKey(user: PlatformUser, conversationId: string): string {
    return `${speakerKey(user)}|${conversationId}`;
  }

  async function loadPending(key: string): Promise<Pending | undefined> {
    const raw = await sv.state.get("conversation", key);
    if (raw === undefined) return undefined;
    const parsed = pendingSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  async function handle(turn: Turn): Promise<EngineReply> {
    if (!options.onTurn) return handleTurn(turn, () => undefined);
    const started = performance.now();
    let intent = turn.form ? `form:${turn.form.id}` : turn.action ? `action:${turn.action.id.split(":")[0]}` : "unknown";
    const observation = { outcome: "ok" as TurnObservation["outcome"] };
    const reply = await handleTurn(turn, (noted) => {
      if (noted.intent) intent = noted.intent;
      if (noted.outcome) observation.outcome = noted.outcome;
    });
    if (reply.formErrors && observation.outcome === "ok") observation.outcome = "rejected";
    options.onTurn({ intent, outcome: observation.outcome, durationMs: performance.now() - started });
    return reply;
  }

  async function handleTurn(turn: Turn, note: Note): Promise<EngineReply> {
    const staff = await resolveStaff(turn.user).catch((error: unknown) => {
      logger.error({ err: error }, "staff lookup failed");
      return undefined;
    });
    if (!staff) {
      note({ outcome: "refused" });
      return reply(unknownUserMessage(turn.user));
    }
    const locale: Locale = staff.locale;
    const key = stateKey(turn.user, turn.conversationId);
    let pending = await loadPending(key);
    let changed = false;
    const ctx: FlowContext = {
      sv,
      staff,
      locale,
      now: sv.clock(),
      channel: channelOf(turn.user),
      user: turn.user,
      conversationId: turn.conversationId,
      // The conversation goes with every write: the SDK decides what may be changed from here.
      write: { actor: { staffId: staff.id }, channel: channelOf(turn.user), ...(turn.target ? { conversation: turn.target } : {}) },
      logger,
      ...(turn.target ? { target: turn.target } : {}),
      get pending() {
        return pending;
      },
      setPending(next) {
        pending = next;
        changed = true;
      },
    };
    try {
      const answer = turn.form
        ? await onForm(ctx, turn.form)
        : turn.action
          ? await onAction(ctx, turn.action)
          : await onText(ctx, (turn.text ?? "").slice(0, MAX_TEXT), await vocabulary(), note);
      // Only a click has a message to take the place of; a reply with no message replaces nothing.
      const result = answer.replaceOriginal && (!turn.action || turn.form || answer.messages.length === 0) ? { ...answer, replaceOriginal: false } : answer;
      if (changed) {
        if (pending) await sv.state.set("conversation", key, pending, ttl);
        else await sv.state.delete("conversation", key);
      }
      return result;
    } catch (error) {
      if (isRequestError(error)) {
        note({ outcome: "rejected" });
        return reply(textMessage(locale, escapeMarkup(error.localized(locale))));
      }
      note({ outcome: "error" });
      logger.error({ err: error, platform: turn.user.platform }, "turn failed");
      return reply(textMessage(locale, t(locale).common.somethingWrong));
    }
  }

  return {
    handle,
    resolveStaff,
    async home(user) {
      const staff = await resolveStaff(user);
      if (!staff) return unknownUserMessage(user);
      return homeView(sv, staff);
    },
    schoolCard: (code, locale = "sv") => schoolCard(sv, code, locale, { withActions: true }),
    async searchSchools(user, query, options = {}) {
      const staff = await resolveStaff(user);
      if (!staff) return { hits: [], notice: unknownUserMessage(user) };
      const found = await sv.schools.search(query.slice(0, MAX_TEXT), { limit: Math.min(options.limit ?? 10, 25) });
      const hits: SchoolHit[] = [];
      for (const hit of found) {
        const card = await schoolCard(sv, hit.school.code, staff.locale, { withActions: true });
        if (card) hits.push({ code: hit.school.code, name: hit.school.name, detail: `${hit.municipalityName} · ${hit.organizer.name}`, card });
      }
      return { hits, locale: staff.locale };
    },
  };
}

/** Tells handle() what a turn turned out to be, for TurnObservation. */
type Note = (noted: { intent?: string; outcome?: TurnObservation["outcome"] }) => void;

async function onText(ctx: FlowContext, text: string, register: RegisterVocabulary | undefined, note: Note): Promise<EngineReply> {
  // A message clearly written in the other language is answered in that language.
  const written = clearLanguage(text);
  if (written && written !== ctx.locale) ctx.locale = written;
  if (CANCEL_WORDS.test(text)) {
    const had = ctx.pending !== undefined;
    ctx.setPending(undefined);
    note({ intent: "cancel" });
    return reply(textMessage(ctx.locale, had ? t(ctx.locale).common.cancelled : t(ctx.locale).common.nothingToCancel));
  }
  // `/samverkan` with nothing after it, or an empty message: show what the bot can do.
  if (text.trim() === "" && ctx.pending === undefined) {
    note({ intent: "help" });
    return showHelp(ctx);
  }
  const pending = ctx.pending;
  // The turn's one parse: every flow below works from it. What the conversation waits for
  // goes in, so an answer ("kl 14") is read as one.
  const expecting = expectationOf(pending);
  const parsed = parseUtterance(text, {
    now: ctx.now,
    timeZone: ctx.sv.config.timeZone,
    logger: ctx.logger,
    ...(register ? { register } : {}),
    ...(expecting ? { context: expecting } : {}),
  });
  // Digest commands are handled wherever the conversation is, and leave it where it was.
  const digest = digestCommandOf(parsed);
  if (digest) {
    note({ intent: "digest" });
    return handleDigestCommand(ctx, digest);
  }
  const nudges = await handleNudgeCommand(ctx, text);
  if (nudges) {
    note({ intent: "nudges" });
    return nudges;
  }
  note({ intent: parsed.intent });
  // "ja" confirms only when we asked for a confirmation.
  if ((isBareYes(text) || isBareNo(text)) && pending?.awaiting !== "confirm") {
    if (isBareNo(text) && pending) {
      ctx.setPending(undefined);
      return reply(textMessage(ctx.locale, t(ctx.locale).common.cancelled));
    }
    const nothing = t(ctx.locale).engine.thereIsNothingToConfirm;
    return reply(textMessage(ctx.locale, pending ? `${nothing} ${resumeHint(pending, ctx.locale)}` : nothing));
  }
  if (pending) {
    // Help and questions (lists, profiles, rankings, coverage) are answered and the flow kept.
    const aside = answerMidFlow(parsed, pending);
    if (aside) {
      const answer = await route(ctx, parsed);
      return { ...answer, messages: [...answer.messages, textMessage(ctx.locale, resumeHint(pending, ctx.locale))] };
    }
    // An answer to our question wins, unless the user clearly starts something new.
    if (!startsNewIntent(parsed)) return continuePending(ctx, pending, parsed);
    ctx.setPending(undefined);
  }
  return route(ctx, parsed);
}

/** A flow waiting for a time tells the parser so, and on which day when one is agreed. */
function expectationOf(pending: Pending | undefined): ParseContext | undefined {
  if (pending?.flow === "book" && (pending.awaiting === "time" || pending.awaiting === "confirm")) {
    return { expects: "time", ...(pending.awaiting === "time" && pending.draft.date ? { day: pending.draft.date } : {}) };
  }
  if (pending?.flow === "reschedule" && pending.awaiting === "time") return { expects: "time", ...(pending.date ? { day: pending.date } : {}) };
  return undefined;
}

/**
 * A time, a name or a "ja" answers the question we asked; a sentence that starts with a
 * command word ("mina dialoger", "sök …") is a new request and drops the old one.
 */
function startsNewIntent(parsed: ParseResult): boolean {
  if (parsed.intent === "unknown" || parsed.intent === "help") return false;
  if (parsed.intent === "dialogue.prepare" || parsed.intent === "dialogue.record") return true;
  return parsed.opensWithCommand === true;
}

async function continuePending(ctx: FlowContext, pending: Pending, parsed: ParseResult): Promise<EngineReply> {
  const text = parsed.text;
  switch (pending.flow) {
    case "book":
      return booking.continueBooking(ctx, { ...pending.draft }, pending.awaiting, parsed);
    case "reschedule":
      if (pending.awaiting === "confirm" && /^\s*(ja|yes|ok|okej|flytta)\b/i.test(text) && pending.dialogueId && pending.start) {
        return dialogues.confirmReschedule(ctx, pending.dialogueId, pending.start);
      }
      if (pending.awaiting === "dialogue") {
        // The time came with the first message; this one only says which dialogue.
        const when = storedWhen(pending, ctx.sv.config.timeZone);
        return dialogues.startReschedule(ctx, { ...parsed.entities, ...(when ? { when } : {}), ...(pending.time ? { time: pending.time } : {}) });
      }
      return dialogues.continueReschedule(ctx, pending, parsed.entities);
    case "cancel":
      if (pending.awaiting === "confirm" && pending.dialogueId && /^\s*(ja|yes|ok|okej|ställ in)\b/i.test(text))
        return dialogues.confirmCancel(ctx, pending.dialogueId);
      if (pending.awaiting === "dialogue") return dialogues.startCancel(ctx, parsed.entities);
      ctx.setPending(undefined);
      return reply(textMessage(ctx.locale, t(ctx.locale).common.cancelled));
    case "progress":
      return assignments.continueProgress(ctx, pending, parsed);
  }
}

async function route(ctx: FlowContext, parsed: ParseResult): Promise<EngineReply> {
  const e = parsed.entities;
  switch (parsed.intent) {
    case "school.search":
      return searchSchools(ctx, e);
    case "school.show":
      return e.schoolUnitCode ? showSchool(ctx, e.schoolUnitCode) : searchSchools(ctx, e);
    case "dialogue.book":
      return booking.startBooking(ctx, e);
    case "dialogue.reschedule":
      return dialogues.startReschedule(ctx, e);
    case "dialogue.cancel":
      return dialogues.startCancel(ctx, e);
    case "dialogue.list":
      return dialogues.listDialogues(ctx);
    case "organizer.show":
      return showOrganizer(ctx, e);
    case "school.rank":
      return rankSchools(ctx, e);
    case "dialogue.prepare":
      return lifecycle.prepareDialogue(ctx, e);
    case "dialogue.record":
      return lifecycle.recordDialogue(ctx, e);
    case "assignment.log_progress":
      return assignments.startProgress(ctx, e);
    case "assignment.show":
      return assignments.showAssignment(ctx, e.assignmentRef);
    case "assignment.list":
      return assignments.listAssignments(ctx);
    case "coverage.show":
      return showCoverage(ctx, e);
    case "help":
      return showHelp(ctx);
    // Read by digestCommandOf before routing; listed so a new intent is a compile error here.
    case "digest.create":
    case "digest.list":
    case "digest.pause":
    case "digest.resume":
    case "digest.remove":
    case "digest.preview":
    case "unknown":
      return reply(textMessage(ctx.locale, t(ctx.locale).common.notUnderstood));
  }
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

async function onAction(ctx: FlowContext, action: { id: string; value: Record<string, string | number | boolean> }): Promise<EngineReply> {
  const v = action.value;
  const pending = ctx.pending;
  const bookDraft = pending?.flow === "book" ? { ...pending.draft } : undefined;
  // The button's text fields; a missing or empty one means the action is stale.
  const [code, organizerId, id, start, ref] = [str(v.code), str(v.organizerId), str(v.id), str(v.start), str(v.ref)];
  if (action.id.startsWith("digest.")) return (await handleDigestAction(ctx, action)) ?? expired(ctx);
  if (action.id.startsWith("nudge.")) return (await handleNudgeAction(ctx, action)) ?? expired(ctx);
  switch (action.id) {
    // Cancelling, confirming and paging answer in the card clicked: it is done with.
    case "flow.cancel": {
      const had = pending !== undefined;
      ctx.setPending(undefined);
      return inPlace(reply(textMessage(ctx.locale, had ? t(ctx.locale).common.cancelled : t(ctx.locale).common.nothingToCancel)));
    }
    case "school.show":
      return code ? showSchool(ctx, code) : expired(ctx);
    case "book.start":
      return organizerId ? booking.startBookingFor(ctx, organizerId, str(v.schoolUnitCode)) : expired(ctx);
    case "book.organizer":
      return bookDraft && organizerId ? booking.pickOrganizer(ctx, bookDraft, organizerId, str(v.schoolUnitCode)) : expired(ctx);
    case "book.place":
      return bookDraft
        ? booking.pickPlace(ctx, bookDraft, { ...(str(v.officeId) ? { officeId: str(v.officeId) } : {}), digital: v.digital === true })
        : expired(ctx);
    case "book.slot":
      return bookDraft && start ? booking.pickSlot(ctx, bookDraft, start) : expired(ctx);
    case "book.confirm":
      return inPlace(bookDraft && pending?.flow === "book" && pending.awaiting === "confirm" ? await booking.confirmBooking(ctx, bookDraft) : expired(ctx));
    case "book.form":
      return { messages: [], replaceOriginal: false, openForm: booking.bookingForm(ctx, bookDraft ?? { durationMinutes: 60 }) };
    case "dialogue.show":
      return id ? dialogues.showDialogue(ctx, id) : expired(ctx);
    case "dialogue.list.page":
      return inPlace(await dialogues.listDialogues(ctx, Number(v.index ?? 0)));
    // Button values are the client's word: a confirm only goes through for the dialogue this
    // conversation's stored state is asking about, and the SDK checks the user's rights again.
    case "dialogue.cancel.pick":
      return id ? dialogues.askCancelConfirmation(ctx, id) : expired(ctx);
    case "dialogue.cancel.confirm":
      return inPlace(
        pending?.flow === "cancel" && pending.dialogueId !== undefined && pending.dialogueId === str(v.id)
          ? await dialogues.confirmCancel(ctx, pending.dialogueId)
          : expired(ctx),
      );
    case "dialogue.reschedule.pick":
      return id
        ? dialogues.rescheduleTo(
            ctx,
            id,
            pending?.flow === "reschedule" ? storedWhen(pending, ctx.sv.config.timeZone) : undefined,
            pending?.flow === "reschedule" ? pending.time : undefined,
          )
        : expired(ctx);
    case "organizer.show":
      return organizerId ? showOrganizerById(ctx, organizerId) : expired(ctx);
    case "dialogue.reschedule.confirm":
      return inPlace(
        pending?.flow === "reschedule" && pending.dialogueId !== undefined && pending.dialogueId === str(v.id) && start
          ? await dialogues.confirmReschedule(ctx, pending.dialogueId, start)
          : expired(ctx),
      );
    case "assignment.show":
      return assignments.showAssignment(ctx, str(v.ref));
    case "assignment.list.page":
      return inPlace(await assignments.listAssignments(ctx, Number(v.index ?? 0)));
    case "progress.pick":
      return ref ? assignments.pickProgressAssignment(ctx, pending?.flow === "progress" ? pending : undefined, ref) : expired(ctx);
    case "progress.confirm":
      return inPlace(pending?.flow === "progress" && pending.awaiting === "confirm" ? await assignments.confirmProgress(ctx, pending) : expired(ctx));
    case "progress.form":
      return ref ? { messages: [], replaceOriginal: false, openForm: await assignments.progressForm(ctx, ref) } : expired(ctx);
    case "dialogue.prepare":
      return organizerId ? lifecycle.prepareFor(ctx, organizerId) : expired(ctx);
    case "dialogue.prepare.more":
      return organizerId ? lifecycle.prepareMore(ctx, organizerId, Number(v.index ?? 0)) : expired(ctx);
    case "dialogue.record.form":
      return id ? lifecycle.minutesForm(ctx, id) : expired(ctx);
    case "minutes.show":
      return id ? reply(await lifecycle.minutesCard(ctx, id)) : expired(ctx);
    case "book.followup":
      return id ? booking.startFollowUp(ctx, id) : expired(ctx);
    case "contact.form":
      return organizerId ? contacts.contactForm(ctx, organizerId, str(v.id)) : expired(ctx);
    case "dialogue.contacts.form":
      return id ? contacts.dialogueContactsForm(ctx, id) : expired(ctx);
    case "coverage.show":
      return showCoverage(ctx);
    case "help":
      return showHelp(ctx);
    default:
      ctx.logger.warn({ actionId: action.id }, "unknown action");
      return expired(ctx);
  }
}

async function onForm(
  ctx: FlowContext,
  form: { id: string; values: Record<string, string | number | boolean | undefined>; context?: Record<string, string | number | boolean> },
): Promise<EngineReply> {
  if (form.id === "book") return booking.submitBookingForm(ctx, form.values);
  if (form.id === "progress") {
    const ref = str(form.context?.ref) ?? str(form.values.ref);
    if (!ref) return { messages: [], replaceOriginal: false, formErrors: { note: t(ctx.locale).engine.theAssignmentIsMissingOpen } };
    return assignments.submitProgressForm(ctx, ref, form.values);
  }
  if (form.id === "minutes") {
    const id = str(form.context?.id);
    return id
      ? lifecycle.submitMinutesForm(ctx, id, form.values)
      : { messages: [], replaceOriginal: false, formErrors: { notes: t(ctx.locale).engine.theDialogueIsMissingOpen } };
  }
  if (form.id === "contact") {
    const organizerId = str(form.context?.organizerId);
    const id = str(form.context?.id);
    return contacts.submitContactForm(ctx, { ...(organizerId ? { organizerId } : {}), ...(id ? { id } : {}) }, form.values);
  }
  if (form.id === "dialogue.contacts") {
    const id = str(form.context?.id);
    return id
      ? contacts.submitDialogueContacts(ctx, id, form.values, async (dialogueId) => booking.dialogueCard(ctx, await ctx.sv.dialogues.get(dialogueId)))
      : expired(ctx);
  }
  return expired(ctx);
}

/** Both languages: we do not know the user's preference before we know the user. */
function unknownUserMessage(user: PlatformUser): Message {
  const account = accountOption(user);
  return textMessage("sv", `${t("sv").common.unknownUser(account)}\n\n_${t("en").common.unknownUser(account)}_`);
}

function expired(ctx: FlowContext): EngineReply {
  return reply(textMessage(ctx.locale, t(ctx.locale).common.expired));
}
