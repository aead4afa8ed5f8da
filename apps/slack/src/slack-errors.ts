import { ErrorCode, type WebAPICallError } from "@slack/web-api";
import type { Logger } from "pino";

/** Slack error codes that mean the token no longer works: nothing will succeed until someone fixes it. */
const AUTH_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "no_permission",
  "missing_scope",
  "team_access_not_granted",
]);
/** Codes that mean "not this conversation": worth a fallback, not an alarm. */
export const UNREACHABLE_CONVERSATION = new Set(["channel_not_found", "not_in_channel", "is_archived", "cannot_dm_bot", "user_not_found"]);

export type SlackCallResult<T> = { ok: true; value: T } | { ok: false; code: string };

/** Where a Web API call went, for the log line. Never pass tokens or message text. */
export interface SlackCallContext {
  channel?: string | undefined;
  user?: string | undefined;
  view?: string | undefined;
}

function isWebApiError(error: unknown): error is WebAPICallError {
  return error instanceof Error && "code" in error && Object.values(ErrorCode).includes((error as { code: ErrorCode }).code);
}

/** The Slack error code of a failed call (`channel_not_found`, `ratelimited`, `http_500`, `request_error`…). */
export function slackErrorCode(error: unknown): string {
  if (!isWebApiError(error)) return error instanceof Error ? error.name : "unknown_error";
  switch (error.code) {
    case ErrorCode.PlatformError:
      return error.data.error;
    case ErrorCode.RateLimitedError:
      return "ratelimited";
    case ErrorCode.HTTPError:
      return `http_${error.statusCode}`;
    case ErrorCode.RequestError:
      return "request_error";
  }
}

/**
 * Runs one Web API call and never throws: failures are logged with the method, the
 * conversation and Slack's error code (the WebClient has already retried 429s and network
 * errors by then), and returned as `{ ok: false, code }` for the caller to fall back on.
 */
export async function callSlack<T>(logger: Logger, method: string, context: SlackCallContext, call: () => Promise<T>): Promise<SlackCallResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const code = slackErrorCode(error);
    const fields = { method, ...context, slackError: code };
    if (AUTH_ERRORS.has(code)) {
      logger.error(fields, "Slack rejected the bot token or its scopes; reinstall the app or update SLACK_BOT_TOKEN");
    } else if (UNREACHABLE_CONVERSATION.has(code)) {
      logger.warn(fields, "Slack conversation not reachable");
    } else if (code === "ratelimited") {
      logger.warn(fields, "Slack rate limit: call dropped after retries");
    } else {
      logger.error({ ...fields, err: error }, "Slack Web API call failed");
    }
    return { ok: false, code };
  }
}
