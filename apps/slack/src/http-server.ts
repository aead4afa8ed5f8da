import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
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

export interface HttpServerOptions {
  /** Counts requests until their response (the ack) is sent; background work yields to them. */
  gauge?: RequestGauge;
  /** Slack's request URL path, e.g. `/slack/events`. */
  endpoint: string;
  logger: Logger;
  /** Seconds a request timestamp may lie in the future (Bolt itself only rejects stale ones). */
  maxClockSkewSeconds?: number;
  now?: () => number;
  /** Routes served before Slack's (e.g. `GET /metrics`); returns true when it answered. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Called when a response to Slack's endpoint has gone out (the ack), with its status. */
  onAck?: (status: number) => void;
}

/**
 * The HTTP front door: `GET /healthz` for load balancers, and Slack's endpoint handed to
 * Bolt, which verifies the v0 signature and rejects timestamps older than five minutes.
 * Timestamps more than five minutes ahead are refused here, closing the other half of the
 * replay window.
 */
export function createHttpServer(slack: RequestListener, options: HttpServerOptions): Server {
  const skew = options.maxClockSkewSeconds ?? 300;
  const now = options.now ?? Date.now;
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
      return;
    }
    if (options.routes?.(req, res)) return;
    if (req.method === "POST" && path === options.endpoint) {
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
      const header = req.headers["x-slack-request-timestamp"];
      const timestamp = typeof header === "string" ? Number(header) : Number.NaN;
      if (Number.isFinite(timestamp) && timestamp > Math.floor(now() / 1000) + skew) {
        options.logger.warn({ timestamp }, "request refused: timestamp too far in the future");
        res.writeHead(401);
        res.end();
        req.resume();
        return;
      }
    }
    slack(req, res);
  });
}
