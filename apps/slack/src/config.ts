import * as z from "zod";

/** Where the Slack app gets its settings: environment variables, checked once at start. */
export interface SlackConfig {
  botToken: string;
  /** Required in HTTP mode; Socket Mode does not sign requests. */
  signingSecret: string | undefined;
  /** Set → Socket Mode instead of HTTP. */
  appToken: string | undefined;
  /** Workspaces (T…) or Enterprise Grid orgs (E…) allowed to use the app; everything else is refused. */
  allowedTeamIds: ReadonlySet<string>;
  /** Web API base URL, always ending in `/`. */
  slackApiUrl: string;
  port: number;
  host: string;
  /** The slash command as configured in the manifest. */
  command: string;
  store: { kind: "postgres"; url: string; schema: string | undefined } | { kind: "sqlite"; file: string | undefined };
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Answers queued or running before requests get "busy, try again" (SLACK_WORK_QUEUE_LIMIT, default 256). */
  workQueueLimit: number;
  /** How long SIGTERM waits for accepted work before exiting (SHUTDOWN_GRACE_SECONDS, default 10). */
  shutdownGraceMs: number;
}

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** A missing or malformed setting; the message names every variable to fix, never its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Samverkan's Slack app is not configured:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

const TEAM_ID = /^[TE][A-Z0-9]{2,}$/;

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "SLACK_BOT_TOKEN is missing: set it to the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page." })
      .trim()
      .startsWith("xoxb-", "SLACK_BOT_TOKEN must be a bot token starting with xoxb- (see OAuth & Permissions)."),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().trim().startsWith("xapp-", "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens).").optional(),
  ),
  SLACK_ALLOWED_TEAM_IDS: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "SLACK_ALLOWED_TEAM_IDS is missing: list the workspace ids allowed to use Samverkan, comma-separated (e.g. T0123ABCD)." })
      .transform((text) =>
        text
          .split(",")
          .map((id) => id.trim())
          .filter((id) => id.length > 0),
      )
      .pipe(
        z
          .array(z.string().regex(TEAM_ID, "SLACK_ALLOWED_TEAM_IDS holds a value that is not a Slack team id (T…) or enterprise id (E…)."))
          .min(1, "SLACK_ALLOWED_TEAM_IDS is empty: list at least one workspace id (T…)."),
      ),
  ),
  SLACK_API_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/." })
      .transform((url) => (url.endsWith("/") ? url : `${url}/`))
      .default(DEFAULT_SLACK_API_URL),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "PORT must be a number." })
      .int("PORT must be a whole number.")
      .min(0, "PORT must be 0–65535.")
      .max(65535, "PORT must be 0–65535.")
      .default(3000),
  ),
  HOST: z.preprocess(blankToUndefined, z.string().trim().default("0.0.0.0")),
  SLACK_COMMAND: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\/[\w\-åäö]+$/i, "SLACK_COMMAND must look like /samverkan.")
      .default("/samverkan"),
  ),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (leave it unset to use SQLite).")
      .optional(),
  ),
  SAMVERKAN_PG_SCHEMA: optionalText,
  SAMVERKAN_DB: optionalText,
  SLACK_WORK_QUEUE_LIMIT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "SLACK_WORK_QUEUE_LIMIT must be a number." })
      .int("SLACK_WORK_QUEUE_LIMIT must be a whole number.")
      .min(1, "SLACK_WORK_QUEUE_LIMIT must be at least 1.")
      .default(256),
  ),
  SHUTDOWN_GRACE_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "SHUTDOWN_GRACE_SECONDS must be a number." })
      .min(0, "SHUTDOWN_GRACE_SECONDS must be 0 or more.")
      .max(600, "SHUTDOWN_GRACE_SECONDS must be at most 600.")
      .default(10),
  ),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.",
      })
      .default("info"),
  ),
});

const MISSING_SIGNING_SECRET =
  "SLACK_SIGNING_SECRET is missing: copy the Signing Secret from the app's Basic Information page (or set SLACK_APP_TOKEN for Socket Mode).";

/**
 * Checks the environment (read once by @samverkan/runtime's readEnv and passed in). Throws a ConfigError that lists every problem at once,
 * each naming its variable; secret values never appear in messages.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): SlackConfig {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? "");
        return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
      });
  // HTTP mode verifies every request with the signing secret; Socket Mode needs none.
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) problems.push(MISSING_SIGNING_SECRET);
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    allowedTeamIds: new Set(e.SLACK_ALLOWED_TEAM_IDS),
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    host: e.HOST,
    command: e.SLACK_COMMAND,
    store: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL, schema: e.SAMVERKAN_PG_SCHEMA } : { kind: "sqlite", file: e.SAMVERKAN_DB },
    logLevel: e.LOG_LEVEL,
    workQueueLimit: e.SLACK_WORK_QUEUE_LIMIT,
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
  };
}
