/** The public NLU contract. Key names are part of the JSON API: keep them stable. */

export type IntentName =
  | "school.search"
  | "school.show"
  | "dialogue.book"
  | "dialogue.reschedule"
  | "dialogue.cancel"
  | "dialogue.list"
  | "assignment.log_progress"
  | "assignment.show"
  | "assignment.list"
  | "coverage.show"
  | "help"
  | "unknown";

export type Phase = "startUp" | "planning" | "implementation" | "followUp" | "completed";

export type Language = "sv" | "en";

export type Office =
  | "Härnösand"
  | "Malmö"
  | "Luleå"
  | "Umeå"
  | "Gävle"
  | "Växjö"
  | "Örebro"
  | "Göteborg"
  | "Linköping"
  | "Solna";

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
}

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
  /**
   * Told about a parser bug. The parser never throws (a bug answers "not understood"), so
   * this is the only way a crash shows; the engine passes its own logger.
   */
  logger?: NluLogger;
}

export interface NluLogger {
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface DateTimeResult {
  start?: string;
  end?: string;
  durationMinutes?: number;
  matchedText?: string;
}

/** A piece of the input that an extractor consumed, so others can skip it. */
export interface Span {
  index: number;
  length: number;
}
