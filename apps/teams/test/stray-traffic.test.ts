/**
 * What reaches a public /api/messages besides the Bot Connector: load balancers, scanners,
 * browsers, broken clients and forgers. Each gets a plain HTTP answer with a short text
 * body, and the app keeps serving (with authentication on, as in production).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/harness";
import { abortedRequest, rawRequest, type RawRequest } from "@samverkan/vitest-config/raw-http";

const APP_ID = "11111111-2222-3333-4444-555555555555";

/** A minimal activity in Bot Framework's shape (what the connector posts), never authenticated here. */
const activity = {
  type: "message",
  id: "1790000000001",
  channelId: "msteams",
  serviceUrl: "http://127.0.0.1:9/",
  from: { id: "29:stranger", aadObjectId: "77777777-1111-2222-3333-444444444444" },
  recipient: { id: `28:${APP_ID}` },
  conversation: { id: "a:stray", conversationType: "personal", tenantId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890" },
  text: "hjälp",
};

describe("stray HTTP traffic against the real Teams app", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness({
      config: {
        credentials: { appId: APP_ID, appType: "SingleTenant", appPassword: "not-a-real-secret", appTenantId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890" },
      },
    });
    base = new URL(h.url).origin;
  });
  afterAll(() => h?.close());

  const send = (request: RawRequest) => rawRequest(base, request);
  const healthy = async () => {
    const health = await send({ method: "GET", path: "/healthz" });
    expect(health.status).toBe(200);
  };
  const post = (body: string, contentType?: string): RawRequest => ({
    method: "POST",
    path: "/api/messages",
    body,
    headers: contentType ? { "content-type": contentType } : {},
  });

  it("answers 404 to unknown paths and 405 with Allow to wrong methods", async () => {
    for (const path of ["/favicon.ico", "/", "/.env", "/api/messages/../x", "/slack/events"]) {
      const response = await send({ method: "GET", path });
      expect(response.status, path).toBe(404);
      expect(response.text).toBe("Not found.");
    }
    for (const method of ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]) {
      const response = await send({ method, path: "/api/messages" });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe("POST");
    }
    for (const method of ["POST", "PUT", "OPTIONS"]) {
      const response = await send({ method, path: "/healthz", body: "x" });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD");
    }
    const head = await send({ method: "HEAD", path: "/healthz" });
    expect(head.status).toBe(200);
    await healthy();
  });

  it("answers 400 to bodies that are not Bot Framework activities", async () => {
    const cases: Array<[string, RawRequest]> = [
      ["no content type", post(JSON.stringify(activity))],
      ["text/plain", post(JSON.stringify(activity), "text/plain")],
      ["form", post("type=message&text=hej", "application/x-www-form-urlencoded")],
      ["malformed JSON", post('{"type": "message",', "application/json")],
      ["JSON null", post("null", "application/json")],
      ["JSON array", post("[1,2]", "application/json")],
      ["empty body", post("", "application/json")],
      ["object without a type", post('{"hello":"world"}', "application/json")],
    ];
    for (const [what, request] of cases) {
      const response = await send(request);
      expect(response.status, what).toBe(400);
      expect(response.text.length, what).toBeGreaterThan(0);
    }
    await healthy();
  });

  it("answers 413 to oversized bodies, announced or streamed", async () => {
    const big = JSON.stringify({ ...activity, text: "x".repeat(2 * 1024 * 1024) });
    expect((await send(post(big, "application/json"))).status).toBe(413);
    expect((await send({ ...post(big, "application/json"), chunked: true })).status).toBe(413);
    await healthy();
  });

  it("answers 401 to activities without a valid token, and survives clients that hang up", async () => {
    expect((await send(post(JSON.stringify(activity), "application/json"))).status).toBe(401);
    expect(
      (
        await send({
          ...post(JSON.stringify(activity), "application/json"),
          headers: { "content-type": "application/json", authorization: "Bearer not-a-jwt" },
        })
      ).status,
    ).toBe(401);
    for (let i = 0; i < 5; i++) await abortedRequest(base, "/api/messages", '{"type":"mess');
    await healthy();
    expect(h.connector.calls).toHaveLength(0);
  });
});
