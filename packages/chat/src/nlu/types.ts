import type { Phase as SdkPhase } from "@samverkan/sdk";
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
  | "help"
  | "unknown";

/** An assignment phase: the SDK's vocabulary (`phaseSchema`). */
export type Phase = SdkPhase;

export type Language = "sv" | "en";

/** A configured office's town (`config.offices`; the defaults are `DEFAULT_OFFICE_TOWNS` in the SDK). */
export type Office = string;

export interface Entities {
  query?: string;
  schoolUnitCode?: string;
  organizer?: string;
  /** `YYYY-MM-DDTHH:mm:ss±hh:mm` when a time is known, `YYYY-MM-DD` when only the date is. */
  start?: string;
  end?: string;
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
}

export type Metric = "meritValue" | "allSubjectsPassed" | "eligibleVocational" | "examWithin3Years";

export interface ParseResult {
  text: string;
  intent: IntentName;
  entities: Entities;
  language: Language;
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
