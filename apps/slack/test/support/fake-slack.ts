import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";

/**
 * A stand-in for Slack on loopback: the Web API under `/api/<method>` (form-encoded or JSON
 * bodies, like the real one) and `response_url` hooks under `/hooks/…`. It records every
 * call and answers with Slack's response shapes; failures can be queued per method.
 */

export type JsonObject = Record<string, unknown>;

export interface RecordedCall {
  method: string;
  args: JsonObject;
  /** Bearer token or `token` argument, so tests can check it is the bot token. */
  token: string | undefined;
  contentType: string;
}

export interface RecordedHook {
  path: string;
  body: JsonObject;
}

export type Failure = { error: string; extra?: JsonObject } | { status: number; retryAfter?: number };

export interface FakeSlackOptions {
  teamId: string;
  botUserId: string;
  botId: string;
  /** Keep only counts, not bodies (benchmarks send tens of thousands of answers). */
  countOnly?: boolean;
  /** Message timestamps (`ts`) follow this clock (ms), as Slack's follow real time; default a fixed sequence. */
  clock?: () => number;
}

export interface FakeSlack {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Web API base for `SLACK_API_URL`. */
  readonly apiUrl: string;
  readonly calls: RecordedCall[];
  readonly hooks: RecordedHook[];
  /** Posts to response_urls so far, and when the last one arrived (ms since epoch). */
  readonly hookCount: number;
  readonly lastHookAt: number | undefined;
  /** A fresh response_url on this server. */
  responseUrl(kind?: "commands" | "actions"): string;
  callsTo(method: string): RecordedCall[];
  hooksAt(url: string): RecordedHook[];
  /** The next call(s) to `method` fail like this, in order. */
  failNext(method: string, ...failures: Failure[]): void;
  /** The next call to `method` is carried out at once but answered only after `ms` (a client timeout on an accepted call). */
  delayNext(method: string, ms: number): void;
  /** Messages posted with chat.postMessage per channel, oldest first, as conversations.history reads them. */
  messagesIn(channel: string): JsonObject[];
  /** The next post(s) to response_urls fail with these HTTP statuses. */
  failNextHook(...statuses: number[]): void;
  /** Holds answers to response_url posts (they are recorded on arrival) until the returned function is called. */
  holdHooks(): () => void;
  /** response_url posts answered so far (held ones count once released). */
  readonly answeredHooks: number;
  waitFor(what: string, predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const JSON_ARGUMENTS = new Set(["blocks", "attachments", "view", "unfurls", "metadata", "user_auth_blocks"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The Web API takes form fields whose structured values are JSON strings, or a JSON body. */
export function parseApiArguments(contentType: string, text: string): JsonObject {
  if (contentType.startsWith("application/json")) return text ? (JSON.parse(text) as JsonObject) : {};
  const args: JsonObject = {};
  for (const [key, raw] of Object.entries(parseQuery(text))) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== "string") continue;
    args[key] = JSON_ARGUMENTS.has(key) ? (JSON.parse(value) as unknown) : value;
  }
  return args;
}

function send(res: ServerResponse, status: number, body: JsonObject, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const hooks: RecordedHook[] = [];
  const failures = new Map<string, Failure[]>();
  const hookFailures: number[] = [];
  const delays = new Map<string, number>();
  const history = new Map<string, JsonObject[]>();
  const openedDms = new Set<string>();
  let sequence = 0;
  let hookCount = 0;
  let answeredHooks = 0;
  let hold: Promise<void> | undefined;
  let lastHookAt: number | undefined;
  const nextTs = () =>
    options.clock
      ? `${Math.floor(options.clock() / 1000)}.${String(++sequence).padStart(6, "0")}`
      : `${1767300000 + ++sequence}.${String(100000 + sequence).padStart(6, "0")}`;
  const nextViewId = () => `V0FAKE${String(++sequence).padStart(5, "0")}`;

  function answer(method: string, args: JsonObject): JsonObject {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://samverkan-test.slack.com/",
          team: "Samverkan test",
          user: "samverkan",
          team_id: options.teamId,
          user_id: options.botUserId,
          bot_id: options.botId,
          is_enterprise_install: false,
        };
      case "chat.postMessage": {
        const ts = nextTs();
        const message: JsonObject = { type: "message", user: options.botUserId, bot_id: options.botId, text: args.text, ts };
        if (args.blocks) message.blocks = args.blocks;
        if (args.thread_ts) message.thread_ts = args.thread_ts;
        // Slack keeps `metadata` ({ event_type, event_payload }) with the message.
        if (args.metadata) message.metadata = args.metadata;
        const channel = String(args.channel);
        history.set(channel, [...(history.get(channel) ?? []), message]);
        return { ok: true, channel: args.channel, ts, message };
      }
      case "conversations.open": {
        // A 1:1 DM with the bot: the same `D…` id every time for the same user, as Slack does.
        const users =
          typeof args.users === "string"
            ? args.users
                .split(",")
                .map((u) => u.trim())
                .filter(Boolean)
            : [];
        if (users.length === 0 && !args.channel) return { ok: false, error: "users_list_not_supplied" };
        if (users.length > 8) return { ok: false, error: "too_many_users" };
        if (users.length > 1) return { ok: false, error: "method_not_supported_for_channel_type" };
        const id = typeof args.channel === "string" ? args.channel : `D${users[0]!.replace(/^[UW]/, "")}`;
        const already = openedDms.has(id);
        openedDms.add(id);
        return already ? { ok: true, no_op: true, already_open: true, channel: { id } } : { ok: true, channel: { id } };
      }
      case "conversations.history": {
        // Newest first, after `oldest`, `limit` per page (cursor = offset); metadata only with include_all_metadata.
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true";
        const oldest = Number(args.oldest ?? 0);
        const limit = Math.min(Number(args.limit ?? 100), 999);
        const offset = Number(args.cursor ?? 0);
        const all = [...(history.get(String(args.channel)) ?? [])].reverse().filter((m) => Number(m.ts) > oldest);
        const page = all.slice(offset, offset + limit).map((m) => {
          if (withMetadata) return m;
          const { metadata: _metadata, ...rest } = m;
          return rest;
        });
        const more = offset + limit < all.length;
        return { ok: true, messages: page, has_more: more, pin_count: 0, response_metadata: { next_cursor: more ? String(offset + limit) : "" } };
      }
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text, message: { text: args.text, blocks: args.blocks } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: nextTs() };
      case "chat.unfurl":
        return { ok: true };
      case "views.open":
      case "views.publish":
      case "views.update": {
        const view = (args.view ?? {}) as JsonObject;
        return {
          ok: true,
          view: {
            id: nextViewId(),
            team_id: options.teamId,
            app_id: "A0SAMVERKAN",
            bot_id: options.botId,
            hash: `${Date.now()}.abc${sequence}`,
            state: { values: {} },
            private_metadata: "",
            callback_id: "",
            ...view,
          },
        };
      }
      default:
        return { ok: false, error: "unknown_method", req_method: method };
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const contentType = String(req.headers["content-type"] ?? "");
      const text = await readBody(req);
      if (path.startsWith("/hooks/")) {
        hookCount++;
        lastHookAt = Date.now();
        if (!options.countOnly) hooks.push({ path, body: text ? (JSON.parse(text) as JsonObject) : {} });
        if (hold) await hold;
        answeredHooks++;
        const status = hookFailures.shift();
        if (status !== undefined) return send(res, status, { ok: false, error: "failed" });
        return send(res, 200, { ok: true });
      }
      if (!path.startsWith("/api/")) return send(res, 404, { ok: false, error: "not_found" });
      const method = path.slice("/api/".length);
      const args = parseApiArguments(contentType, text);
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
      if (!options.countOnly) calls.push({ method, args, token: bearer ?? (typeof args.token === "string" ? args.token : undefined), contentType });
      const failure = failures.get(method)?.shift();
      if (failure && "status" in failure) {
        const headers: Record<string, string> = failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
        return send(res, failure.status, { ok: false, error: failure.status === 429 ? "ratelimited" : "internal_error" }, headers);
      }
      if (failure) return send(res, 200, { ok: false, error: failure.error, ...failure.extra });
      const result = answer(method, args);
      const delay = delays.get(method);
      if (delay !== undefined) {
        delays.delete(method);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      return send(res, 200, result);
    })().catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  let hookSequence = 0;

  return {
    url,
    apiUrl: `${url}api/`,
    calls,
    hooks,
    get hookCount() {
      return hookCount;
    },
    get lastHookAt() {
      return lastHookAt;
    },
    responseUrl(kind = "commands") {
      hookSequence++;
      return `${url}hooks/${kind}/${options.teamId}/${10521386623270 + hookSequence}/6U66ryd5RNMenHgPzeTf3u${hookSequence}`;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    delayNext(method, ms) {
      delays.set(method, ms);
    },
    messagesIn: (channel) => history.get(channel) ?? [],
    hooksAt: (hookUrl) => hooks.filter((hook) => hookUrl.endsWith(hook.path)),
    failNext(method, ...more) {
      failures.set(method, [...(failures.get(method) ?? []), ...more]);
    },
    failNextHook(...statuses) {
      hookFailures.push(...statuses);
    },
    holdHooks() {
      let release: () => void = () => undefined;
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
    get answeredHooks() {
      return answeredHooks;
    },
    async waitFor(what, predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}; Slack saw: ${calls.map((c) => c.method).join(", ") || "no calls"}; hooks: ${hooks.length}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
