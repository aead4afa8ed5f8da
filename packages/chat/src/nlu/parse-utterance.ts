import { foldSwedish } from "@samverkan/sdk";
import { classify } from "./classify";
import { extractDateTime } from "./dates/extract-date-time";
import { resolveTimeZone } from "./dates/zone";
import { readDigestCommand } from "./digest-command";
import * as lex from "./lexicon";
import { findArea } from "./entities/area";
import { findAssignmentRef } from "./entities/assignment-ref";
import { findDigital } from "./entities/digital";
import { findNote } from "./entities/note";
import { findOffice } from "./entities/office";
import { findOrganizer } from "./entities/organizer";
import { findPercent } from "./entities/percent";
import { findPhase } from "./entities/phase";
import { findQuery } from "./entities/query";
import { findLimit, findMetric, findOrder } from "./entities/rank";
import { baseVocabulary, registerIndex, type RegisterIndex } from "./register";
import { tidy } from "./text";
import { findSchoolUnit } from "./entities/school-unit";
import { detectLanguage } from "./language";
import type { DateTimeResult, Entities, IntentName, ParseContext, ParseOptions, ParseResult, Span } from "./types";
import { toUtterance, type Utterance } from "./utterance";
import { trimRecordTail } from "./lifecycle";

const DIALOGUE_INTENTS = new Set<IntentName>([
  "dialogue.book",
  "dialogue.reschedule",
  "dialogue.cancel",
  "dialogue.list",
  "dialogue.prepare",
  "dialogue.record",
]);

interface Context {
  u: Utterance;
  intent: IntentName;
  cueEnd: number | undefined;
  options: Required<Pick<ParseOptions, "now" | "timeZone">>;
  language: ParseResult["language"];
  register: RegisterIndex;
  expecting: ParseContext | undefined;
}

const blankSpan = (text: string, s: Span | undefined): string => (s ? text.slice(0, s.index) + " ".repeat(s.length) + text.slice(s.index + s.length) : text);

/** Where an organizer's name may begin: after "med"/"with", else after the verb or "dialog". */
function organizerStarts(u: Utterance, cueEnd: number | undefined, requireMarker: boolean): number[] {
  const from = cueEnd ?? 0;
  const markers = u.tokens.filter((t) => lex.ORGANIZER_MARKERS.includes(t.word)).map((t) => t.index + t.word.length);
  const starts = [...markers.filter((i) => i >= from), ...markers.filter((i) => i < from)];
  if (!requireMarker) {
    const noun = u.tokens.find((t) => t.index >= from && /^(?:kvalitets)?dialog(?:en|er|erna)?$|^dialogue$|^mote(?:t)?$|^meeting$/.test(t.word));
    if (noun) starts.push(noun.index + noun.word.length);
    if (cueEnd !== undefined) starts.push(cueEnd);
  }
  return starts;
}

/** Filler between a booking marker and the organizer's name ("en kvalitetsdialog med", "the"), skipped. */
const ORGANIZER_LEAD_IN = new Set([
  "in",
  "en",
  "ett",
  "a",
  "an",
  "the",
  "ny",
  "new",
  "kvalitetsdialog",
  "dialog",
  "dialogue",
  "quality",
  "mote",
  "meeting",
  "dialogen",
  "motet",
  "huvudmannen",
  "huvudman",
  "organizer",
  "organisation",
]);

/** The register's organizer named right where a name may begin, longest well-scored run of words. */
function linkOrganizer(u: Utterance, register: RegisterIndex, starts: readonly number[]) {
  for (const start of starts) {
    let at = u.tokens.find((t) => t.index >= start);
    while (at && ORGANIZER_LEAD_IN.has(at.word)) {
      const after = at.index;
      at = u.tokens.find((t) => t.index > after);
    }
    if (!at) continue;
    const hit = register.longestAt(u.tokens, at.index, ["organizer"]);
    if (hit && hit.score >= 0.7) return hit;
  }
  return undefined;
}

/** The date, time and length in `text`, resolved against `now` in the user's zone. */
function readTimes(text: string, folded: string, { options, language }: Context, prefer: "first" | "target") {
  return extractDateTime(text, folded, { now: options.now, timeZone: options.timeZone, language, prefer });
}

/**
 * A time given as an answer. When the conversation already agreed on a day ("Vilken tid den
 * 3 december?") and the answer names no day of its own ("kl 14", "14", "kl 10-11"), it is on that day.
 */
