import type { Middleware } from "@microsoft/teams.common";

const RETRIED = new Set([429, 500, 502, 503, 504]);

/** `Retry-After` in seconds (or an HTTP date), capped; undefined when absent or unreadable. */
function retryAfterMs(value: unknown, now: number, capMs: number): number | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, capMs);
  const date = Date.parse(String(value));
  return Number.isNaN(date) ? undefined : Math.min(Math.max(date - now, 0), capMs);
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === "number" ? status : undefined;
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** First back-off when the connector gives no Retry-After; doubles each time. */
  baseDelayMs?: number;
  /** Longest wait between attempts, whatever Retry-After says. */
  maxDelayMs?: number;
}

/**
 * Retries Bot Connector calls that were throttled (429, honouring Retry-After) or failed
 * on the server side (5xx), as botbuilder's connector client did. 4xx answers such as 403
 * (bot removed) and 404 (conversation gone) are final and surface at once.
 */
export function connectorRetry(options: RetryOptions = {}): Middleware {
  const attempts = options.attempts ?? 3;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 10_000;
  return {
    async invoke(_context, next) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await next();
        } catch (error) {
          const status = statusOf(error);
          if (attempt >= attempts || status === undefined || !RETRIED.has(status)) throw error;
          const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
          const wait = retryAfterMs(headers?.["retry-after"], Date.now(), cap) ?? Math.min(base * 2 ** (attempt - 1), cap);
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    },
  };
}
