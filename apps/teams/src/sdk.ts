import { App, type HttpRouteHandler, type IHttpServerAdapter, type IHttpServerResponse } from "@microsoft/teams.apps";
import { PUBLIC, type CloudEnvironment } from "@microsoft/teams.api";
import type { ILogger, LogLevel } from "@microsoft/teams.common";
import type { TeamsConfig } from "./config";
import { describeError, type Logger } from "./log";
import { connectorRetry } from "./proactive/retry";

/**
 * The Teams SDK's transport seam: the SDK registers its messaging route here, and our own
 * node:http server (src/http/server.ts) calls it after checking the body. The SDK then
 * validates the Bot Framework JWT (issuer, audience, signing keys from the cloud's OpenID
 * keys), runs the turn and returns the invoke response; we decide every other HTTP answer.
 */
export class SamverkanHttpAdapter implements IHttpServerAdapter {
  private handler?: HttpRouteHandler;

  registerRoute(_method: "POST", _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }

  /** Authenticates and runs one activity; 401 when the SDK refuses its token. */
  async handleActivity(headers: Record<string, string | string[] | undefined>, activity: Record<string, unknown>): Promise<IHttpServerResponse> {
    if (!this.handler) throw new Error("the Teams app is not initialized");
    const clean: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) clean[name] = value;
    return this.handler({ body: activity, headers: clean });
  }
}

/**
 * The SDK's errors are logged as warnings: it reports every refused token twice at error
 * level, so anyone could fill the error log; the failures that matter (a turn that failed,
 * a 500) are logged at error level by our own code.
 */
const LEVELS: Record<LogLevel, "warn" | "debug" | "trace"> = { error: "warn", warn: "warn", info: "debug", debug: "debug", trace: "trace" };

/**
 * The SDK's logger interface over pino. Only strings and the safe fields of errors are
 * logged: the SDK passes whole request bodies and HTTP errors (whose config holds the
 * bearer token) to its logger, and those never reach our logs. Its chatty info goes to debug,
 * its errors to warn (see LEVELS).
 */
export function sdkLogger(logger: Logger, name = "teams-sdk"): ILogger {
  const write = (level: LogLevel, msg: unknown[]) => {
    const text = msg.filter((part) => typeof part === "string" || typeof part === "number").join(" ");
    const error = msg.find((part) => part instanceof Error);
    logger[LEVELS[level]]({ sdk: name, ...(error ? { err: describeError(error) } : {}) }, text || "(teams sdk)");
  };
  return {
    debug: (...msg: unknown[]) => write("debug", msg),
    info: (...msg: unknown[]) => write("info", msg),
    warn: (...msg: unknown[]) => write("warn", msg),
    error: (...msg: unknown[]) => write("error", msg),
    trace: (...msg: unknown[]) => write("trace", msg),
    log: (level: LogLevel, ...msg: unknown[]) => write(level, msg),
    child: (child: string) => sdkLogger(logger, `${name}/${child}`),
  };
}

/** A bot token source in place of the client secret (tests issue their own tokens). */
export type BotTokenSource = (scope: string | string[], tenantId?: string) => string | Promise<string>;

export interface SdkAppOptions {
  config: TeamsConfig;
  logger: Logger;
  adapter: SamverkanHttpAdapter;
  /** Bot Framework endpoints (OpenID metadata, token issuer, login). Default: Microsoft's public cloud. */
  cloud?: CloudEnvironment;
  /** Outgoing bot tokens from here instead of Entra ID with the client secret. */
  botToken?: BotTokenSource;
}

/**
 * The Teams SDK app. Everything is passed explicitly, so the SDK's own environment
 * variables (CLIENT_ID, CLIENT_SECRET, TENANT_ID, CLOUD, SERVICE_URL,
 * DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS) never change what this app does.
 * Without credentials (TEAMS_DEV_NO_AUTH=1, loopback only) requests are not authenticated.
 */
export function createSdkApp(options: SdkAppOptions): App {
  const { config, logger } = options;
  const credentials = config.credentials;
  const secret = options.botToken ? {} : credentials?.appPassword ? { clientSecret: credentials.appPassword } : {};
  return new App({
    clientId: credentials?.appId ?? "",
    ...secret,
    ...(options.botToken && credentials ? { token: options.botToken } : {}),
    // "" (not undefined) so the SDK falls back to the Bot Framework tenant, not to TENANT_ID.
    tenantId: credentials?.appTenantId ?? "",
    ...(credentials?.appType === "UserAssignedMSI" ? { managedIdentityClientId: credentials.appId } : {}),
    cloud: options.cloud ?? PUBLIC,
    // Outgoing calls go to each activity's (or stored reference's) serviceUrl; this is the SDK's fallback only.
    serviceUrl: "https://smba.trafficmanager.net/teams",
    dangerouslyAllowUnauthenticatedRequests: !credentials,
    httpServerAdapter: options.adapter,
    logger: sdkLogger(logger),
    client: { middlewares: [connectorRetry()] },
    telemetry: { agent365: false },
  });
}
