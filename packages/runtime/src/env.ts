import { Cron } from "croner";
import * as z from "zod";
import type { ScheduledSyncSettings } from "./scheduled-sync";
import { VARIABLES, type VariableName } from "./variables";

/** The Bot Framework SDK's spellings, which Azure's templates set; the Teams app reads them when ours are unset. */
export const BOTBUILDER_ALIASES = ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType", "MicrosoftAppTenantId"] as const;

/** The raw values of every documented variable, and nothing else from the environment. */
export type EnvSnapshot = Readonly<Partial<Record<VariableName | (typeof BOTBUILDER_ALIASES)[number], string>>>;

/** A missing or malformed setting; names each variable to fix, never its value. */
export class RuntimeEnvError extends Error {
  override readonly name = "RuntimeEnvError";
  constructor(readonly problems: string[]) {
    super(`Samverkan is not configured correctly:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value);
const optional = z.preprocess(blank, z.string().optional());

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The settings every app shares; app-specific ones (SLACK_*, MICROSOFT_*) are checked by each app's config. */
const sharedSchema = z.object({
  SAMVERKAN_DB: z.preprocess(blank, z.string().default("./data/samverkan.db")),
  DATABASE_URL: z.preprocess(
    blank,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (leave it unset to use SQLite).")
      .optional(),
  ),
  SAMVERKAN_PG_SCHEMA: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, "SAMVERKAN_PG_SCHEMA must be lower-case letters, digits and _.")
      .optional(),
  ),
  SKOLVERKET_API_URL: z.preprocess(blank, z.url({ protocol: /^https?$/, error: "SKOLVERKET_API_URL must be an http(s) URL." }).optional()),
  SKOLENHETSREGISTRET_API_URL: z.preprocess(blank, z.url({ protocol: /^https?$/, error: "SKOLENHETSREGISTRET_API_URL must be an http(s) URL." }).optional()),
  SAMVERKAN_SYNC_CRON: z.preprocess(
    blank,
    z
      .string()
      .refine((text) => {
        try {
          new Cron(text, { paused: true }).stop();
          return true;
        } catch {
          return false;
        }
      }, "SAMVERKAN_SYNC_CRON must be a cron expression such as 30 2 * * * (02:30 every night).")
      .optional(),
  ),
  SAMVERKAN_SYNC_MUNICIPALITIES: z.preprocess(
    blank,
    z
      .string()
      .transform((text) => text.split(/[\s,]+/).filter(Boolean))
      .refine(
        (codes) => codes.every((c) => /^\d{4}$/.test(c)),
        "SAMVERKAN_SYNC_MUNICIPALITIES must be 4-digit municipality codes, comma-separated, e.g. 0180,1480.",
      )
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(blank, z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}.` }).default("info")),
  SAMVERKAN_USER: optional,
  SAMVERKAN_LANG: z.preprocess(blank, z.string().default("sv")).transform((lang): "sv" | "en" => (lang.toLowerCase().startsWith("en") ? "en" : "sv")),
  SAMVERKAN_NOW: z.preprocess(
    blank,
    z
      .string()
      .refine((text) => !Number.isNaN(new Date(text).getTime()), "SAMVERKAN_NOW must be an ISO date-time such as 2026-11-23T09:00:00+01:00.")
      .transform((text) => new Date(text))
      .optional(),
  ),
  METRICS_TOKEN: z.preprocess(blank, z.string().min(16, "METRICS_TOKEN must be at least 16 characters.").optional()),
  METRICS_PORT: z.preprocess(
    blank,
    z.coerce.number({ error: "METRICS_PORT must be a number." }).int().min(0).max(65535, "METRICS_PORT must be 0–65535.").optional(),
  ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export type StoreSettings = { kind: "postgres"; url: string; schema: string | undefined } | { kind: "sqlite"; file: string };

export interface RuntimeEnv {
  store: StoreSettings;
  skolverketApiUrl: string | undefined;
  /** Skolenhetsregistret v2 base, when set (tests point it at a replay server). */
  registerApiUrl: string | undefined;
  logLevel: LogLevel;
  cli: { user: string | undefined; locale: "sv" | "en"; now: Date | undefined };
  metrics: { token: string | undefined; port: number | undefined };
  /** The nightly register and statistics refresh (off without a cron expression). */
  sync: ScheduledSyncSettings;
  /** Every documented variable as set, for the apps' own checks (Slack, Teams). */
  vars: EnvSnapshot;
}

/**
 * Reads the environment once and checks it: the only place Samverkan touches `process.env`
 * (besides the apps' entry points). Throws a RuntimeEnvError listing every problem.
 */
export function readEnv(source: Readonly<Record<string, string | undefined>> = process.env): RuntimeEnv {
  const vars: Record<string, string> = {};
  for (const name of [...VARIABLES.map((v) => v.name), ...BOTBUILDER_ALIASES]) {
    const value = source[name];
    if (value !== undefined) vars[name] = value;
  }
  const parsed = sharedSchema.safeParse(vars);
  if (!parsed.success) {
    throw new RuntimeEnvError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? "");
        return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    store: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL, schema: e.SAMVERKAN_PG_SCHEMA } : { kind: "sqlite", file: e.SAMVERKAN_DB },
    skolverketApiUrl: e.SKOLVERKET_API_URL,
    registerApiUrl: e.SKOLENHETSREGISTRET_API_URL,
    logLevel: e.LOG_LEVEL,
    cli: { user: e.SAMVERKAN_USER, locale: e.SAMVERKAN_LANG, now: e.SAMVERKAN_NOW },
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    sync: {
      cron: e.SAMVERKAN_SYNC_CRON,
      municipalities: e.SAMVERKAN_SYNC_MUNICIPALITIES ?? [],
      registerApiUrl: e.SKOLENHETSREGISTRET_API_URL,
      skolverketApiUrl: e.SKOLVERKET_API_URL,
    },
    vars: Object.freeze(vars),
  };
}
