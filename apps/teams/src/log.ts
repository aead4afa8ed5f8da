import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** Paths pino blanks out wherever they appear in a log line: secrets never reach the logs. */
export const REDACTED_PATHS = [
  "appPassword",
  "*.appPassword",
  "credentials",
  "*.credentials",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "MICROSOFT_APP_PASSWORD",
  "*.MICROSOFT_APP_PASSWORD",
];

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go; stdout by default (tests capture them). */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    name: options.name ?? "samverkan-teams",
    level: options.level ?? "info",
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** HTTP status of a Bot Connector (or authentication) error, when it has one. */
export function errorStatus(error: unknown): number | undefined {
  if (!error || typeof error !== "object") return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === "number") return status;
  // The Teams SDK's HTTP client (axios) puts the connector's answer under `response`.
  const response = (error as { response?: { status?: unknown } }).response;
  return typeof response?.status === "number" ? response.status : undefined;
}

/** The Bot Connector's own error code (`BotNotInConversationRoster`, …) from an HTTP error's answer. */
function connectorCode(error: unknown): string | undefined {
  const data = (error as { response?: { data?: { error?: { code?: unknown } } } }).response?.data;
  const code = data?.error?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * The fields of an error that are safe to log. Connector errors (axios errors) carry the
 * outgoing request, whose headers hold the bot's bearer token; we log only these fields.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = connectorCode(error) ?? (error as { code?: unknown }).code;
  const status = errorStatus(error);
  return {
    name: error.name,
    message: error.message,
    ...(status !== undefined ? { statusCode: status } : {}),
    ...(typeof code === "string" ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
