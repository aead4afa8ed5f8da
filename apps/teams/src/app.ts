import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Application } from "@microsoft/teams-ai";
import { createChartRequestHandler, type Engine } from "@samverkan/chat";
import type { Samverkan } from "@samverkan/sdk";
import { ActivityTypes } from "botbuilder";
import { createAdapter, type SamverkanTeamsAdapter } from "./adapter";
import type { TeamsConfig } from "./config";
import { createDialogStore } from "./dialogs/dialog-store";
import { createActionExecuteHandler } from "./handlers/action-execute";
import { createDialogFetchHandler, createDialogSubmitHandler } from "./handlers/dialog";
import { createInstallHandlers } from "./handlers/install";
import { createMessageHandler } from "./handlers/message";
import { createSchoolSearchHandler, SEARCH_COMMAND_ID } from "./handlers/message-extension";
import { createRequestTracker } from "./http/in-flight";
import { createMessagesServer, type MessagesServerOptions } from "./http/server";
import type { Logger } from "./log";
import { createConversationReferences, type ConversationReferences } from "./proactive/references";
import { createSendProactive, type SendProactive } from "./proactive/send-proactive";
import { DIALOG_VERB } from "./render/dialog-card";
import { createTurnGuard } from "./turn/guard";
import { createTurnErrorHandler } from "./turn/turn-error";
import { calendarRoutes } from "./calendar";

export interface TeamsAppOptions {
  config: TeamsConfig;
  samverkan: Samverkan;
  engine: Engine;
  logger: Logger;
  /** Extra HTTP routes (`GET /metrics`) and an answer observer, for the production entry point. */
  http?: Pick<MessagesServerOptions, "routes" | "onAnswer">;
}

export interface TeamsApp {
  /** The teams-ai application (routes registered). */
  readonly application: Application;
  readonly adapter: SamverkanTeamsAdapter;
  /** The HTTP server with POST /api/messages; not listening until `listen`. */
  readonly server: Server;
  /** Conversation references stored on install. */
  readonly conversations: ConversationReferences;
  /** Posts into a conversation the app is installed in; see `TeamsConversationGoneError`. */
  readonly sendProactive: SendProactive;
  /** Starts listening (on `config.host` unless given); resolves with the bound port (pass 0 for any free port). */
  listen(port?: number, host?: string): Promise<number>;
  /**
   * Drains: new requests get 503 at once, requests in progress (each runs its turn) finish,
   * waiting at most `graceMs`, then the server closes. Resolves false when the grace ran out.
   */
  drain(graceMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The Teams transport: a teams-ai Application on a botbuilder CloudAdapter, served over
 * node:http. Everything it needs is passed in, so tests build it in-process against a
 * real store and a fake Bot Connector.
 */
export function createTeamsApp(options: TeamsAppOptions): TeamsApp {
  const { config, samverkan, engine, logger } = options;
  if (!config.credentials) {
    logger.warn("Bot Framework authentication is OFF (no MICROSOFT_APP_ID, TEAMS_DEV_NO_AUTH=1): requests to /api/messages are NOT authenticated. Local development and tests only.");
  }
  const adapter = createAdapter(config);
  const application = new Application({
    adapter,
    botAppId: config.credentials?.appId ?? "",
    // We strip <at> mentions ourselves (and only act on mentions in channels and groups).
    removeRecipientMention: false,
    // teams-ai keeps one typing timer per application, not per turn: racy under concurrency.
    startTypingTimer: false,
  });
  application.error(createTurnErrorHandler(logger));

  const dialogs = createDialogStore(samverkan);
  const conversations = createConversationReferences(samverkan);
  const install = createInstallHandlers({ references: conversations, logger, clock: () => samverkan.clock() });
  const onSchoolSearch = createSchoolSearchHandler(engine);
  const onDialogFetch = createDialogFetchHandler(dialogs);
  const onDialogSubmit = createDialogSubmitHandler(engine, dialogs);

  application.turn("beforeTurn", createTurnGuard({ samverkan, allowedTenantIds: config.allowedTenantIds, logger }));
  application.adaptiveCards.actionExecute(/.+/, createActionExecuteHandler(engine, dialogs));
  application.taskModules.fetch(DIALOG_VERB, (context, _state, data) => onDialogFetch(context, data));
  application.taskModules.submit(DIALOG_VERB, (context, _state, data) => onDialogSubmit(context, data));
  application.messageExtensions.query(SEARCH_COMMAND_ID, (context, _state, query) => onSchoolSearch(context, query.parameters, { skip: query.skip }));
  application.conversationUpdate("membersAdded", (context) => install.membersAdded(context));
  application.conversationUpdate("membersRemoved", (context) => install.membersRemoved(context));
  application.activity(ActivityTypes.InstallationUpdate, (context) => install.installationUpdate(context));
  application.activity(ActivityTypes.Message, createMessageHandler(engine, dialogs, conversations, () => samverkan.clock()));

  const tracker = createRequestTracker();
  let draining = false;
  const calendar = calendarRoutes(samverkan, logger);
  const charts = createChartRequestHandler(samverkan, { onError: (err) => logger.error({ err }, "chart request failed") });
  const server = createMessagesServer({
    tracker,
    draining: () => draining,
    adapter,
    logic: async (context) => {
      await application.run(context);
    },
    logger,
    routes: (req, res) => Boolean(options.http?.routes?.(req, res)) || calendar(req, res) || charts(req, res),
    ...(options.http?.onAnswer ? { onAnswer: options.http.onAnswer } : {}),
  });
  const sendProactive = createSendProactive({ adapter, appId: config.credentials?.appId ?? "", references: conversations });

  return {
    application,
    adapter,
    server,
    conversations,
    sendProactive,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    async drain(graceMs) {
      draining = true;
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([tracker.idle().then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
      clearTimeout(timer);
      if (!drained) logger.warn({ requests: tracker.count }, "grace period over with requests still in progress");
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return drained;
    },
    close() {
      return new Promise((resolve, reject) => {
        server.closeIdleConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
