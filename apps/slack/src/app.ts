import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createChartRequestHandler, createEngine, type Engine } from "@samverkan/chat";
import type { Samverkan } from "@samverkan/sdk";
import type { AppOptions } from "@slack/bolt";
import type { ExtendedErrorHandlerArgs } from "@slack/bolt/dist/App";
import type { RetryOptions } from "@slack/web-api";
import type { Logger } from "pino";
import { App, HTTPReceiver } from "./bolt";
import type { SlackConfig } from "./config";
import type { HandlerDeps } from "./handler-deps";
import { createHttpServer, createRequestGauge, type HttpServerOptions } from "./http-server";
import { calendarRoutes } from "./calendar";
import { createInFlight } from "./in-flight";
import { registerBlockActions } from "./listeners/actions";
import { registerSlashCommand } from "./listeners/commands";
import { registerAppHome } from "./listeners/home-opened";
import { registerConversationEvents } from "./listeners/messages";
import { registerUnfurls } from "./listeners/unfurls";
import { registerViewSubmissions } from "./listeners/views";
import { boltLogger, createLogger, engineLogger } from "./logging";
import { refuseOutsiders } from "./refuse-outsiders";
import { shedLoad } from "./shed-load";
import { createResponseUrlPoster, type JsonPost } from "./response-url";
import { createWorkQueue } from "./work-queue";

/** Slack's one request URL for events, commands and interactivity. */
export const SLACK_ENDPOINT = "/slack/events";

/**
 * Web API retries: the WebClient waits out a 429's Retry-After itself and retries network
 * and 5xx failures; three attempts within ~10 s suit a chat answer (the default retries
 * for half an hour, long after anyone cares).
 */
export const WEB_API_RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true };

export interface CreateSlackAppOptions {
  config: Pick<SlackConfig, "botToken" | "signingSecret" | "appToken" | "allowedTeamIds" | "slackApiUrl" | "port" | "host" | "command">;
  samverkan: Samverkan;
  /** Defaults to `createEngine({ samverkan })`. */
  engine?: Engine;
  logger?: Logger;
  /** How answers share the event loop with acks (see work-queue.ts). */
  scheduling?: AnswerScheduling;
  /** Transport for `response_url` posts (default node:http(s) with keep-alive). */
  postJson?: JsonPost;
  /** Extra HTTP routes (`GET /metrics`) and an ack observer, for the production entry point. */
  http?: Pick<HttpServerOptions, "routes" | "onAck">;
}

export interface AnswerScheduling {
  /** Engine turns in flight at once after their acks (default 8). */
  concurrency?: number;
  /** Answers wait until no request has arrived for this long (default 5 ms)… */
  quietMs?: number;
  /** …but never longer than this per start (default 25 ms). */
  maxDeferMs?: number;
  /** Answers queued or running beyond which new requests get a "busy, try again" (default 256). */
  maxQueued?: number;
}

/** Answers waiting or running at once before requests are turned away (SLACK_WORK_QUEUE_LIMIT). */
export const DEFAULT_MAX_QUEUED = 256;

export type StartedSlackApp = { mode: "http"; url: string; port: number } | { mode: "socket" };

export interface SlackApp {
  readonly bolt: App;
  /** Checks the bot token (auth.test) and starts listening (HTTP) or connecting (Socket Mode). */
  start(): Promise<StartedSlackApp>;
  /**
   * Drains: new requests get 503 at once, requests and answers already accepted finish
   * (waiting at most `graceMs`), then the server closes. Resolves false when the grace ran out.
   */
  stop(graceMs?: number): Promise<boolean>;
  /** Resolves when every accepted request has been fully answered. */
  idle(): Promise<void>;
}

