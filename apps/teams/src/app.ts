import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { App, IActivityContext } from "@microsoft/teams.apps";
import type { CloudEnvironment } from "@microsoft/teams.api";
import { createChartRequestHandler, type AdaptiveCard, type Engine } from "@samverkan/chat";
import type { Samverkan } from "@samverkan/sdk";
import type { TeamsConfig } from "./config";
import { createDialogStore } from "./dialogs/dialog-store";
import { createActionExecuteHandler } from "./handlers/action-execute";
import { createDialogFetchHandler, createDialogSubmitHandler, type TaskModuleTaskInfo } from "./handlers/dialog";
import { createInstallHandlers } from "./handlers/install";
import { createMessageHandler } from "./handlers/message";
import { createSchoolSearchHandler, SEARCH_COMMAND_ID } from "./handlers/message-extension";
import { createRequestTracker } from "./http/in-flight";
import { createMessagesServer, type MessagesServerOptions } from "./http/server";
import type { Logger } from "./log";
import { createPostToConversation, type PostToConversation } from "./proactive/post";
import { createConversationReferences, type ConversationReferences } from "./proactive/references";
import { createSendProactive, type SendProactive } from "./proactive/send-proactive";
import { DIALOG_VERB } from "./render/dialog-card";
import { createSdkApp, SamverkanHttpAdapter, type BotTokenSource } from "./sdk";
import { createTurnGuard } from "./turn/guard";
import { invokeMessageResponse } from "./turn/invoke-message";
import type { InvokeAnswer } from "./turn/send";
import { turnOf, type Turn } from "./turn/turn";
import { createTurnErrorHandler } from "./turn/turn-error";
import { calendarRoutes } from "./calendar";

export interface TeamsAppOptions {
  config: TeamsConfig;
  samverkan: Samverkan;
  engine: Engine;
  logger: Logger;
  /** Extra HTTP routes (`GET /metrics`) and an answer observer, for the production entry point. */
  http?: Pick<MessagesServerOptions, "routes" | "onAnswer">;
  /** Bot Framework endpoints (OpenID keys, issuer); Microsoft's public cloud unless given (tests point it at loopback). */
  cloud?: CloudEnvironment;
  /** Outgoing bot tokens from here instead of Entra ID (tests). */
  botToken?: BotTokenSource;
}

