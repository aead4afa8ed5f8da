import { pino, type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "./env";

export type { Logger };

/** Field names that may hold a secret anywhere in a logged object; pino blanks them out. */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "appPassword",
  "*.appPassword",
  "credentials",
  "*.credentials",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "DATABASE_URL",
  "*.DATABASE_URL",
  "METRICS_TOKEN",
  "*.METRICS_TOKEN",
  "MICROSOFT_APP_PASSWORD",
  "*.MICROSOFT_APP_PASSWORD",
  "SLACK_BOT_TOKEN",
  "*.SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "*.SLACK_SIGNING_SECRET",
];

export interface LoggerOptions {
  /** The app's name, on every line as `app`. */
  app: string;
  level?: LogLevel;
  /** More paths to redact, on top of REDACTED_PATHS. */
  redact?: string[];
  serializers?: Record<string, (value: unknown) => unknown>;
  /** Where lines go; stdout by default (tests capture them). */
  destination?: DestinationStream;
}

/** JSON lines through pino, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level ?? "info",
    base: { app: options.app },
    redact: { paths: [...REDACTED_PATHS, ...(options.redact ?? [])], censor: "[redacted]" },
    ...(options.serializers ? { serializers: options.serializers } : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
