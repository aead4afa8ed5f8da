import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** One app's Prometheus metrics, in its own registry (several apps may share a test process). */
export interface AppMetrics {
  readonly registry: Registry;
  /** Engine turns by intent and outcome (ok, refused, rejected, error). */
  readonly turns: Counter<"intent" | "outcome">;
  readonly turnSeconds: Histogram<"intent">;
  /** Platform requests acknowledged (Slack ack, Teams HTTP answer) by kind. */
  readonly acks: Counter<"kind">;
  /** Calls to the platform's API (chat.postMessage, Bot Connector …) by method and result. */
  readonly platformCalls: Counter<"method" | "result">;
  /** Of those, the ones answered 429 Too Many Requests. */
  readonly rateLimited: Counter<"method">;
  /** Digest runs by outcome (posted, empty, failed, …). */
  readonly digestRuns: Counter<"outcome">;
  /** Personal nudges by outcome: sent, lost (another instance claimed it), failed, undeliverable. */
  readonly nudges: Counter<"outcome">;
  /** Invitation mail in the outbox by status, read from the store at each scrape (see `observeMailOutbox`). */
  readonly mailOutbox: Gauge<"status">;
  /** Queries the store failed (SQL errors, lost connections). */
  readonly storeErrors: Counter;
  /** Where `mailOutbox` reads its values at each scrape (e.g. `() => samverkan.mail.outboxSize()`). */
  observeMailOutbox(read: () => Promise<Record<string, number>>): void;
  /** Turns being worked on right now. */
  readonly inFlight: Gauge;
  /** Full heap collections run while the app was idle (see idle-collector.ts). */
  readonly idleCollections: Counter;
}

export function createMetrics(app: "slack" | "teams"): AppMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: "samverkan_" });
  const registers = [registry];
  let readOutbox: (() => Promise<Record<string, number>>) | undefined;
  return {
    registry,
    turns: new Counter({ name: "samverkan_turns_total", help: "Engine turns by intent and outcome", labelNames: ["intent", "outcome"], registers }),
    turnSeconds: new Histogram({
      name: "samverkan_turn_duration_seconds",
      help: "Time the engine took per turn",
      labelNames: ["intent"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    acks: new Counter({ name: "samverkan_acks_total", help: "Platform requests acknowledged, by kind", labelNames: ["kind"], registers }),
    platformCalls: new Counter({
      name: "samverkan_platform_api_calls_total",
      help: "Calls to the platform API by method and result",
      labelNames: ["method", "result"],
      registers,
    }),
    rateLimited: new Counter({ name: "samverkan_platform_api_rate_limited_total", help: "Platform API calls answered 429", labelNames: ["method"], registers }),
    digestRuns: new Counter({ name: "samverkan_digest_runs_total", help: "Digest runs by outcome", labelNames: ["outcome"], registers }),
    nudges: new Counter({
      name: "samverkan_nudges_total",
      help: "Personal nudges by outcome (sent, lost to another instance, failed, undeliverable)",
      labelNames: ["outcome"],
      registers,
    }),
    mailOutbox: new Gauge({
      name: "samverkan_mail_outbox_messages",
      help: "Invitation mail in the outbox by status (pending, sent, failed), read at scrape time",
      labelNames: ["status"],
      registers,
      async collect() {
        if (!readOutbox) return;
        try {
          for (const [status, n] of Object.entries(await readOutbox())) this.set({ status }, n);
        } catch {
          // Keep the last values: a scrape must not fail because the store blinked.
        }
      },
    }),
    storeErrors: new Counter({ name: "samverkan_store_query_errors_total", help: "Store queries that failed", registers }),
    inFlight: new Gauge({ name: "samverkan_turns_in_flight", help: "Turns being handled now", registers }),
    idleCollections: new Counter({
      name: "samverkan_idle_heap_collections_total",
      help: "Full heap collections run while the app was idle, giving a burst's heap back",
      registers,
    }),
    observeMailOutbox(read) {
      readOutbox = read;
    },
  };
}

/** The engine's `onTurn` hook feeding the turn counters and histogram. */
export function observeTurns(metrics: AppMetrics) {
  return (turn: { intent: string; outcome: string; durationMs: number }): void => {
    metrics.turns.inc({ intent: turn.intent, outcome: turn.outcome });
    metrics.turnSeconds.observe({ intent: turn.intent }, turn.durationMs / 1000);
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function writeMetrics(metrics: AppMetrics, res: ServerResponse): Promise<void> {
  const body = await metrics.registry.metrics();
  res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" }).end(body);
}

/**
 * `GET /metrics` on the app's own port, behind `Authorization: Bearer <METRICS_TOKEN>`.
 * Returns false for other paths, so the app's server handles them. Without a token the
 * route is not served here (404): use METRICS_PORT for a loopback-only listener instead.
 */
export function handleMetricsRequest(metrics: AppMetrics, token: string | undefined, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/metrics") return false;
  if (!token) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    return true;
  }
  if (req.method !== "GET") {
    res.writeHead(405, { allow: "GET", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
    return true;
  }
  const header = req.headers.authorization ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  if (!sameSecret(given, token)) {
    res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"', "content-type": "text/plain; charset=utf-8" }).end("Unauthorized\n");
    return true;
  }
  void writeMetrics(metrics, res).catch(() => res.writeHead(500).end());
  return true;
}

/** `GET /metrics` without a token on its own port, bound to 127.0.0.1 so only the host can scrape it. */
export async function serveMetricsOnLoopback(metrics: AppMetrics, port: number): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if ((req.url ?? "").split("?")[0] === "/metrics" && req.method === "GET") {
      void writeMetrics(metrics, res).catch(() => res.writeHead(500).end());
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  return {
    server,
    port: typeof address === "object" && address ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
