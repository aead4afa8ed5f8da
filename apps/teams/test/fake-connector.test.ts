/** The fake Bot Connector answers with the real connector's shapes (tests rely on it). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeConnector, type FakeConnector } from "./support/fake-connector";

describe("fake Bot Connector", () => {
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(() => connector.close());

  const call = (method: string, path: string, body: unknown = { type: "message", text: "hej" }) =>
    fetch(new URL(path, connector.serviceUrl), { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("records sends, replies, updates and conversation creation with ResourceResponse shapes", async () => {
    const conversation = encodeURIComponent("19:abc@thread.tacv2;messageid=1");
    const sent = await call("POST", `v3/conversations/${conversation}/activities`);
    expect(sent.status).toBe(201);
    expect(await sent.json()).toEqual({ id: expect.any(String) });
    const replied = await call("POST", `v3/conversations/${conversation}/activities/1`);
    expect(await replied.json()).toEqual({ id: expect.any(String) });
    const updated = await call("PUT", `v3/conversations/${conversation}/activities/42`);
    expect(await updated.json()).toEqual({ id: "42" });
    const created = await call("POST", "v3/conversations", { isGroup: false, members: [{ id: "29:user" }], activity: { type: "message", text: "hej" } });
    expect(await created.json()).toEqual({ id: expect.any(String), activityId: expect.any(String), serviceUrl: connector.serviceUrl });
    expect(connector.calls.map((c) => [c.kind, c.conversationId, c.activityId])).toEqual([
      ["send", "19:abc@thread.tacv2;messageid=1", undefined],
      ["reply", "19:abc@thread.tacv2;messageid=1", "1"],
      ["update", "19:abc@thread.tacv2;messageid=1", "42"],
      ["create", expect.any(String), undefined],
    ]);
  });

  it("fails with the connector's error body, and Retry-After for 429", async () => {
    connector.failFor("c1", { status: 429, retryAfter: 2, times: 1 });
    const throttled = await call("POST", "v3/conversations/c1/activities");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2");
    expect(await throttled.json()).toEqual({ error: { code: "Throttled", message: expect.any(String) } });
    expect((await call("POST", "v3/conversations/c1/activities")).status).toBe(201);
    connector.failFor("c1", { status: 403 });
    expect(await (await call("POST", "v3/conversations/c1/activities")).json()).toMatchObject({ error: { code: "BotNotInConversationRoster" } });
    connector.clearFailures();
  });
});