/** The Slack transport: Bolt around the conversation engine. Build it in-process for tests. */
export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const { config, samverkan } = options;
  const logger = options.logger ?? createLogger("info");
  const engine = options.engine ?? createEngine({ samverkan, logger: engineLogger(logger) });
  // Answers yield to acks: while requests arrive (or arrived moments ago), queued turns wait.
  const gauge = createRequestGauge();
  const quietMs = options.scheduling?.quietMs ?? 5;
  const work = createWorkQueue({
    concurrency: options.scheduling?.concurrency ?? 8,
    limit: options.scheduling?.maxQueued ?? DEFAULT_MAX_QUEUED,
    logger,
    busy: () => gauge.inFlight > 0 || performance.now() - gauge.lastActivity < quietMs,
    maxDeferMs: options.scheduling?.maxDeferMs ?? 25,
  });
  const postToResponseUrl = createResponseUrlPoster({ logger, ...(options.postJson ? { post: options.postJson } : {}) });
  const deps: HandlerDeps = { samverkan, engine, logger, work, postToResponseUrl };
  const socketMode = config.appToken !== undefined;

  const slackLogger = boltLogger(logger);
  const common: AppOptions = {
    token: config.botToken,
    logger: slackLogger,
    clientOptions: { slackApiUrl: config.slackApiUrl, retryConfig: WEB_API_RETRY, timeout: 10_000 },
    convoStore: false,
    extendedErrorHandler: true,
    deferInitialization: true,
  };
  let receiver: HTTPReceiver | undefined;
  let bolt: App;
  if (socketMode) {
    bolt = new App({ ...common, socketMode: true, appToken: config.appToken });
  } else {
    if (!config.signingSecret) throw new Error("SLACK_SIGNING_SECRET is required in HTTP mode.");
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_ENDPOINT,
      logger: slackLogger,
      processBeforeResponse: false,
    });
    bolt = new App({ ...common, receiver });
  }

  // Every request counts as in progress until its listener is done (for idle()).
  const inFlight = createInFlight();
  bolt.use(inFlight.middleware);
  bolt.use(refuseOutsiders({ allowedTeamIds: config.allowedTeamIds, logger, postToResponseUrl }));
  bolt.use(shedLoad({ work, logger, postToResponseUrl }));

  registerSlashCommand(bolt, deps, config.command);
  registerConversationEvents(bolt, deps);
  registerBlockActions(bolt, deps);
  registerViewSubmissions(bolt, deps);
  registerAppHome(bolt, deps);
  registerUnfurls(bolt, deps);

  bolt.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    logger.error({ err: error, request: describeRequest(body), teamId: context.teamId }, "unhandled error in a Slack listener");
  });

  let server: Server | undefined;
  let draining = false;

  async function idle(): Promise<void> {
    // A finished listener may have queued work, and queued work never adds requests: loop until both are quiet.
    for (;;) {
      await inFlight.drained();
      await work.idle();
      if (inFlight.count === 0 && work.pending === 0) return;
    }
  }

  return {
    bolt,
    idle,
    async start() {
      await bolt.init();
      // No HTTP receiver means Socket Mode.
      if (!receiver) {
        await bolt.start();
        logger.info("connected to Slack in Socket Mode");
        return { mode: "socket" };
      }
      const calendar = calendarRoutes(samverkan, logger);
      const charts = createChartRequestHandler(samverkan, { onError: (err) => logger.error({ err }, "chart request failed") });
      server = createHttpServer(receiver.requestListener, {
        endpoint: SLACK_ENDPOINT,
        logger,
        gauge,
        draining: () => draining,
        routes: (req, res) => Boolean(options.http?.routes?.(req, res)) || calendar(req, res) || charts(req, res),
        ...(options.http?.onAck ? { onAck: options.http.onAck } : {}),
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once("error", reject);
        listening.listen(config.port, config.host, () => {
          listening.off("error", reject);
          resolve();
        });
      });
      const { port } = listening.address() as AddressInfo;
      const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
      return { mode: "http", port, url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${SLACK_ENDPOINT}` };
    },
    async stop(graceMs = 10_000) {
      draining = true;
      if (socketMode) await bolt.stop();
      // Requests already inside (their acks) and the answers they queued finish; new ones get 503.
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const drained = await Promise.race([
        (async () => {
          while (gauge.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
          await idle();
          return true as const;
        })(),
        graceOver,
      ]);
      clearTimeout(timer);
      if (!drained) logger.warn({ pending: work.pending, requests: gauge.inFlight }, "grace period over with answers still in progress");
      if (server) {
        const closing = server;
        await new Promise<void>((resolve) => {
          closing.close(() => resolve());
          closing.closeAllConnections();
        });
      }
      return drained;
    },
  };
}

/** What kind of request failed, for the log: never the body itself (it holds tokens and user text). */
function describeRequest(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null) return {};
  const b = body as Record<string, unknown>;
  const event = typeof b.event === "object" && b.event !== null ? (b.event as Record<string, unknown>) : undefined;
  return {
    type: typeof b.type === "string" ? b.type : typeof b.command === "string" ? "slash_command" : undefined,
    event: typeof event?.type === "string" ? event.type : undefined,
    command: typeof b.command === "string" ? b.command : undefined,
  };
}
