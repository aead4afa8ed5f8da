import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface GraphCall {
  method: string;
  path: string;
  authorization: string | undefined;
  prefer: string | undefined;
  body: unknown;
}

type Fault = { status: 429 | 503; retryAfter?: string };

/**
 * A fake Microsoft Graph and Entra token endpoint on loopback, speaking their JSON:
 * client-credentials token, POST /users/{id}/events, PATCH …/events/{id},
 * POST …/events/{id}/cancel and POST …/calendar/getSchedule. Faults can be queued per route.
 */
export class FakeGraph {
  readonly calls: GraphCall[] = [];
  /** Outlook events by id, as the fake stores them. */
  readonly events = new Map<string, { userId: string; body: Record<string, unknown>; cancelled: boolean }>();
  /** Busy items returned by getSchedule, per address (UTC `YYYY-MM-DDTHH:mm:ss`). */
  readonly busy = new Map<string, { start: string; end: string; status?: string }[]>();
  private faults = new Map<string, Fault[]>();
  private byTransaction = new Map<string, string>();
  private server: Server | undefined;
  private seq = 0;
  url = "";

  /** Queues faults for the next calls of a route: `token`, `create`, `update`, `cancel`, `schedule`. */
  fail(route: string, ...faults: Fault[]): void {
    this.faults.set(route, [...(this.faults.get(route) ?? []), ...faults]);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const isForm = (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    const body: unknown = raw ? (isForm ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw)) : undefined;
    this.calls.push({ method: req.method ?? "", path, authorization: req.headers.authorization, prefer: req.headers.prefer as string | undefined, body });

    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    const route = token ? "token" : routeOf(req.method ?? "", path);
    const fault = this.faults.get(route)?.shift();
    if (fault) {
      return {
        status: fault.status,
        headers: fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {},
        body: { error: { code: fault.status === 429 ? "TooManyRequests" : "ServiceNotAvailable", message: "Try again later." } },
      };
    }
    if (token) {
      const form = body as Record<string, string>;
      if (form.grant_type !== "client_credentials" || form.client_secret !== "graph-secret" || form.scope !== "https://graph.microsoft.com/.default") {
        return { status: 401, body: { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." } };
      }
      return { status: 200, body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: "fake-graph-access-token" } };
    }
    if (req.headers.authorization !== "Bearer fake-graph-access-token") {
      return { status: 401, body: { error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } } };
    }
    // Graph serves its API under the version segment, as https://graph.microsoft.com/v1.0 does.
    if (!path.startsWith("/v1.0/")) return { status: 404, body: { error: { code: "BadRequest", message: "Invalid version." } } };
    const api = path.slice("/v1.0".length);
    let m = /^\/users\/([^/]+)\/events$/.exec(api);
    if (m && req.method === "POST") {
      const event = body as Record<string, unknown>;
      const tx = event.transactionId as string | undefined;
      const existing = tx ? this.byTransaction.get(tx) : undefined;
      const id = existing ?? `AAMkAGI2-${++this.seq}`;
      if (!existing) {
        this.events.set(id, { userId: decodeURIComponent(m[1]!), body: structuredClone(event), cancelled: false });
        if (tx) this.byTransaction.set(tx, id);
      }
      return {
        status: 201,
        body: {
          "@odata.context": "…/$metadata#users('x')/events/$entity",
          id,
          ...event,
          onlineMeeting: event.isOnlineMeeting ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/${id}` } : null,
        },
      };
    }
    m = /^\/users\/([^/]+)\/events\/([^/]+)$/.exec(api);
    if (m && req.method === "PATCH") {
      const event = this.events.get(decodeURIComponent(m[2]!));
      if (!event) return { status: 404, body: { error: { code: "ErrorItemNotFound", message: "The specified object was not found in the store." } } };
      Object.assign(event.body, body as object);
      return { status: 200, body: { id: m[2], ...event.body } };
    }
    m = /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/.exec(api);
    if (m && req.method === "POST") {
      const event = this.events.get(decodeURIComponent(m[2]!));
      if (!event) return { status: 404, body: { error: { code: "ErrorItemNotFound", message: "The specified object was not found in the store." } } };
      event.cancelled = true;
      return { status: 202 };
    }
    m = /^\/users\/([^/]+)\/calendar\/getSchedule$/.exec(api);
    if (m && req.method === "POST") {
      const { schedules } = body as { schedules: string[] };
      return {
        status: 200,
        body: {
          value: schedules.map((address) => ({
            scheduleId: address,
            availabilityView: "",
            scheduleItems: (this.busy.get(address) ?? []).map((b) => ({
              isPrivate: false,
              status: b.status ?? "busy",
              subject: "Upptagen",
              start: { dateTime: `${b.start}.0000000`, timeZone: "UTC" },
              end: { dateTime: `${b.end}.0000000`, timeZone: "UTC" },
            })),
            workingHours: { daysOfWeek: ["monday"], startTime: "08:00:00.0000000", endTime: "17:00:00.0000000", timeZone: { name: "W. Europe Standard Time" } },
          })),
        },
      };
    }
    return { status: 404, body: { error: { code: "UnknownRoute", message: `${req.method} ${path}` } } };
  }
}

function routeOf(method: string, path: string): string {
  if (path.endsWith("/cancel")) return "cancel";
  if (path.endsWith("/getSchedule")) return "schedule";
  if (method === "PATCH") return "update";
  return "create";
}
