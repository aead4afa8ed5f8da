import type { GraphSettings } from "./settings";

/** A failed Graph call: HTTP status and Graph's error code, never the token. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly graphCode: string,
    message: string,
  ) {
    super(`Microsoft Graph ${status} ${graphCode}: ${message}`);
    this.name = "GraphError";
  }
}

export interface GraphEventBody {
  subject: string;
  body: { contentType: "text"; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location: { displayName: string };
  attendees: { emailAddress: { address: string; name: string }; type: "required" }[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: "teamsForBusiness";
  /** Graph de-duplicates creates with the same transaction id (a retried POST makes one event). */
  transactionId?: string;
}

export interface BusyInterval {
  start: number;
  end: number;
}

export interface GraphClientOptions {
  fetch?: typeof fetch;
  /** Retries of one call after 429/503/504 (default 3). */
  retries?: number;
  /** Longest Retry-After honoured within one call (default 30 s); longer waits go back to the outbox. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
}

/**
 * Microsoft Graph with application permissions (client credentials), in plain fetch: the
 * official SDKs need a newer Node. Honors Retry-After on 429 and 503 (Graph throttling).
 */
export function createGraphClient(settings: GraphSettings, options: GraphClientOptions = {}) {
  const doFetch = options.fetch ?? fetch;
  const retries = options.retries ?? 3;
  const maxWait = options.maxRetryAfterMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const base = settings.baseUrl.replace(/\/+$/, "");
  let cached: { token: string; until: number } | undefined;

  async function token(): Promise<string> {
    if (cached && cached.until > Date.now()) return cached.token;
    const url = `${settings.authorityUrl.replace(/\/+$/, "")}/${encodeURIComponent(settings.tenantId)}/oauth2/v2.0/token`;
    const response = await doFetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        scope: "https://graph.microsoft.com/.default",
        grant_type: "client_credentials",
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!response.ok || !body.access_token)
      throw new GraphError(response.status, body.error ?? "token_failed", firstLine(body.error_description ?? "could not get a token"));
    cached = { token: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 3600) - 120) * 1000 };
    return cached.token;
  }

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const response = await doFetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${await token()}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) {
        const text = await response.text();
        return (text ? JSON.parse(text) : undefined) as T;
      }
      if (response.status === 401) cached = undefined;
      const retryable = response.status === 429 || response.status === 503 || response.status === 504;
      const wait = retryAfterMs(response.headers.get("retry-after"), attempt);
      const error = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      if (!retryable || attempt >= retries || wait > maxWait) {
        throw new GraphError(response.status, error.error?.code ?? "error", error.error?.message ?? response.statusText);
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  const user = (id: string) => `/users/${encodeURIComponent(id)}`;

  return {
    async createEvent(userId: string, event: GraphEventBody): Promise<string> {
      const created = await call<{ id: string }>("POST", `${user(userId)}/events`, event);
      return created.id;
    },
    async updateEvent(userId: string, eventId: string, event: GraphEventBody): Promise<void> {
      const { transactionId: _ignored, ...patch } = event;
      await call("PATCH", `${user(userId)}/events/${encodeURIComponent(eventId)}`, patch);
    },
    async cancelEvent(userId: string, eventId: string, comment: string): Promise<void> {
      await call("POST", `${user(userId)}/events/${encodeURIComponent(eventId)}/cancel`, { comment });
    },
    /** Busy intervals of each address between the instants (free and working-elsewhere are not busy). */
    async getSchedule(userId: string, addresses: string[], start: number, end: number): Promise<Map<string, BusyInterval[]>> {
      const result = await call<{
        value: { scheduleId: string; scheduleItems?: { status: string; start: { dateTime: string }; end: { dateTime: string } }[] }[];
      }>(
        "POST",
        `${user(userId)}/calendar/getSchedule`,
        {
          schedules: addresses,
          startTime: { dateTime: utcLocal(start), timeZone: "UTC" },
          endTime: { dateTime: utcLocal(end), timeZone: "UTC" },
          availabilityViewInterval: 15,
        },
        { prefer: 'outlook.timezone="UTC"' },
      );
      const busy = new Map<string, BusyInterval[]>();
      for (const schedule of result.value ?? []) {
        busy.set(
          schedule.scheduleId.toLowerCase(),
          (schedule.scheduleItems ?? [])
            .filter((item) => item.status !== "free" && item.status !== "workingElsewhere")
            .map((item) => ({ start: Date.parse(`${item.start.dateTime.slice(0, 19)}Z`), end: Date.parse(`${item.end.dateTime.slice(0, 19)}Z`) }))
            .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end)),
        );
      }
      return busy;
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

/** Retry-After in seconds (or an HTTP date); without one, 1 s, 2 s, 4 s… */
function retryAfterMs(header: string | null, attempt: number): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 1000 * 2 ** attempt;
}

function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return end === -1 ? text : text.slice(0, end);
}

/** `2026-12-03T09:00:00` in UTC, the form getSchedule takes with timeZone UTC. */
function utcLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
