/**
 * A fake Bot Connector on loopback. The app's replies go to `activity.serviceUrl`, so
 * tests point that at this server and read back what the bot sent. It answers with the
 * connector's real shapes (`ResourceResponse` `{ id }`, `ConversationResourceResponse`)
 * and can be told to fail with the statuses the real one uses (403, 404, 429, 500).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedKind = "send" | "reply" | "update" | "create";

export interface RecordedCall {
  kind: RecordedKind;
  /** Decoded conversation id from the path (for `create`: the new conversation's id). */
  conversationId: string;
  /** `replyToId` for replies, the updated activity's id for updates. */
  activityId?: string;
  body: Record<string, unknown>;
  /** `performance.now()` when the request arrived. */
  at: number;
}

export interface Failure {
  status: 403 | 404 | 429 | 500 | 502;
  /** Seconds, sent as `Retry-After` with 429. */
  retryAfter?: number;
  /** How many requests fail; default every request. */
  times?: number;
}

const ERROR_CODES: Record<Failure["status"], { code: string; message: string }> = {
  403: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." },
  404: { code: "ConversationNotFound", message: "Conversation not found." },
  429: { code: "Throttled", message: "Too many requests." },
  500: { code: "ServiceError", message: "Internal service error." },
  502: { code: "ServiceError", message: "Bad gateway." },
};

export interface FakeConnector {
  /** `http://127.0.0.1:PORT/` — use as the activity's serviceUrl. */
  readonly serviceUrl: string;
  readonly calls: RecordedCall[];
  /** Calls whose body is a `message` (typing indicators filtered out). */
  messages(conversationId?: string): RecordedCall[];
  /** Make requests about one conversation (or all, with "*") fail. */
  failFor(conversationId: string, failure: Failure): void;
  clearFailures(): void;
  /** Resolves once `count` matching calls have arrived. */
  waitFor(predicate: (call: RecordedCall) => boolean, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Holds answers to sent activities (recorded on arrival) until the returned function is called. */
  hold(): () => void;
  /** Called for every recorded call (used by the benchmark to time replies). */
  onCall(listener: (call: RecordedCall) => void): void;
  reset(): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure & { left: number }>();
  const listeners: Array<(call: RecordedCall) => void> = [];
  const waiters: Array<() => void> = [];
  let sequence = 0;
  let held: Promise<void> | undefined;

  function failureFor(conversationId: string): (Failure & { left: number }) | undefined {
    const failure = failures.get(conversationId) ?? failures.get("*");
    if (!failure || failure.left <= 0) return undefined;
    failure.left -= 1;
    return failure;
  }

  function record(call: RecordedCall): void {
    calls.push(call);
    for (const listener of listeners) listener(call);
    for (const wake of waiters.splice(0)) wake();
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const at = performance.now();
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
      const body = await readJson(req);
      // POST /v3/conversations
      if (req.method === "POST" && parts.length === 2 && parts[0] === "v3" && parts[1] === "conversations") {
        const failure = failureFor("*");
        if (failure) return fail(res, failure);
        const id = `a:created-${++sequence}`;
        const activityId = `created-activity-${sequence}`;
        record({ kind: "create", conversationId: id, body, at });
        return send(res, 201, { id, activityId, serviceUrl: `http://127.0.0.1:${port()}/` });
      }
      if (parts[0] !== "v3" || parts[1] !== "conversations" || parts.length < 4 || parts[3] !== "activities") {
        return send(res, 404, { error: { code: "NotFound", message: `No route for ${req.method} ${url.pathname}` } });
      }
      const conversationId = parts[2]!;
      const activityId = parts[4];
      const failure = failureFor(conversationId);
      if (failure) return fail(res, failure);
      const id = `${++sequence}`;
      if (req.method === "POST" && activityId === undefined) {
        // A reply either names its activity in the path (botbuilder's ReplyToActivity) or
        // posts to the conversation with `replyToId` in the body (the Teams SDK's reply).
        const replyToId = typeof body.replyToId === "string" && body.replyToId ? body.replyToId : undefined;
        record(replyToId ? { kind: "reply", conversationId, activityId: replyToId, body, at } : { kind: "send", conversationId, body, at });
        if (held) await held;
        return send(res, 201, { id });
      }
      if (req.method === "POST") {
        record({ kind: "reply", conversationId, activityId, body, at });
        if (held) await held;
        return send(res, 201, { id });
      }
      if (req.method === "PUT" && activityId !== undefined) {
        record({ kind: "update", conversationId, activityId, body, at });
        return send(res, 200, { id: activityId });
      }
      return send(res, 405, { error: { code: "MethodNotAllowed", message: `${req.method} not supported` } });
    })().catch((error: unknown) => send(res, 500, { error: { code: "FakeConnectorError", message: String(error) } }));
  });

  function fail(res: ServerResponse, failure: Failure): void {
    const headers: Record<string, string> = failure.status === 429 && failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
    send(res, failure.status, { error: ERROR_CODES[failure.status] }, headers);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = () => (server.address() as AddressInfo).port;
  const serviceUrl = `http://127.0.0.1:${port()}/`;

  return {
    serviceUrl,
    calls,
    messages(conversationId) {
      return calls.filter((call) => call.body.type === "message" && (conversationId === undefined || call.conversationId === conversationId));
    },
    failFor(conversationId, failure) {
      failures.set(conversationId, { ...failure, left: failure.times ?? Number.POSITIVE_INFINITY });
    },
    clearFailures() {
      failures.clear();
    },
    async waitFor(predicate, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = calls.filter(predicate);
        if (matching.length >= count) return matching;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`fake connector: expected ${count} matching call(s), saw ${matching.length} of ${calls.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    hold() {
      let release: () => void = () => undefined;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    onCall(listener) {
      listeners.push(listener);
    },
    reset() {
      calls.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
