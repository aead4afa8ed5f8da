import { classify } from "./classify";
import { extractDateTime } from "./dates/extractDateTime";
import { resolveTimeZone } from "./dates/zone";
import { findAssignmentRef } from "./entities/assignmentRef";
import { findDigital } from "./entities/digital";
import { findNote } from "./entities/note";
import { findOffice } from "./entities/office";
import { findOrganizer } from "./entities/organizer";
import { findPercent } from "./entities/percent";
import { findPhase } from "./entities/phase";
import { findQuery } from "./entities/query";
import { findSchoolUnit } from "./entities/schoolUnit";
import { detectLanguage } from "./language";
import type { Entities, IntentName, ParseOptions, ParseResult, Span } from "./types";
import { toUtterance, type Utterance } from "./utterance";

const DIALOGUE_INTENTS = new Set<IntentName>(["dialogue.book", "dialogue.reschedule", "dialogue.cancel", "dialogue.list"]);

interface Context {
  u: Utterance;
  intent: IntentName;
  cueEnd: number | undefined;
  options: Required<Pick<ParseOptions, "now" | "timeZone">>;
  language: ParseResult["language"];
}

function dialogueEntities({ u, intent, cueEnd, options, language }: Context): Entities {
  const entities: Entities = {};
  const { result, spans } = extractDateTime(u.text, u.folded, {
    now: options.now,
    timeZone: options.timeZone,
    language,
    prefer: intent === "dialogue.reschedule" ? "target" : "first",
  });
  const stops: Span[] = [...spans];
  const office = findOffice(u.folded, "contextual");
  const digital = findDigital(u.folded);
  const school = findSchoolUnit(u.text);
  if (office) stops.push(office);
  if (digital) stops.push(digital);

  const organizer = findOrganizer(u, { cueEnd, stops, requireMarker: intent === "dialogue.list" });
  if (organizer) entities.organizer = organizer;
  if (school) entities.schoolUnitCode = school.code;
  if (result.start) entities.start = result.start;
  if (result.end) entities.end = result.end;
  if (result.durationMinutes !== undefined) entities.durationMinutes = result.durationMinutes;
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
  if (intent === "coverage.show") {
    const office = findOffice(u.folded, "anywhere");
    return office ? { office: office.office } : {};
  }
  return {};
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
    const { intent, cueEnd } = classify(u);
    const context: Context = {
      u,
      intent,
      cueEnd,
      language,
      options: { now: validNow(options.now), timeZone: resolveTimeZone(options.timeZone) },
    };
    return { text: original, intent, entities: entitiesFor(context), language };
  } catch (error) {
    // A parser bug must not take the conversation down: answer "didn't understand" instead,
    // and say so in the log (the message itself stays out of it).
    options?.logger?.error({ err: error, length: original.length }, "parseUtterance failed");
    return { text: original, intent: "unknown", entities: {}, language: "sv" };
  }
}
