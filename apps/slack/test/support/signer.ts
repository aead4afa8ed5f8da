import { createHmac } from "node:crypto";

/** Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface SignOptions {
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
  headers?: Record<string, string>;
}

export type SlackBody = { kind: "command"; fields: Record<string, string> } | { kind: "event"; envelope: object } | { kind: "interaction"; payload: object };

/** Encodes a body the way Slack sends it: commands and interactivity form-encoded, events as JSON. */
export function encodeBody(body: SlackBody): { text: string; contentType: string } {
  switch (body.kind) {
    case "command":
      return { text: new URLSearchParams(body.fields).toString(), contentType: "application/x-www-form-urlencoded" };
    case "interaction":
      return { text: new URLSearchParams({ payload: JSON.stringify(body.payload) }).toString(), contentType: "application/x-www-form-urlencoded" };
    case "event":
      return { text: JSON.stringify(body.envelope), contentType: "application/json" };
  }
}

export function signRequest(secret: string, body: SlackBody, options: SignOptions = {}): SignedRequest {
  const { text, contentType } = encodeBody(body);
  const timestamp = options.timestamp ?? nowSeconds();
  return {
    body: text,
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(options.secret ?? secret, timestamp, text),
      ...options.headers,
    },
  };
}

export interface SlackHttpResponse {
  status: number;
  text: string;
  json: unknown;
}

/** Posts a signed request to the app, as Slack would. */
export async function postSigned(url: string, secret: string, body: SlackBody, options: SignOptions = {}): Promise<SlackHttpResponse> {
  const request = signRequest(secret, body, options);
  const response = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
