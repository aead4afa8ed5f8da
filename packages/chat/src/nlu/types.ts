import type { DigestScope, Phase as SdkPhase } from "@samverkan/sdk";
/** The public NLU contract. Key names are part of the JSON API: keep them stable. */

export type IntentName =
  | "school.search"
  | "school.show"
  | "dialogue.book"
  | "dialogue.reschedule"
  | "dialogue.cancel"
  | "dialogue.list"
  | "dialogue.prepare"
  | "dialogue.record"
  | "assignment.log_progress"
  | "assignment.show"
  | "assignment.list"
  | "coverage.show"
  // Added by issue #11 (register questions):
  | "organizer.show"
  | "school.rank"
  // Added by issue #16: digest commands are intents like any other.
  | "digest.create"
  | "digest.list"
  | "digest.pause"
  | "digest.resume"
  | "digest.remove"
  | "digest.preview"
  | "help"
  | "unknown";

/** An assignment phase: the SDK's vocabulary (`phaseSchema`). */
export type Phase = SdkPhase;

export type Language = "sv" | "en";

/** A configured office's town (`config.offices`; the defaults are `DEFAULT_OFFICE_TOWNS` in the SDK). */
export type Office = string;

/**
 * A time as the user meant it, typed: a whole day, an instant, or a range of either (a week is
 * a range of days, `kl 10-11` a range of instants). `zone` is the IANA zone it was read in.
 */
export type When =
  | { kind: "day"; date: string; zone: string }
  | { kind: "instant"; at: string; zone: string }
  | { kind: "range"; unit: "day" | "instant"; from: string; to: string; zone: string };

/** A complete `digest …` schedule: when, what area, in which language. */
export interface DigestSchedule {
  cron: string;
  scope: DigestScope;
  locale?: Language;
  postWhenEmpty: boolean;
}

/** Why a `digest …` line could not become a schedule; the flow says it in the reader's language. */
export type DigestProblem = { code: "when" } | { code: "area" } | { code: "timeOfDay"; value: string } | { code: "county"; value: string };

export interface Entities {
  query?: string;
  schoolUnitCode?: string;
  organizer?: string;
  /** `YYYY-MM-DDTHH:mm:ss±hh:mm` when a time is known, `YYYY-MM-DD` when only the date is. */
  start?: string;
  end?: string;
  /** `start`/`end` typed (issue #16): whether it is a day, an instant or a range, and in which zone. */
  when?: When;
  durationMinutes?: number;
  office?: string;
  digital?: boolean;
  assignmentRef?: string;
  percent?: number;
  phase?: Phase;
  note?: string;
  // Added by issue #11:
  /** The register's id for `organizer`, when the name was linked against the store. */
  organizerId?: string;
  /** `HH:mm` when only a clock time was given (no date): a reschedule keeps the dialogue's date. */
  time?: string;
  /** A date phrase that could not be placed ("efter jul"): no `start` is given, the flow asks. */
  unplacedDate?: string;
  /** A municipality or county as written ("Skåne län", "Malmö"), for rankings and coverage. */
  area?: string;
  metric?: Metric;
  order?: "asc" | "desc";
  limit?: number;
  // Added by issue #16 (digest intents):
  /** `digest.pause|resume|remove|preview`: the subscription named (`D-3`), upper-cased. */
  digestRef?: string;
  /** `digest.create`: the schedule asked for, when it could be read whole. */
  digest?: DigestSchedule;
  /** `digest.create`: what was wrong when it could not. */
  digestProblem?: DigestProblem;
  /** `help` about one subject (`digest`, `digest hjälp`). */
  topic?: "digest";
}

export type Metric = "meritValue" | "allSubjectsPassed" | "eligibleVocational" | "examWithin3Years";

export interface ParseResult {
  text: string;
  intent: IntentName;
  entities: Entities;
  language: Language;
  /**
   * The message opens with a command word ("sök …", "mina …", "boka …"): a new request, not
   * an answer to a question the bot asked. Not part of `samverkan parse`'s JSON output.
   */
  opensWithCommand?: boolean;
}

/**
 * What the conversation is waiting for, so the one parse of a turn reads an answer right:
 * a time is read whatever the intent, and a lone clock time ("kl 10") lands on `day`.
 */
export interface ParseContext {
  expects: "time";
  /** `YYYY-MM-DD`: the day already agreed ("Vilken tid den 3 december?"). */
  day?: string;
}

export interface ParseOptions {
  now?: Date;
  /** IANA zone the user lives in; defaults to Europe/Stockholm. */
  timeZone?: string;
  /** The register as vocabulary: names are linked against it when given. */
  register?: RegisterVocabulary;
  /**
   * Told about a parser bug. The parser never throws (a bug answers "not understood"), so
   * this is the only way a crash shows; the engine passes its own logger.
   */
  logger?: NluLogger;
  /** What the conversation is waiting for (the engine passes it; `samverkan parse` does not). */
  context?: ParseContext;
}

export interface NluLogger {
  error(obj: Record<string, unknown>, msg: string): void;
}

/** What the store holds, reduced to names: see `registerVocabulary()` in register.ts. */
export interface RegisterVocabulary {
  organizers: ReadonlyArray<{ id: string; name: string }>;
  municipalities: ReadonlyArray<{ code: string; name: string; countyCode?: string }>;
  counties: ReadonlyArray<{ code: string; name: string }>;
  offices: ReadonlyArray<{ id: string; town: string }>;
}

export interface DateTimeResult {
  start?: string;
  end?: string;
  when?: When;
  durationMinutes?: number;
  matchedText?: string;
  time?: string;
  unplacedDate?: string;
}

/** A piece of the input that an extractor consumed, so others can skip it. */
export interface Span {
  index: number;
  length: number;
}
