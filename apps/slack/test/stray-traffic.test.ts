import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_SECRET, startHarness, type Harness } from "./support/harness";
import { abortedRequest, rawRequest, type RawRequest } from "@samverkan/vitest-config/raw-http";
import { nowSeconds, slackSignature } from "./support/signer";
import { slashCommand } from "./support/slack-payloads";
import { KARIN } from "./support/world";

/**
 * What reaches a public Slack endpoint besides Slack: load balancers, scanners, browsers,
 * broken clients and forgers. Each gets a plain HTTP answer, and the app keeps serving.
 */
describe("stray HTTP traffic against the real Bolt app", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness();
    base = new URL(h.url).origin;
  });
  afterAll(() => h?.close());

  const send = (request: RawRequest) => rawRequest(base, request);
  const healthy = async () => {
    const health = await send({ method: "GET", path: "/healthz" });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ ok: true });
  };
  const json = (text: string) => JSON.parse(text) as { ok: boolean; error: string };
  /** A body signed with the app's secret, so only its shape can be what is wrong. */
  const signed = (body: string, contentType: string): RawRequest => {
    const timestamp = nowSeconds();
    return {
      method: "POST",
      path: "/slack/events",
      body,
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": slackSignature(SIGNING_SECRET, timestamp, body),
      },
    };
  };

  it("answers 404 to unknown paths, whatever the method", async () => {
    for (const request of [
      { method: "GET", path: "/favicon.ico" },
      { method: "GET", path: "/" },
      { method: "GET", path: "/.env" },
      { method: "POST", path: "/api/messages", body: "{}", headers: { "content-type": "application/json" } },
      { method: "GET", path: "/slack/events/../../etc/passwd" },
      { method: "DELETE", path: "/slack" },
    ]) {
      const response = await send(request);
      expect(response.status, `${request.method} ${request.path}`).toBe(404);
      expect(json(response.text)).toEqual({ ok: false, error: "not_found" });
    }
    await healthy();
  });

  it("answers 405 with Allow to wrong methods on its own paths", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]) {
      const response = await send({ method, path: "/slack/events" });
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
    expect(head.text).toBe("");
  });

  it("answers 400 to bodies that are not Slack's, signed or not", async () => {
    const cases: Array<[string, RawRequest]> = [
      ["no content type", { method: "POST", path: "/slack/events", body: "hello" }],
      ["text/plain", signed("hello", "text/plain")],
      ["xml", signed("<event/>", "application/xml")],
      ["multipart", signed("--x\r\n\r\n--x--", "multipart/form-data; boundary=x")],
      ["malformed JSON", signed('{"type": "event_callback",', "application/json")],
      ["JSON null", signed("null", "application/json")],
      ["JSON array", signed("[1,2,3]", "application/json")],
      ["JSON string", signed('"event_callback"', "application/json")],
      ["JSON object without a type", signed('{"hello":"world"}', "application/json")],
      ["empty JSON body", signed("", "application/json")],
      ["form without command or payload", signed("a=b&c=d", "application/x-www-form-urlencoded")],
      ["form payload that is not JSON", signed("payload=%7Bnot-json", "application/x-www-form-urlencoded")],
      ["form payload that is not an object", signed("payload=null", "application/x-www-form-urlencoded")],
      ["unsigned garbage", { method: "POST", path: "/slack/events", body: "\u0000\u0001\u0002", headers: { "content-type": "application/octet-stream" } }],
    ];
    for (const [what, request] of cases) {
      const response = await send(request);
      expect(response.status, what).toBe(400);
      expect(json(response.text).ok, what).toBe(false);
    }
    await healthy();
  });

  it("answers 413 to oversized bodies, announced or streamed", async () => {
    const big = `{"type":"event_callback","padding":"${"x".repeat(2 * 1024 * 1024)}"}`;
    const announced = await send({ ...signed(big, "application/json") });
    expect(announced.status).toBe(413);
    expect(json(announced.text)).toEqual({ ok: false, error: "body_too_large" });
    const streamed = await send({ method: "POST", path: "/slack/events", body: big, chunked: true, headers: { "content-type": "application/json" } });
    expect(streamed.status).toBe(413);
    await healthy();
  });

  it("answers 401 to Slack-shaped bodies with missing or wrong signatures", async () => {
    const body = new URLSearchParams({ command: "/samverkan", text: "hjälp", team_id: KARIN.teamId, user_id: KARIN.userId }).toString();
    const unsigned = await send({ method: "POST", path: "/slack/events", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(unsigned.status).toBe(401);
    const forged = signed(body, "application/x-www-form-urlencoded");
    forged.headers!["x-slack-signature"] = "v0=0000000000000000000000000000000000000000000000000000000000000000";
    expect((await send(forged)).status).toBe(401);
    const garbled = signed(body, "application/x-www-form-urlencoded");
    garbled.headers!["x-slack-request-timestamp"] = "yesterday";
    expect((await send(garbled)).status).toBe(401);
    await healthy();
  });

  it("survives clients that hang up mid-body, then still serves Slack", async () => {
    for (let i = 0; i < 5; i++) await abortedRequest(base, "/slack/events", '{"type":"event_');
    await healthy();
    // A real signed slash command is still acknowledged after all of the above.
    const responseUrl = h.fake.responseUrl();
    const ack = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl }) });
    expect(ack.status).toBe(200);
    expect(h.fake.hooksAt(responseUrl)).toHaveLength(1);
    expect(h.logs.filter((line) => line.level === 60)).toEqual([]);
  });
});
