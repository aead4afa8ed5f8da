/** Stable machine-readable codes for every Skolverket client error. */
export type SkolverketErrorCode =
  | "SKOLVERKET_HTTP_ERROR"
  | "SKOLVERKET_NOT_FOUND"
  | "SKOLVERKET_INVALID_RESPONSE"
  | "SKOLVERKET_TIMEOUT"
  | "SKOLVERKET_NETWORK_ERROR";

/** Base class: every error the client throws is one of these. */
export abstract class SkolverketError extends Error {
  abstract readonly code: SkolverketErrorCode;
  constructor(
    message: string,
    /** The full URL of the request that failed. */
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The API answered with an HTTP error status (after any retries). */
export class SkolverketHttpError extends SkolverketError {
  override readonly name: string = "SkolverketHttpError";
  readonly code: SkolverketErrorCode = "SKOLVERKET_HTTP_ERROR";
  constructor(
    readonly status: number,
    url: string,
    options?: { cause?: unknown; message?: string },
  ) {
    super(options?.message ?? `Skolverket API answered HTTP ${status} for ${url}`, url, options);
  }
}

/** HTTP 404: the school unit (or its statistics) does not exist. */
export class SkolverketNotFoundError extends SkolverketHttpError {
  override readonly name = "SkolverketNotFoundError";
  override readonly code = "SKOLVERKET_NOT_FOUND";
  constructor(url: string, options?: { cause?: unknown }) {
    super(404, url, { ...options, message: `Skolverket API has no such resource: ${url}` });
  }
}

export type ResponseIssue = { path: string; message: string };

/** The body was not JSON, or not of the shape the client expects. */
export class SkolverketResponseError extends SkolverketError {
  override readonly name = "SkolverketResponseError";
  readonly code = "SKOLVERKET_INVALID_RESPONSE";
  constructor(
    url: string,
    readonly issues: readonly ResponseIssue[],
    options?: { cause?: unknown },
  ) {
    super(SkolverketResponseError.describe(url, issues), url, options);
  }

  private static describe(url: string, issues: readonly ResponseIssue[]): string {
    const [first] = issues;
    if (!first) return `Unexpected response from ${url}`;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
    return `Unexpected response from ${url}: ${first.path}: ${first.message}${more}`;
  }
}

/** No answer within the configured timeout. */
export class SkolverketTimeoutError extends SkolverketError {
  override readonly name = "SkolverketTimeoutError";
  readonly code = "SKOLVERKET_TIMEOUT";
  constructor(url: string, timeoutMs: number, options?: { cause?: unknown }) {
    super(`Skolverket API did not answer within ${timeoutMs} ms: ${url}`, url, options);
  }
}

/** The request never got an HTTP answer (connection refused, DNS, reset…). */
export class SkolverketNetworkError extends SkolverketError {
  override readonly name = "SkolverketNetworkError";
  readonly code = "SKOLVERKET_NETWORK_ERROR";
  constructor(url: string, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : "";
    super(`Could not reach the Skolverket API at ${url}${reason}`, url, options);
  }
}

export function isSkolverketError(error: unknown): error is SkolverketError {
  return error instanceof SkolverketError;
}
