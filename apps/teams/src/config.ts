import * as z from "zod";

/**
 * How the bot proves who it is to the Bot Connector. `SingleTenant` is what Azure creates
 * for new bots; `MultiTenant` is the older default; `UserAssignedMSI` uses a managed
 * identity instead of a secret.
 */
export type TeamsAppType = "SingleTenant" | "MultiTenant" | "UserAssignedMSI";

export interface TeamsCredentials {
  appId: string;
  appType: TeamsAppType;
  /** Absent for a managed identity. Never logged. */
  appPassword?: string;
  /** The bot's Entra ID tenant: required for SingleTenant and UserAssignedMSI. */
  appTenantId?: string;
}

export interface TeamsConfig {
  /** Undefined only in local development (TEAMS_DEV_NO_AUTH=1): requests are then not authenticated. */
  credentials?: TeamsCredentials;
  /** Entra ID tenants whose Teams users may use the bot. */
  allowedTenantIds: readonly string[];
  port: number;
  /**
   * Interface to listen on. Unset: every interface. Always loopback without authentication
   * (TEAMS_DEV_NO_AUTH=1), so an unauthenticated bot is never reachable from the network.
   */
  host?: string;
  /** How long SIGTERM waits for requests in progress before exiting (SHUTDOWN_GRACE_SECONDS, default 10). */
  shutdownGraceMs?: number;
}

/** A configuration problem, naming the environment variable to fix. */
export class TeamsConfigError extends Error {
  override readonly name = "TeamsConfigError";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_TYPES = ["SingleTenant", "MultiTenant", "UserAssignedMSI"] as const;

/** Empty strings count as unset, so `MICROSOFT_APP_ID=` in an .env file means "not set". */
const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value),
  z.string().optional(),
);

const envSchema = z.object({
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TYPE: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  TEAMS_ALLOWED_TENANT_IDS: optionalText,
  TEAMS_DEV_NO_AUTH: optionalText,
  PORT: optionalText,
  HOST: optionalText,
  NODE_ENV: optionalText,
  SHUTDOWN_GRACE_SECONDS: optionalText,
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export interface LoadedTeamsConfig {
  config: TeamsConfig;
  /** Things worth a loud log line at start-up (the caller owns the logger). */
  warnings: string[];
}

function guid(variable: string, value: string): string {
  if (!GUID.test(value)) throw new TeamsConfigError(variable, `"${value}" is not a GUID (e.g. 00000000-0000-0000-0000-000000000000).`);
  return value.toLowerCase();
}

function readPort(value: string | undefined): number {
  if (value === undefined) return 3978;
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TeamsConfigError("PORT", `"${value}" is not a port number (0–65535).`);
  }
  return port;
}

function readGrace(value: string | undefined): number {
  if (value === undefined) return 10_000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 600)
    throw new TeamsConfigError("SHUTDOWN_GRACE_SECONDS", `"${value}" is not a number of seconds (0–600).`);
  return Math.round(seconds * 1000);
}

function readAppType(value: string | undefined, tenantId: string | undefined): TeamsAppType {
  if (value === undefined) return tenantId ? "SingleTenant" : "MultiTenant";
  const match = APP_TYPES.find((type) => type.toLowerCase() === value.toLowerCase());
  if (!match) throw new TeamsConfigError("MICROSOFT_APP_TYPE", `"${value}" is not one of ${APP_TYPES.join(", ")}.`);
  return match;
}

function readCredentials(env: z.infer<typeof envSchema>, appIdValue: string): TeamsCredentials {
  const appId = guid("MICROSOFT_APP_ID", appIdValue);
  const appTenantId = env.MICROSOFT_APP_TENANT_ID ? guid("MICROSOFT_APP_TENANT_ID", env.MICROSOFT_APP_TENANT_ID) : undefined;
  const appType = readAppType(env.MICROSOFT_APP_TYPE, appTenantId);
  const password = env.MICROSOFT_APP_PASSWORD;
  if (appType === "UserAssignedMSI") {
    if (!appTenantId) throw new TeamsConfigError("MICROSOFT_APP_TENANT_ID", "is required when MICROSOFT_APP_TYPE=UserAssignedMSI.");
    if (password)
      throw new TeamsConfigError(
        "MICROSOFT_APP_PASSWORD",
        "must not be set when MICROSOFT_APP_TYPE=UserAssignedMSI (the managed identity replaces the secret).",
      );
    return { appId, appType, appTenantId };
  }
  if (!password) throw new TeamsConfigError("MICROSOFT_APP_PASSWORD", `is required with MICROSOFT_APP_ID (the client secret of the bot's app registration).`);
  if (appType === "SingleTenant" && !appTenantId) {
    throw new TeamsConfigError("MICROSOFT_APP_TENANT_ID", "is required when MICROSOFT_APP_TYPE=SingleTenant (the tenant of the bot's app registration).");
  }
  return { appId, appType, appPassword: password, ...(appTenantId ? { appTenantId } : {}) };
}

