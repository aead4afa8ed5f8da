import type * as KyModule from "ky";
import type { KyInstance } from "ky";
import type * as z from "zod";
import {
  SkolverketError,
  SkolverketHttpError,
  SkolverketNetworkError,
  SkolverketNotFoundError,
  SkolverketResponseError,
  SkolverketTimeoutError,
} from "./errors";
import { createSemaphore, type Semaphore } from "./semaphore";
import { toResponseIssues } from "./zod-issues";

export const PLANNED_EDUCATIONS_V4_ACCEPT = "application/vnd.skolverket.plannededucations.api.v4.hal+json";

export type HttpOptions = {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  concurrency: number;
  maxRetryAfterMs: number;
  backoffLimitMs: number;
  fetch?: typeof fetch;
  userAgent: string;
  /** Default: the Planned Educations v4 media type. */
  accept?: string;
};

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type Query = Record<string, QueryValue>;

/** Fetches JSON from the API and validates it: one job, shared by all client methods. */
export type JsonGetter = <S extends z.ZodType>(path: string, query: Query, schema: S) => Promise<z.output<S>>;

function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  return params;
}

/** ky (and the fetch machinery it touches when loaded) comes in with the first request, not at start. */
type Ky = typeof KyModule;
let loadedKy: Promise<Ky> | undefined;
const loadKy = (): Promise<Ky> => (loadedKy ??= import("ky"));

function toSkolverketError(error: unknown, url: string, timeoutMs: number, { HTTPError, TimeoutError }: Ky): SkolverketError {
  if (error instanceof SkolverketError) return error;
  if (error instanceof HTTPError) {
    const status = error.response.status;
    return status === 404 ? new SkolverketNotFoundError(url, { cause: error }) : new SkolverketHttpError(status, url, { cause: error });
  }
  if (error instanceof TimeoutError) return new SkolverketTimeoutError(url, timeoutMs, { cause: error });
  return new SkolverketNetworkError(url, { cause: error });
}

export function createHttp(options: HttpOptions): { getJson: JsonGetter; semaphore: Semaphore } {
  const prefixUrl = options.baseUrl.replace(/\/+$/, "");
  const createApi = async (): Promise<KyInstance> =>
    (await loadKy()).default.create({
      prefixUrl,
      headers: { accept: options.accept ?? PLANNED_EDUCATIONS_V4_ACCEPT, "user-agent": options.userAgent },
      timeout: options.timeoutMs,
      retry: {
        limit: options.retries,
        methods: ["get"],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: options.maxRetryAfterMs,
        backoffLimit: options.backoffLimitMs,
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  let api: Promise<KyInstance> | undefined;
  const semaphore = createSemaphore(options.concurrency);

  const getJson: JsonGetter = (path, query, schema) => {
    const searchParams = toSearchParams(query);
    const search = searchParams.size > 0 ? `?${searchParams.toString()}` : "";
    const url = `${prefixUrl}/${path}${search}`;
    return semaphore.run(async () => {
      try {
        api ??= createApi();
        const text = await (await api).get(path, { searchParams }).text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (cause) {
          throw new SkolverketResponseError(url, [{ path: "(body)", message: "not valid JSON" }], { cause });
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) throw new SkolverketResponseError(url, toResponseIssues(parsed.error.issues), { cause: parsed.error });
        return parsed.data;
      } catch (error) {
        throw toSkolverketError(error, url, options.timeoutMs, await loadKy());
      }
    });
  };
  return { getJson, semaphore };
}
