import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { AppMetrics } from "./metrics";

/** Which API method an outgoing request is (e.g. `chat.postMessage`), or undefined when it is not a platform call. */
export type ClassifyCall = (url: URL) => string | undefined;

interface HttpRequestLike {
  protocol?: string;
  host?: string;
  path?: string;
  getHeader?(name: string): unknown;
}
interface UndiciRequestLike {
  origin?: string;
  path?: string;
}

/** node:http's request knows its host without the port; the Host header has both. */
function httpUrl(request: HttpRequestLike): URL | undefined {
  const header = request.getHeader?.("host");
  const host = typeof header === "string" && header ? header : (request.host ?? "");
  return toUrl(`${request.protocol ?? "http:"}//${host}${request.path ?? "/"}`);
}

function count(metrics: AppMetrics, classify: ClassifyCall, url: URL | undefined, status: number | undefined): void {
  if (!url) return;
  const method = classify(url);
  if (!method) return;
  const result = status === undefined ? "network_error" : status === 429 ? "rate_limited" : status >= 400 ? "error" : "ok";
  metrics.platformCalls.inc({ method, result });
  if (status === 429) metrics.rateLimited.inc({ method });
}

function toUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * Counts the process's outgoing platform API calls and their 429s from Node's diagnostics
 * channels, for node:http clients (Slack's Web API client) and fetch (undici) alike, without
 * touching the clients. Returns a function that stops counting.
 */
export function countPlatformCalls(metrics: AppMetrics, classify: ClassifyCall): () => void {
  const onHttpResponse = (message: unknown) => {
    const { request, response } = message as { request: HttpRequestLike; response: { statusCode?: number } };
    count(metrics, classify, httpUrl(request), response.statusCode);
  };
  const onHttpError = (message: unknown) => {
    const { request } = message as { request: HttpRequestLike };
    count(metrics, classify, httpUrl(request), undefined);
  };
  const onUndiciHeaders = (message: unknown) => {
    const { request, response } = message as { request: UndiciRequestLike; response: { statusCode?: number } };
    count(metrics, classify, toUrl(`${request.origin ?? ""}${request.path ?? "/"}`), response.statusCode);
  };
  const onUndiciError = (message: unknown) => {
    const { request } = message as { request: UndiciRequestLike };
    count(metrics, classify, toUrl(`${request.origin ?? ""}${request.path ?? "/"}`), undefined);
  };
  const channels: Array<[string, (message: unknown) => void]> = [
    ["http.client.response.finish", onHttpResponse],
    ["http.client.request.error", onHttpError],
    ["undici:request:headers", onUndiciHeaders],
    ["undici:request:error", onUndiciError],
  ];
  for (const [name, listener] of channels) subscribe(name, listener);
  return () => {
    for (const [name, listener] of channels) unsubscribe(name, listener);
  };
}

/** Slack: calls under the Web API base, named by their method (`chat.postMessage`). */
export function slackApiCalls(apiUrl: string): ClassifyCall {
  const base = new URL(apiUrl);
  return (url) =>
    url.origin === base.origin && url.pathname.startsWith(base.pathname)
      ? url.pathname.slice(base.pathname.length).replace(/^\/+/, "") || "unknown"
      : undefined;
}

/** Teams: Bot Connector REST calls (`/v3/conversations/…`) and the token endpoint. */
export function botConnectorCalls(): ClassifyCall {
  return (url) => {
    if (/\/v3\/conversations\b/.test(url.pathname)) return url.pathname.includes("/activities") ? "connector.activities" : "connector.conversations";
    if (url.pathname.endsWith("/oauth2/v2.0/token") || url.pathname.endsWith("/oauth2/token")) return "token";
    return undefined;
  };
}
