import type { Logger as BoltLogger } from "@slack/bolt";
import { LogLevel } from "./bolt";
import type { EngineLogger } from "@samverkan/chat";
import { pino, type Logger } from "pino";

export type { Logger } from "pino";

/** Field names that may hold a secret anywhere in a logged object. */
const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
  "response_url",
  "*.response_url",
];

const TOKEN_PATTERN = /\b(xox[abposre]|xapp)-[A-Za-z0-9-]+/g;

/** Replaces anything shaped like a Slack token in free text (library messages, error texts). */
export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, "$1-[redacted]");
}

export function createLogger(level: string = "info", destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { app: "samverkan-slack" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Errors as plain objects with their Slack error code, scrubbed of tokens. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubSecrets(String(error)) };
  const out: Record<string, unknown> = { type: error.name, message: scrubSecrets(error.message) };
  const coded = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  if (typeof coded.code === "string") out.code = coded.code;
  if (typeof coded.data?.error === "string") out.slackError = coded.data.error;
  if (typeof coded.statusCode === "number") out.statusCode = coded.statusCode;
  if (error.stack) out.stack = scrubSecrets(error.stack);
  return out;
}

const BOLT_TO_PINO: Record<LogLevel, "error" | "warn" | "info" | "debug"> = {
  [LogLevel.ERROR]: "error",
  [LogLevel.WARN]: "warn",
  [LogLevel.INFO]: "info",
  [LogLevel.DEBUG]: "debug",
};

function pinoToBolt(level: string): LogLevel {
  if (level === "debug" || level === "trace") return LogLevel.DEBUG;
  if (level === "info") return LogLevel.INFO;
  if (level === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}

/** Bolt and the Web API client log through pino (component "bolt"), with tokens scrubbed. */
export function boltLogger(parent: Logger): BoltLogger {
  let logger = parent.child({ component: "bolt" });
  const write = (level: "error" | "warn" | "info" | "debug", args: unknown[]) => {
    if (!logger.isLevelEnabled(level)) return;
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const text = scrubSecrets(
      args
        .filter((arg) => arg !== error)
        .map((arg) => (typeof arg === "string" ? arg : safeJson(arg)))
        .join(" "),
    );
    if (error) logger[level]({ err: error }, text || scrubSecrets(error.message));
    else logger[level](text);
  };
  return {
    debug: (...args: unknown[]) => write("debug", args),
    info: (...args: unknown[]) => write("info", args),
    warn: (...args: unknown[]) => write("warn", args),
    error: (...args: unknown[]) => write("error", args),
    setLevel: (level: LogLevel) => {
      logger.level = BOLT_TO_PINO[level];
    },
    getLevel: () => pinoToBolt(logger.level),
    setName: (name: string) => {
      logger = logger.child({ name });
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The conversation engine's logger, as a pino child. */
export function engineLogger(parent: Logger): EngineLogger {
  const logger = parent.child({ component: "engine" });
  return {
    warn: (obj, msg) => logger.warn(obj, msg),
    error: (obj, msg) => logger.error(obj, msg),
  };
}
