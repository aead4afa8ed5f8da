import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { recordedExchangeSchema, type RecordedExchange, type RecordedExchangeInput } from "./exchange";
import { indexExchanges } from "./exchange-index";
import { createFaultQueue, type Fault } from "./faults";
import { loadExchanges } from "./load-exchanges";
import type { RecordedRequest } from "./recorded-request";

export type ReplayServerOptions = {
  /** A `.jsonl` recording (one `{method,url,accept,status,recordedAt,body}` per line). */
  file?: string;
  /** Exchanges given directly; they take precedence over the file's for the same request. */
  exchanges?: readonly RecordedExchangeInput[];
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Called for every request before it is answered; awaited, so it can also delay. */
  onRequest?: (request: RecordedRequest) => void | Promise<void>;
  /** Injected responses, consulted before the recording. */
  faults?: readonly Fault[];
  /** Artificial latency before every answer, in milliseconds. */
  latencyMs?: number;
};

export type ReplayServer = {
  /** `http://host:port`, without a trailing slash. Recorded paths are relative to it. */
  url: string;
  close(): Promise<void>;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Requests being handled right now, and the most ever handled at once. */
  stats: { readonly inFlight: number; readonly maxInFlight: number };
  /** How many distinct requests the recording answers. */
  exchangeCount: number;
};

const DEFAULT_CONTENT_TYPE = "application/json";

function contentTypeFor(exchange: RecordedExchange): string {
  const accept = exchange.accept?.split(",")[0]?.trim();
  return accept && /[+/]json$/.test(accept) ? accept : DEFAULT_CONTENT_TYPE;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body ?? null);
  res.writeHead(status, {
    "content-type": DEFAULT_CONTENT_TYPE,
    ...headers,
    "content-length": Buffer.byteLength(payload).toString(),
  });
  res.end(payload);
}

function toRecordedRequest(req: IncomingMessage): RecordedRequest {
  const url = req.url ?? "/";
  const parsed = new URL(url, "http://replay.invalid");
  return {
    method: (req.method ?? "GET").toUpperCase(),
    url,
    path: parsed.pathname,
    query: parsed.searchParams,
    headers: { ...req.headers },
    receivedAt: Date.now(),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts an HTTP server on loopback that answers with recorded exchanges. */
export async function startReplayServer(options: ReplayServerOptions): Promise<ReplayServer> {
  if (options.file === undefined && options.exchanges === undefined) {
    throw new TypeError("startReplayServer needs `file` or `exchanges`");
  }
  const fromFile = options.file === undefined ? [] : await loadExchanges(options.file);
  const given = (options.exchanges ?? []).map((exchange, index) => {
    const parsed = recordedExchangeSchema.safeParse(exchange);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TypeError(`exchanges[${index}].${issue?.path.map(String).join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
    }
    return parsed.data;
  });
  const index = indexExchanges([...fromFile, ...given]);
  const faults = createFaultQueue(options.faults ?? []);
  const requests: RecordedRequest[] = [];
  const stats = { inFlight: 0, maxInFlight: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request = toRecordedRequest(req);
    requests.push(request);
    await options.onRequest?.(request);
    if (options.latencyMs) await sleep(options.latencyMs);

    const fault = faults.take(request);
    if (fault) {
      request.outcome = "fault";
      request.status = fault.status;
      const body = fault.body ?? { status: "INJECTED_FAULT", message: `Injected ${fault.status} for ${request.url}` };
      sendJson(res, fault.status, body, fault.headers);
      return;
    }
    const exchange = index.find(request.method, request.url);
    if (!exchange) {
      request.outcome = "unmatched";
      request.status = 404;
      sendJson(res, 404, {
        status: "NOT_FOUND",
        message: `No recorded exchange for ${request.method} ${request.url}`,
      });
      return;
    }
    request.outcome = "recorded";
    request.status = exchange.status;
    sendJson(res, exchange.status, exchange.body, { "content-type": contentTypeFor(exchange) });
  };

  const server = createServer((req, res) => {
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    res.on("close", () => {
      stats.inFlight -= 1;
    });
    // Drain any request body; replayed requests are matched on method, path and query only.
    req.resume();
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { status: "REPLAY_SERVER_ERROR", message: String(error) });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    requests,
    stats,
    exchangeCount: index.size,
    close: () => {
      // Idempotent: a test may close early and again in its afterEach.
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