function readAllowedTenants(value: string | undefined, appTenantId: string | undefined): string[] {
  const listed = (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => guid("TEAMS_ALLOWED_TENANT_IDS", part));
  const tenants = listed.length > 0 ? listed : appTenantId ? [appTenantId] : [];
  if (tenants.length === 0) {
    throw new TeamsConfigError("TEAMS_ALLOWED_TENANT_IDS", "list the Entra ID tenant ids whose users may use the bot, separated by commas.");
  }
  return [...new Set(tenants)];
}

/** botbuilder's own setting names (Azure's bot templates use them), read when ours are unset. */
const BOTBUILDER_NAMES = {
  MICROSOFT_APP_ID: "MicrosoftAppId",
  MICROSOFT_APP_PASSWORD: "MicrosoftAppPassword",
  MICROSOFT_APP_TYPE: "MicrosoftAppType",
  MICROSOFT_APP_TENANT_ID: "MicrosoftAppTenantId",
} as const;

function withBotbuilderNames(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...env };
  for (const [ours, theirs] of Object.entries(BOTBUILDER_NAMES)) {
    if (!merged[ours]?.trim() && env[theirs]?.trim()) merged[ours] = env[theirs];
  }
  return merged;
}

/**
 * Reads the Teams app's settings from environment variables (MICROSOFT_APP_ID etc., or
 * botbuilder's MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId
 * when ours are unset). Throws a `TeamsConfigError` naming the variable to fix. Without
 * MICROSOFT_APP_ID the app refuses to start unless TEAMS_DEV_NO_AUTH=1, and then says
 * loudly (in `warnings`) that nothing is authenticated; it then listens on loopback only,
 * and refuses NODE_ENV=production.
 */
export function loadTeamsConfig(env: Readonly<Record<string, string | undefined>>): LoadedTeamsConfig {
  const parsed = envSchema.parse(withBotbuilderNames(env));
  const warnings: string[] = [];
  const devNoAuth = parsed.TEAMS_DEV_NO_AUTH === "1" || parsed.TEAMS_DEV_NO_AUTH?.toLowerCase() === "true";
  if (devNoAuth && parsed.NODE_ENV?.toLowerCase() === "production") {
    throw new TeamsConfigError(
      "TEAMS_DEV_NO_AUTH",
      "must not be set when NODE_ENV=production: it turns off authentication of /api/messages. Remove it and set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID.",
    );
  }
  let credentials: TeamsCredentials | undefined;
  if (parsed.MICROSOFT_APP_ID) {
    credentials = readCredentials(parsed, parsed.MICROSOFT_APP_ID);
    if (devNoAuth) warnings.push("TEAMS_DEV_NO_AUTH is ignored because MICROSOFT_APP_ID is set: every request is authenticated.");
  } else if (devNoAuth) {
    warnings.push(
      "TEAMS_DEV_NO_AUTH=1 and no MICROSOFT_APP_ID: requests to /api/messages are NOT AUTHENTICATED. Anyone who can reach this port can act as any Teams user. Local development and tests only.",
    );
  } else {
    throw new TeamsConfigError(
      "MICROSOFT_APP_ID",
      "is not set. Set the bot's app id (and MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID), or TEAMS_DEV_NO_AUTH=1 for local development without authentication.",
    );
  }
  let host = parsed.HOST;
  if (!credentials) {
    if (host !== undefined && !LOOPBACK.has(host.toLowerCase())) {
      throw new TeamsConfigError(
        "HOST",
        `"${host}" is not a loopback address: without authentication (TEAMS_DEV_NO_AUTH=1) the bot only listens on 127.0.0.1 or ::1.`,
      );
    }
    host ??= "127.0.0.1";
  }
  const config: TeamsConfig = {
    ...(credentials ? { credentials } : {}),
    allowedTenantIds: readAllowedTenants(parsed.TEAMS_ALLOWED_TENANT_IDS, credentials?.appTenantId),
    port: readPort(parsed.PORT),
    ...(host !== undefined ? { host } : {}),
    shutdownGraceMs: readGrace(parsed.SHUTDOWN_GRACE_SECONDS),
  };
  return { config, warnings };
}
