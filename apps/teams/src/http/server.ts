import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { BodyTooLargeError, readBoundedBody } from "@samverkan/runtime";
import { inboundActivitySchema } from "../activity/schema";
import type { Logger } from "../log";
import { describeError, errorStatus } from "../log";
import type { RequestTracker } from "./in-flight";

/** Teams activities are a few KB; a dialog submit with every input stays well under this. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Authenticates one activity and runs its turn: the Teams SDK behind its transport seam. */
export interface ActivityProcessor {
  handleActivity(headers: Record<string, string | string[] | undefined>, activity: Record<string, unknown>): Promise<{ status: number; body?: unknown }>;
}

export interface MessagesServerOptions {
  adapter: ActivityProcessor;
  logger: Logger;
  /** Counts requests in progress (each runs its turn), so shutdown can wait for them. */
  tracker?: RequestTracker;
  /** True once shutdown began: new requests get 503 (the connector retries elsewhere). */
  draining?: () => boolean;
  /** Extra GET routes (the calendar feed); returns true when it answered the request. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Called when the answer to a POST /api/messages has gone out, with its status. */
  onAnswer?: (status: number) => void;
}

function respond(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", ...headers });
  res.end(text);
}

/** `application/json; charset=utf-8` → `application/json`. */
function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

/**
 * POST /api/messages: reads and checks the body, has the Teams SDK authenticate the JWT
 * (issuer, audience, signing keys, serviceUrl claim) and run the turn, and answers with the invoke response (if any). GET /healthz answers 200.
 * Unknown paths 404, wrong methods 405 (with Allow), bodies that are not JSON activities 400,
 * oversized ones 413; once draining, 503. A failing request never takes the process down:
 * every error becomes a logged 4xx/5xx.
 */
export function createMessagesServer(options: MessagesServerOptions): Server {
  const { adapter, logger } = options;

  async function handleMessages(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (mediaType(req) !== "application/json") {
      req.resume();
      return respond(res, 400, "Request body must be application/json.");
    }
    let raw: string;
    try {
      raw = (await readBoundedBody(req, MAX_BODY_BYTES)).toString("utf8");
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return respond(res, 413, "Request body too large.", { connection: "close" });
      }
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return respond(res, 400, "Request body is not JSON.");
    }
    const parsed = inboundActivitySchema.safeParse(json);
    if (!parsed.success) {
      logger.warn(
        { issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) },
        "rejected a request that is not a Bot Framework activity",
      );
      return respond(res, 400, "Request body is not a Bot Framework activity.");
    }
    const activity: Record<string, unknown> = { ...parsed.data };
    const header = req.headers.authorization ?? "";
    try {
      // Validated above for the fields we rely on; the SDK reads the rest as Teams sent it.
      const answer = await adapter.handleActivity(req.headers, activity);
      if (answer.status === 401) {
        const reason = (answer.body as { error?: unknown } | undefined)?.error;
        logger.warn(
          { status: 401, reason: typeof reason === "string" ? reason : undefined, activityType: parsed.data.type, withAuthorization: header.length > 0 },
          "rejected an unauthenticated request",
        );
        return respond(res, 401, "Unauthorized.");
      }
      if (answer.status >= 500) {
        logger.error({ status: answer.status, activityType: parsed.data.type }, "could not process an activity");
        return respond(res, answer.status, "Internal error.");
      }
      respond(res, answer.status, answer.body ?? undefined);
    } catch (error) {
      logger.error({ err: describeError(error), activityType: parsed.data.type, status: errorStatus(error) }, "could not process an activity");
      respond(res, 500, "Internal error.");
    }
  }

  const draining = options.draining ?? (() => false);

  function route(req: IncomingMessage, res: ServerResponse): Promise<void> | void {
    const path = (req.url ?? "/").split("?")[0];
    const method = req.method ?? "GET";
    if (options.routes?.(req, res)) return;
    if (path === "/healthz") {
      req.resume();
      if (method !== "GET" && method !== "HEAD") return respond(res, 405, "Use GET.", { allow: "GET, HEAD" });
      if (draining()) return respond(res, 503, "Shutting down.", { connection: "close" });
      return method === "HEAD" ? respond(res, 200, undefined, { "content-type": "application/json; charset=utf-8" }) : respond(res, 200, { ok: true });
    }
    if (options.routes?.(req, res)) return;
    if (path !== "/api/messages") {
      req.resume();
      return respond(res, 404, "Not found.");
    }
    const onAnswer = options.onAnswer;
    if (onAnswer && method === "POST") res.once("finish", () => onAnswer(res.statusCode));
    if (method !== "POST") {
      req.resume();
      return respond(res, 405, "Use POST.", { allow: "POST" });
    }
    if (draining()) {
      req.resume();
      return respond(res, 503, "Shutting down; try again.", { connection: "close", "retry-after": "5" });
    }
    options.tracker?.track(res);
    return handleMessages(req, res);
  }

  const server = createServer((req, res) => {
    const fail = (error: unknown) => {
      logger.error({ err: describeError(error), path: (req.url ?? "").split("?")[0] }, "request failed");
      respond(res, 500, "Internal error.");
    };
    try {
      route(req, res)?.catch(fail);
    } catch (error) {
      fail(error);
    }
  });
  // Slow or stuck clients do not hold sockets open for Node's default five minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
