import { SamverkanError, type LocalizedText } from "../errors";

/** Stable machine-readable codes for every Skolverket client error. */
export type SkolverketErrorCode = "skolverket_http" | "skolverket_not_found" | "skolverket_invalid_response" | "skolverket_timeout" | "skolverket_network";

/** Base class: every error the client throws about a request is one of these. */
export abstract class SkolverketError extends SamverkanError {
  abstract override readonly code: SkolverketErrorCode;
  constructor(
    messages: LocalizedText,
    /** The full URL of the request that failed. */
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(messages, options);
  }
}

/** The API answered with an HTTP error status (after any retries). */
export class SkolverketHttpError extends SkolverketError {
  readonly code: SkolverketErrorCode = "skolverket_http";
  constructor(
    readonly status: number,
    url: string,
    options?: { cause?: unknown; messages?: LocalizedText },
  ) {
    super(
      options?.messages ?? {
        sv: `Skolverkets API svarade HTTP ${status} för ${url}`,
        en: `Skolverket API answered HTTP ${status} for ${url}`,
      },
      url,
      options,
    );
  }
}

/** HTTP 404: the school unit (or its statistics) does not exist. */
export class SkolverketNotFoundError extends SkolverketHttpError {
  override readonly code = "skolverket_not_found";
  constructor(url: string, options?: { cause?: unknown }) {
    super(404, url, {
      ...options,
      messages: { sv: `Skolverkets API har ingen sådan resurs: ${url}`, en: `Skolverket API has no such resource: ${url}` },
    });
  }
}

export type ResponseIssue = { path: string; message: string };

/** The body was not JSON, or not of the shape the client expects. */
export class SkolverketResponseError extends SkolverketError {
  readonly code = "skolverket_invalid_response";
  constructor(
    url: string,
    readonly issues: readonly ResponseIssue[],
    options?: { cause?: unknown },
  ) {
    super(SkolverketResponseError.describe(url, issues), url, options);
  }

  private static describe(url: string, issues: readonly ResponseIssue[]): LocalizedText {
    const [first] = issues;
    if (!first) return { sv: `Oväntat svar från ${url}`, en: `Unexpected response from ${url}` };
    const rest = issues.length - 1;
    const moreEn = rest > 0 ? ` (and ${rest} more issue${rest > 1 ? "s" : ""})` : "";
    const moreSv = rest > 0 ? ` (och ${rest} fel till)` : "";
    return {
      sv: `Oväntat svar från ${url}: ${first.path}: ${first.message}${moreSv}`,
      en: `Unexpected response from ${url}: ${first.path}: ${first.message}${moreEn}`,
    };
  }
}

/** No answer within the configured timeout. */
export class SkolverketTimeoutError extends SkolverketError {
  readonly code = "skolverket_timeout";
  constructor(url: string, timeoutMs: number, options?: { cause?: unknown }) {
    super(
      { sv: `Skolverkets API svarade inte inom ${timeoutMs} ms: ${url}`, en: `Skolverket API did not answer within ${timeoutMs} ms: ${url}` },
      url,
      options,
    );
  }
}

/** The request never got an HTTP answer (connection refused, DNS, reset…). */
export class SkolverketNetworkError extends SkolverketError {
  readonly code = "skolverket_network";
  constructor(url: string, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : "";
    super({ sv: `Kunde inte nå Skolverkets API på ${url}${reason}`, en: `Could not reach the Skolverket API at ${url}${reason}` }, url, options);
  }
}

export function isSkolverketError(error: unknown): error is SkolverketError {
  return error instanceof SkolverketError;
}