function readAnswerTimes(context: Context): DateTimeResult {
  const { u, expecting } = context;
  const first = readTimes(u.text, u.folded, context, "first").result;
  const day = expecting?.day;
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || (first.start && !first.time)) return first;
  const onDay = readTimes(`${day} ${u.text}`, `${day} ${u.folded}`, context, "first").result;
  if (!onDay.when || onDay.when.kind === "day") return first;
  return onDay;
}

function timeEntities(result: DateTimeResult): Entities {
  const entities: Entities = {};
  if (result.start) entities.start = result.start;
  if (result.end) entities.end = result.end;
  if (result.when) entities.when = result.when;
  if (result.durationMinutes !== undefined) entities.durationMinutes = result.durationMinutes;
  if (result.time) entities.time = result.time;
  if (result.unplacedDate) entities.unplacedDate = result.unplacedDate;
  return entities;
}

function dialogueEntities(context: Context): Entities {
  const { u, intent, cueEnd, register } = context;
  const entities: Entities = {};
  const linked = linkOrganizer(u, register, organizerStarts(u, cueEnd, intent === "dialogue.list"));
  // A linked name is taken out first, so its words are never read as a date or an office.
  const { result, spans } = readTimes(blankSpan(u.text, linked), blankSpan(u.folded, linked), context, intent === "dialogue.reschedule" ? "target" : "first");
  const stops: Span[] = [...spans];
  const office = findOffice(blankSpan(u.folded, linked), "contextual", register.offices);
  const digital = findDigital(u.folded);
  const school = findSchoolUnit(u.text);
  if (office) stops.push(office);
  if (digital) stops.push(digital);

  const organizer = linked ? linked.entry.name : findOrganizer(u, { cueEnd, stops, requireMarker: intent === "dialogue.list" });
  if (organizer) entities.organizer = !linked && intent === "dialogue.record" ? trimRecordTail(organizer) : organizer;
  if (linked) entities.organizerId = linked.entry.id;
  if (school) entities.schoolUnitCode = school.code;
  Object.assign(entities, timeEntities(result));
  if (office) entities.office = office.office;
  if (digital) entities.digital = digital.digital;
  return entities;
}

function assignmentEntities({ u, intent }: Context): Entities {
  const entities: Entities = {};
  const ref = findAssignmentRef(u.folded);
  if (ref) entities.assignmentRef = ref.ref;
  // A phase is news in a progress report and a filter on a list; asking about one assignment has neither.
  const phase = intent === "assignment.show" ? undefined : findPhase(u.tokens, u.folded);
  if (phase) entities.phase = phase.phase;
  if (intent !== "assignment.log_progress") return entities;

  const percent = findPercent(u.folded);
  if (percent) entities.percent = percent.value;
  const consumed: Span[] = [];
  for (const span of [ref, percent, phase]) if (span) consumed.push(span);
  const note = findNote(u, consumed);
  if (note) entities.note = note;
  return entities;
}

function entitiesFor(context: Context): Entities {
  const entities = intentEntities(context);
  // An answer to "Vilken tid?" is read as a time whatever else it looks like.
  if (context.expecting?.expects === "time" && !DIALOGUE_INTENTS.has(context.intent)) {
    Object.assign(entities, timeEntities(readAnswerTimes(context)));
  }
  return entities;
}

function intentEntities(context: Context): Entities {
  const { u, intent, cueEnd } = context;
  if (DIALOGUE_INTENTS.has(intent)) return dialogueEntities(context);
  if (intent.startsWith("assignment.")) return assignmentEntities(context);
  if (intent === "school.show") {
    const school = findSchoolUnit(u.text);
    return school ? { schoolUnitCode: school.code } : {};
  }
  if (intent === "school.search") {
    const query = findQuery(u, cueEnd);
    return query ? { query } : {};
  }
  if (intent === "coverage.show") return coverageEntities(context);
  if (intent === "school.rank") return rankEntities(context);
  if (intent === "organizer.show") return organizerShowEntities(context);
  return {};
}

// Added by issue #11: coverage by area, rankings, organizer profiles.
function coverageEntities({ u, register }: Context): Entities {
  const contextual = findOffice(u.folded, "contextual", register.offices);
  const area = contextual ? undefined : findArea(u, register);
  // "täckning i Malmö" has always meant the Malmö office; a county or "Malmö kommun" is an area.
  const townOnly = area && findOffice(foldSwedish(area.area), "anywhere", register.offices);
  if (area && !(townOnly && townOnly.length === area.area.length)) return { area: area.area };
  const office = contextual ?? findOffice(u.folded, "anywhere", register.offices);
  return office ? { office: office.office } : {};
}