export interface TeamsApp {
  /** The Teams SDK application (its HTTP transport is ours). */
  readonly sdk: App;
  /** The HTTP server with POST /api/messages; not listening until `listen`. */
  readonly server: Server;
  /** Conversation references stored on install. */
  readonly conversations: ConversationReferences;
  /** Posts an activity to a stored conversation reference: the proactive seam (digests, nudges). */
  readonly post: PostToConversation;
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

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

/** `Action.Execute`: the card that replaces the clicked one, or a note under it. */
function executeAnswer(result: AdaptiveCard | string): InvokeAnswer {
  if (typeof result === "string") return invokeMessageResponse("adaptiveCard/action", result);
  return { status: 200, body: { statusCode: 200, type: ADAPTIVE, value: result } };
}

/** `task/fetch` and `task/submit`: show (or keep showing) a form, say something, or close. */
function dialogAnswer(result: TaskModuleTaskInfo | string | null): InvokeAnswer {
  if (result === null) return { status: 200 };
  if (typeof result === "string") return invokeMessageResponse("task/submit", result);
  return { status: 200, body: { task: { type: "continue", value: result } } };
}

/** The `data` a dialog's card submitted (task/fetch and task/submit carry it the same way). */
function taskData(activity: unknown): unknown {
  return (activity as { value?: { data?: unknown } } | null)?.value?.data;
}

interface ComposeQuery {
  commandId?: unknown;
  parameters?: Array<{ name?: unknown; value?: unknown }>;
  queryOptions?: { skip?: unknown };
}

/**
 * The Teams transport: a Teams SDK app whose HTTP transport is our node:http server.
 * One middleware runs every activity: the guard (tenant allow-list, de-duplication),
 * then the handler for its kind, and turns a failure into a logged apology. Everything
 * it needs is passed in, so tests build it in-process against a real store and a fake
 * Bot Connector.
 */
export function createTeamsApp(options: TeamsAppOptions): TeamsApp {
  const { config, samverkan, engine, logger } = options;
  if (!config.credentials) {
    logger.warn(
      "Bot Framework authentication is OFF (no MICROSOFT_APP_ID, TEAMS_DEV_NO_AUTH=1): requests to /api/messages are NOT authenticated. Local development and tests only.",
    );
  }
  const adapter = new SamverkanHttpAdapter();
  const sdk = createSdkApp({
    config,
    logger,
    adapter,
    ...(options.cloud ? { cloud: options.cloud } : {}),
    ...(options.botToken ? { botToken: options.botToken } : {}),
  });

  const dialogs = createDialogStore(samverkan);
  const conversations = createConversationReferences(samverkan);
  const install = createInstallHandlers({ references: conversations, logger, clock: () => samverkan.clock() });
  const onSchoolSearch = createSchoolSearchHandler(engine);
  const onDialogFetch = createDialogFetchHandler(dialogs);
  const onDialogSubmit = createDialogSubmitHandler(engine, dialogs);
  const onExecute = createActionExecuteHandler(engine, dialogs);
  const onMessage = createMessageHandler(engine, dialogs, conversations, () => samverkan.clock());
  const guard = createTurnGuard({ samverkan, allowedTenantIds: config.allowedTenantIds, logger });
  const onError = createTurnErrorHandler(logger);

  /** The turn for one activity; resolves with the invoke's answer (undefined: an empty 200). */
  async function run(turn: Turn): Promise<InvokeAnswer | undefined> {
    const activity = turn.activity as { type?: unknown; name?: unknown; value?: unknown; channelData?: { eventType?: unknown } };
    switch (activity.type) {
      case "message":
        await onMessage(turn);
        return undefined;
      case "conversationUpdate":
        await install.membersAdded(turn);
        await install.membersRemoved(turn);
        return undefined;
      case "installationUpdate":
        await install.installationUpdate(turn);
        return undefined;
      case "invoke":
        break;
      default:
        return undefined;
    }
    const data = taskData(activity);
    const verb = (data as { verb?: unknown } | undefined)?.verb;
    switch (activity.name) {
      case "adaptiveCard/action":
        return executeAnswer(await onExecute(turn));
      case "task/fetch":
        return verb === DIALOG_VERB ? dialogAnswer(await onDialogFetch(turn, data)) : { status: 200 };
      case "task/submit":
        return verb === DIALOG_VERB ? dialogAnswer(await onDialogSubmit(turn, data)) : { status: 200 };
      case "composeExtension/query": {
        const query = (activity.value ?? {}) as ComposeQuery;
        if (query.commandId !== SEARCH_COMMAND_ID) return { status: 200 };
        const parameters: Record<string, unknown> = {};
        for (const parameter of query.parameters ?? []) if (typeof parameter?.name === "string") parameters[parameter.name] = parameter.value;
        const skip = typeof query.queryOptions?.skip === "number" ? query.queryOptions.skip : 0;
        return { status: 200, body: { composeExtension: await onSchoolSearch(turn, parameters, { skip }) } };
      }
      default:
        return { status: 200 };
    }
  }

  sdk.use(async (ctx: IActivityContext) => {
    const turn = turnOf(ctx);
    try {
      const decision = await guard(turn);
      const answer = decision.pass ? await run(turn) : decision.answer;
      return answer ?? { status: 200 };
    } catch (error) {
      return (await onError(turn, error)) ?? { status: 200 };
    }
  });

  const tracker = createRequestTracker();
  let draining = false;
  const calendar = calendarRoutes(samverkan, logger);
  const charts = createChartRequestHandler(samverkan, { onError: (err) => logger.error({ err }, "chart request failed") });
  const server = createMessagesServer({
    tracker,
    draining: () => draining,
    adapter,
    logger,
    routes: (req, res) => Boolean(options.http?.routes?.(req, res)) || calendar(req, res) || charts(req, res),
    ...(options.http?.onAnswer ? { onAnswer: options.http.onAnswer } : {}),
  });
  const post = createPostToConversation(sdk.api);
  const sendProactive = createSendProactive({ post, references: conversations });
  let initialized: Promise<void> | undefined;

  return {
    sdk,
    server,
    conversations,
    post,
    sendProactive,
    async listen(port = config.port, host = config.host) {
      // Registers the SDK's messaging route with our transport and sets up token validation.
      await (initialized ??= sdk.initialize());
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
      const drained = await Promise.race([
        tracker.idle().then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
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
