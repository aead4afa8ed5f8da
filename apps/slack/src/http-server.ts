import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { BodyTooLargeError, readBoundedBody } from "@samverkan/runtime";
import type { Logger } from "pino";

/** Requests on Slack's endpoint whose ack has not gone out yet, and when one last came or went. */
export interface RequestGauge {
  inFlight: number;
  /** `performance.now()` of the latest arrival or ack. */
  lastActivity: number;
}

export function createRequestGauge(): RequestGauge {
  return { inFlight: 0, lastActivity: 0 };
}

/**
 * Slack's requests are a few KB; a modal submission with every input stays far below this.
 * Bolt's own limit (4 MB) would let a stranger make us buffer much more before the signature check.
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  /** Counts requests until their response (the ack) is sent; background work yields to them. */
  gauge?: RequestGauge;
  /** Slack's request URL path, e.g. `/slack/events`. */
  endpoint: string;
  logger: Logger;
  /** Seconds a request timestamp may lie in the future (Bolt itself only rejects stale ones). */
  maxClockSkewSeconds?: number;
  maxBodyBytes?: number;
  /** True once shutdown began: every new request gets 503 so load balancers and Slack go elsewhere. */
  draining?: () => boolean;
  now?: () => number;
  /** Called when a response to Slack's endpoint has gone out (the ack), with its status. */
  onAck?: (status: number) => void;
  /** Extra GET routes (the calendar feed); returns true when it answered the request. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** Bolt reuses a body already read when it finds it here (`BufferedIncomingMessage`). */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

function answer(res: ServerResponse, status: number, error: string | undefined, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const body = error === undefined ? '{"ok":true}' : JSON.stringify({ ok: false, error });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(body);
}

/** The media type without parameters, lower case (`application/json; charset=utf-8` → `application/json`). */
function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

function isObjectWithType(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === "string";
}

/**
 * Whether a body has one of the shapes Slack sends to a request URL: a JSON event envelope
 * (`type`), or a form with a slash command, an interactivity `payload`, or an SSL check.
 * Anything else is refused before Bolt sees it (Bolt would answer some with a hanging request).
 */
export function looksLikeSlack(type: string, body: string): boolean {
  try {
    if (type === JSON_TYPE) return isObjectWithType(JSON.parse(body));
    const form = parseQuery(body);
    if (form.ssl_check === "1") return true;
    if (typeof form.command === "string") return true;
    if (typeof form.payload === "string") return isObjectWithType(JSON.parse(form.payload));
    return false;
  } catch {
    return false;
  }
}

/**
 * The HTTP front door. Bolt's receiver only knows Slack's endpoint, and throws (killing the
 * process) for anything else, so everything is routed here first:
 * - `GET|HEAD /healthz` → 200 for load balancers; 503 once draining;
 * - `POST /slack/events` with a body Slack could have sent → Bolt, which verifies the v0
 *   signature and rejects stale timestamps (timestamps far in the future are refused here);
 * - unknown paths 404, wrong methods 405 (with Allow), bodies that are not Slack's 400,
 *   oversized bodies 413, each with a small JSON body.
 * Nothing a client sends can throw out of the listener.
 */
export function createHttpServer(slack: RequestListener, options: HttpServerOptions): Server {
  const skew = options.maxClockSkewSeconds ?? 300;
  const now = options.now ?? Date.now;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const draining = options.draining ?? (() => false);
  const logger = options.logger;

  async function toSlack(req: BufferedRequest, res: ServerResponse): Promise<void> {
    const header = req.headers["x-slack-request-timestamp"];
    const timestamp = typeof header === "string" ? Number(header) : Number.NaN;
    if (Number.isFinite(timestamp) && timestamp > Math.floor(now() / 1000) + skew) {
      logger.warn({ timestamp }, "request refused: timestamp too far in the future");
      req.resume();
      return answer(res, 401, "invalid_timestamp");
    }
    const type = mediaType(req);
    if (type !== JSON_TYPE && type !== FORM) {
      req.resume();
      return answer(res, 400, "unsupported_content_type");
    }
    let body: Buffer;
    try {
      body = await readBoundedBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        logger.warn({ limit }, "request refused: body too large");
        return answer(res, 413, "body_too_large", { connection: "close" });
      }
      logger.debug({ err: error }, "request body could not be read");
      return;
    }
    if (!looksLikeSlack(type, body.toString("utf8"))) {
      logger.warn({ contentType: type, bytes: body.length }, "request refused: not a Slack request body");
      return answer(res, 400, "not_a_slack_request");
    }
    // Bolt tells forms from JSON by the exact header; the signature covers the body only.
    req.headers["content-type"] = type;
    req.rawBody = body;
    slack(req, res);
  }

  function route(req: BufferedRequest, res: ServerResponse): void | Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    const method = req.method ?? "GET";
    if (options.routes?.(req, res)) return;
    if (path === "/healthz") {
      req.resume();
      if (method !== "GET" && method !== "HEAD") return answer(res, 405, "method_not_allowed", { allow: "GET, HEAD" });
      if (draining()) return answer(res, 503, "shutting_down", { connection: "close" });
      if (method === "HEAD") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        return void res.end();
      }
      return answer(res, 200, undefined);
    }
    if (options.routes?.(req, res)) return;
    if (path !== options.endpoint) {
      req.resume();
      return answer(res, 404, "not_found");
    }
    if (method !== "POST") {
      req.resume();
      return answer(res, 405, "method_not_allowed", { allow: "POST" });
    }
    if (draining()) {
      req.resume();
      // Slack retries events; a command or button gets its "try again" from Slack itself.
      return answer(res, 503, "shutting_down", { connection: "close", "retry-after": "5" });
    }
    const onAck = options.onAck;
    if (onAck) res.once("finish", () => onAck(res.statusCode));
    const gauge = options.gauge;
    if (gauge) {
      gauge.inFlight++;
      gauge.lastActivity = performance.now();
      res.once("close", () => {
        gauge.inFlight--;
        gauge.lastActivity = performance.now();
      });
    }
    return toSlack(req, res);
  }

  const server = createServer((req, res) => {
    const fail = (error: unknown) => {
      logger.error({ err: error, method: req.method, path: (req.url ?? "").split("?")[0] }, "HTTP request failed");
      answer(res, 500, "internal_error");
    };
    try {
      const pending = route(req, res);
      if (pending) pending.catch(fail);
    } catch (error) {
      fail(error);
    }
  });
  // Slow or stuck clients do not hold sockets open for Node's default five minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
