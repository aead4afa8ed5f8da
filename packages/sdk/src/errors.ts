/** Every error the SDK throws on purpose carries a stable `code` and a message in Swedish and English. */
export type Locale = "sv" | "en";

export interface LocalizedText {
  sv: string;
  en: string;
}

/** What went wrong with a request: the caller (or the user behind it) can act on these. */
export type RequestErrorCode = "not_found" | "conflict" | "validation" | "forbidden";

/** Skolverket's APIs (Planned Educations, Skolenhetsregistret) and its statistics export. */
export type SourceErrorCode =
  | "skolverket_http"
  | "skolverket_not_found"
  | "skolverket_invalid_response"
  | "skolverket_timeout"
  | "skolverket_network"
  | "export_no_header"
  | "export_missing_columns";

/** A stored value the code cannot read: the database holds something no writer puts there. */
export type StoreErrorCode = "invalid_stored_value";

export type SamverkanErrorCode = RequestErrorCode | SourceErrorCode | StoreErrorCode;

const REQUEST_CODES: ReadonlySet<SamverkanErrorCode> = new Set<RequestErrorCode>(["not_found", "conflict", "validation", "forbidden"]);

export interface FieldIssue {
  /** Dotted path of the offending input field, e.g. `end` or `entries.0.percent`. */
  field: string;
  message: LocalizedText;
}

export abstract class SamverkanError extends Error {
  abstract readonly code: SamverkanErrorCode;
  readonly messages: LocalizedText;

  constructor(messages: LocalizedText, options?: { cause?: unknown }) {
    super(messages.en, options);
    this.messages = messages;
    this.name = new.target.name;
  }

  /** The message in the reader's language. */
  localized(locale: Locale): string {
    return this.messages[locale];
  }
}

export class NotFoundError extends SamverkanError {
  readonly code = "not_found" as const;
  constructor(
    readonly entity: string,
    readonly id: string,
    messages?: LocalizedText,
  ) {
    super(
      messages ?? {
        sv: `Hittade ingen ${entity} med id ${id}.`,
        en: `No ${entity} with id ${id} was found.`,
      },
    );
  }
}

export interface ConflictDetail {
  /** What is double-booked: a staff member or an office. */
  resource: { kind: "staff" | "office"; id: string; name?: string };
  /** The existing dialogue that overlaps. */
  dialogueId: string;
  start: string;
  end: string;
}

export class ConflictError extends SamverkanError {
  readonly code = "conflict" as const;
  constructor(
    messages: LocalizedText,
    readonly conflicts: ConflictDetail[] = [],
  ) {
    super(messages);
  }
}

export class ValidationError extends SamverkanError {
  readonly code = "validation" as const;
  constructor(
    messages: LocalizedText,
    readonly issues: FieldIssue[] = [],
  ) {
    super(messages);
  }

  /** One error for a list of field issues, with a combined message. */
  static fromIssues(issues: FieldIssue[]): ValidationError {
    const sv = issues.map((i) => i.message.sv).join(" ");
    const en = issues.map((i) => i.message.en).join(" ");
    return new ValidationError({ sv, en }, issues);
  }

  static field(field: string, message: LocalizedText): ValidationError {
    return new ValidationError(message, [{ field, message }]);
  }
}

export class ForbiddenError extends SamverkanError {
  readonly code = "forbidden" as const;
  constructor(messages: LocalizedText) {
    super(messages);
  }
}

/**
 * A value read from the database is not one the schema allows (e.g. a status no writer
 * sets). Raised where rows are mapped, so a bad row fails loudly instead of travelling on.
 */
export class InvalidStoredValueError extends SamverkanError {
  readonly code = "invalid_stored_value" as const;
  constructor(
    /** `table.column`, e.g. `dialogues.status`. */
    readonly column: string,
    readonly value: unknown,
  ) {
    const shown = JSON.stringify(value) ?? String(value);
    // A JSON column can be long; the start is enough to recognise it.
    const quoted = shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
    super({
      sv: `Databasen har ett ogiltigt värde i ${column}: ${quoted}.`,
      en: `The database holds an invalid value in ${column}: ${quoted}.`,
    });
  }
}

export function isSamverkanError(error: unknown): error is SamverkanError {
  return error instanceof SamverkanError;
}

/** A SamverkanError about the request itself (not found, conflict, validation, forbidden): safe to show as the answer. */
export function isRequestError(error: unknown): error is SamverkanError & { code: RequestErrorCode } {
  return error instanceof SamverkanError && REQUEST_CODES.has(error.code);
}