function rankEntities({ u, register }: Context): Entities {
  const entities: Entities = {};
  const metric = findMetric(u.folded);
  const area = findArea(u, register, metric ? [metric] : []);
  if (area) entities.area = area.area;
  if (metric) entities.metric = metric.metric;
  const order = findOrder(u.folded);
  if (order) entities.order = order;
  const limit = findLimit(blankSpan(u.folded, area), metric);
  if (limit !== undefined) entities.limit = limit;
  return entities;
}

const PROFILE_FILLER = new Set([
  "huvudman",
  "huvudmannen",
  "huvudmanen",
  "huvudmansprofil",
  "organizer",
  "organizers",
  "principal",
  "profile",
  "profil",
  "profilen",
  "for",
  "pa",
  "over",
  "of",
  "om",
  "about",
  "on",
  "the",
  "me",
  "visa",
  "show",
  "som",
  "as",
  "an",
  "a",
  "info",
  "vad",
  "vet",
  "vi",
]);

function organizerShowEntities({ u, cueEnd, register }: Context): Entities {
  // A chain's own name ("Kunskapsskolan") is enough here: the question is about an organizer.
  const linked = register.findAnywhere(u.tokens, ["organizer"], 0.7);
  if (linked) return { organizer: linked.entry.name, organizerId: linked.entry.id };
  const name = (from: number, to: number): string | undefined => {
    const words = u.tokens.filter((t) => t.index >= from && t.index < to);
    while (words[0] && PROFILE_FILLER.has(words[0].word)) words.shift();
    while (PROFILE_FILLER.has(words.at(-1)?.word ?? "")) words.pop();
    const first = words[0];
    const last = words[words.length - 1];
    if (!first || !last) return undefined;
    const text = tidy(u.text.slice(first.index, last.index + last.word.length));
    return /\p{L}/u.test(text) ? text : undefined;
  };
  const cue = lex.ORGANIZER_CUE.exec(u.folded) ?? lex.ABOUT_PHRASES.exec(u.folded);
  const after = name(cueEnd ?? 0, u.text.length);
  if (after) return { organizer: after };
  const before = cue ? name(0, cue.index) : undefined;
  return before ? { organizer: before } : {};
}

const defaultVocabulary = baseVocabulary();

/** "berätta om Malmö stad" asks about an organizer, not a school, when the words name one. */
function aboutOrganizer(
  u: Utterance,
  c: { intent: IntentName; cueEnd?: number | undefined },
  register: RegisterIndex,
): { intent: IntentName; cueEnd?: number | undefined } {
  if (c.intent !== "school.search") return c;
  const about = lex.ABOUT_PHRASES.exec(u.folded);
  if (!about) return c;
  const end = about.index + about[0].length;
  const linked = register.longestAt(u.tokens, end, ["organizer"]);
  const rest = u.folded.slice(end).replace(/[?!.\s]+$/, "");
  const looksLikeOrganizer = /\s(?:kommun|stad|ab)$|^\s*region\s/.test(rest);
  return linked || looksLikeOrganizer ? { intent: "organizer.show", cueEnd: end } : c;
}

function validNow(now: Date | undefined): Date {
  return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
}

/** Read one chat message: what the user wants and the details they gave. Never throws. */
export function parseUtterance(text: string, options: ParseOptions = {}): ParseResult {
  const original = typeof text === "string" ? text : "";
  try {
    const u = toUtterance(original);
    const language = detectLanguage(u.tokens, u.text);
    const opensWithCommand = lex.COMMAND_OPENING.test(original);
    // Digest commands have their own small grammar, tried first: "digest …" is never anything else.
    const digest = readDigestCommand(original);
    if (digest) return { text: original, ...digest, language, opensWithCommand };
    const register = registerIndex(options.register ?? defaultVocabulary);
    const classified = classify(u);
    const { intent, cueEnd } = aboutOrganizer(u, classified, register);
    const context: Context = {
      u,
      intent,
      cueEnd,
      language,
      register,
      options: { now: validNow(options.now), timeZone: resolveTimeZone(options.timeZone) },
      expecting: options.context,
    };
    return { text: original, intent, entities: entitiesFor(context), language, opensWithCommand };
  } catch (error) {
    // A parser bug must not take the conversation down: answer "didn't understand" instead,
    // and say so in the log (the message itself stays out of it).
    options?.logger?.error({ err: error, length: original.length }, "parseUtterance failed");
    return { text: original, intent: "unknown", entities: {}, language: "sv", opensWithCommand: false };
  }
}
