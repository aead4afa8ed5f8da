/**
 * What the app refuses and survives: tenants not on the allow-list, redelivered
 * activities, requests without a valid Bot Framework JWT, and a failing Bot Connector.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionExecute, botAdded, composeQuery, fixturesAvailable, fixturesMissingReason, FOREIGN_TENANT_ID, message, taskFetch } from "./support/activities";
import { cardsIn, cardsSent, expectValidCards } from "./support/cards";
import { startFakeOpenId, type FakeOpenId } from "./support/fake-openid";
import { startHarness, type Harness } from "./support/harness";
import { stateRowCounts } from "./support/world";

const REFUSAL = "Den här organisationen är inte ansluten till Samverkan.";

describe.skipIf(!fixturesAvailable)(`tenant allow-list and redelivery${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expectValidCards([...cardsSent(h.connector.calls), ...h.invokeResponses.flatMap(cardsIn)]);
    await h.close();
  });

  it("refuses a message from a tenant not on the allow-list politely, and writes nothing", async () => {
    const before = await stateRowCounts(h.world.store);
    const dialoguesBefore = (await h.world.samverkan.counts()).dialogues;
    const activity = message("personal", "boka dialog med Stockholms kommun imorgon kl 10 digitalt", {
      serviceUrl: h.connector.serviceUrl,
      tenantId: FOREIGN_TENANT_ID,
    });
    expect((await h.post(activity)).status).toBe(200);
    const replies = h.connector.messages().filter((call) => call.activityId === activity.id);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]!.body.text)).toContain(REFUSAL);
    expect(await stateRowCounts(h.world.store)).toEqual(before);
    expect((await h.world.samverkan.counts()).dialogues).toBe(dialoguesBefore);
    expect(h.logs.some((line) => line.msg === "refused an activity from a tenant not on TEAMS_ALLOWED_TENANT_IDS" && line.tenantId === FOREIGN_TENANT_ID)).toBe(
      true,
    );
  });

  it("refuses invokes from a foreign tenant in each invoke's own way", async () => {
    const before = await stateRowCounts(h.world.store);
    const options = { serviceUrl: h.connector.serviceUrl, tenantId: FOREIGN_TENANT_ID };
    const execute = await h.post(actionExecute("personal", "book.confirm", {}, options));
    expect(execute.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: expect.stringContaining(REFUSAL) });
    const search = await h.post(composeQuery("personal", "searchSchools", "Rinkeby", options));
    expect(search.body).toMatchObject({ composeExtension: { type: "message", text: expect.stringContaining(REFUSAL) } });
    const fetch = await h.post(taskFetch("personal", { verb: "samverkan.dialog", samverkan: { dialog: "x" } }, options));
    expect(fetch.body).toMatchObject({ task: { type: "message", value: expect.stringContaining(REFUSAL) } });
    await h.post(botAdded("channel", options));
    expect(await stateRowCounts(h.world.store)).toEqual(before);
  });

  it("acts on a redelivered activity only once", async () => {
    const activity = message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl });
    const first = await h.post(activity);
    const again = await h.post(activity);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(h.connector.messages().filter((call) => call.activityId === activity.id)).toHaveLength(1);
    expect(h.logs.some((line) => line.msg === "ignored a redelivered activity" && line.activityId === activity.id)).toBe(true);
  });

  it("acts once even when the same activity arrives twice at the same moment", async () => {
    const activity = message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl });
    await Promise.all([h.post(activity), h.post(activity), h.post(activity)]);
    expect(h.connector.messages().filter((call) => call.activityId === activity.id)).toHaveLength(1);
  });

  it("books once when a confirm invoke is redelivered", async () => {
    const serviceUrl = h.connector.serviceUrl;
    await h.post(message("personal", "avbryt", { serviceUrl }));
    await h.post(actionExecute("personal", "book.start", { organizerId: h.world.goteborgId }, { serviceUrl }));
    await h.post(message("personal", "imorgon kl 14", { serviceUrl }));
    await h.post(actionExecute("personal", "book.place", { digital: true }, { serviceUrl }));
    const confirm = actionExecute("personal", "book.confirm", {}, { serviceUrl });
    const first = await h.post(confirm);
    const redelivered = await h.post(confirm);
    expect(first.body).toMatchObject({ type: "application/vnd.microsoft.card.adaptive" });
    expect(redelivered.status).toBe(200);
    expect(redelivered.body).toBeUndefined();
    const booked = await h.world.samverkan.dialogues.listBetween("2026-11-24T00:00", "2026-11-25T00:00");
    expect(booked.filter((d) => d.organizerId === h.world.goteborgId)).toHaveLength(1);
  });

  it("survives a Bot Connector that fails: the error is logged with context, the next message works", async () => {
    const failing = message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl });
    // 403: the connector client does not retry it (500s and 429s it retries by itself).
    h.connector.failFor((failing.conversation as { id: string }).id, { status: 403 });
    expect((await h.post(failing)).status).toBe(200);
    const logged = h.logs.find((line) => line.msg === "turn failed" && line.activityId === failing.id);
    expect(logged).toMatchObject({ activityType: "message", conversationKind: "personal", err: { statusCode: 403, code: "BotNotInConversationRoster" } });
    expect(JSON.stringify(logged)).not.toMatch(/authorization|bearer/i);
    h.connector.clearFailures();
    const next = message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl });
    await h.post(next);
    expect(h.connector.messages().filter((call) => call.activityId === next.id)).toHaveLength(1);
  });

  it("answers malformed requests with 400 and other paths with 404/405", async () => {
    const bad = await fetch(h.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(bad.status).toBe(400);
    const notActivity = await fetch(h.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hello: "world" }) });
    expect(notActivity.status).toBe(400);
    expect((await fetch(h.url)).status).toBe(405);
    expect((await fetch(h.url.replace("/api/messages", "/nope"))).status).toBe(404);
    expect((await fetch(h.url.replace("/api/messages", "/healthz"))).status).toBe(200);
  });
});

describe.skipIf(!fixturesAvailable)(`Bot Framework authentication with an app id${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  const APP_ID = "11111111-2222-3333-4444-555555555555";
  const SECRET = "not-a-real-secret-but-still-secret";
  let h: Harness;
  let openId: FakeOpenId;
  beforeAll(async () => {
    // The SDK's own validation, with the cloud's OpenID metadata and signing keys on loopback.
    openId = await startFakeOpenId();
    h = await startHarness({
      config: { credentials: { appId: APP_ID, appType: "SingleTenant", appPassword: SECRET, appTenantId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890" } },
      cloud: openId.cloud,
      // The bot's own outgoing token (a JWT, as Entra ID issues it), so replies can go out.
      botToken: () => openId.token({ aud: "https://api.botframework.com", appid: APP_ID, marker: "outgoing-bot-token" }),
    });
  });
  afterAll(async () => {
    await h.close();
    await openId.close();
  });

  /** A well-formed JWT signed with a key Microsoft never published, from an issuer it does not trust. */
  function forgedToken(): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const head = encode({ alg: "HS256", typ: "JWT" });
    const claims = encode({ iss: "https://sts.example.com/", aud: APP_ID, exp: now + 600, nbf: now - 10, serviceurl: h.connector.serviceUrl });
    const signature = createHmac("sha256", "attacker").update(`${head}.${claims}`).digest("base64url");
    return `${head}.${claims}.${signature}`;
  }

  async function expectRefused(header: string | undefined): Promise<void> {
    const before = await stateRowCounts(h.world.store);
    const calls = h.connector.calls.length;
    const activity = message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl });
    const response = await h.post(activity, header === undefined ? {} : { authorization: header });
    expect(response.status).toBe(401);
    expect(h.connector.calls).toHaveLength(calls);
    expect(await stateRowCounts(h.world.store)).toEqual(before);
  }

  it.each([
    ["no Authorization header", undefined],
    ["a malformed bearer token", "Bearer not-a-jwt"],
    ["a forged token", "forged"],
  ] as const)("rejects a request with %s with 401, doing nothing", async (_name, header) => {
    await expectRefused(header === "forged" ? `Bearer ${forgedToken()}` : header);
  });

  it("accepts a token signed with a key from the OpenID metadata, for this app and this serviceUrl", async () => {
    const activity = message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl });
    const token = openId.token({ aud: APP_ID, serviceurl: h.connector.serviceUrl });
    expect((await h.post(activity, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(h.connector.messages().filter((call) => call.activityId === activity.id)).toHaveLength(1);
    expect(openId.requests).toContain("/v1/.well-known/keys");
  });

  it("rejects a token signed by a key that is not in the OpenID metadata with 401", async () => {
    await expectRefused(`Bearer ${openId.strangerToken({ aud: APP_ID, serviceurl: h.connector.serviceUrl })}`);
  });

  it("rejects a token for another app (wrong audience) with 401", async () => {
    await expectRefused(`Bearer ${openId.token({ aud: "99999999-2222-3333-4444-555555555555", serviceurl: h.connector.serviceUrl })}`);
  });

  it("rejects a token from another issuer with 401", async () => {
    await expectRefused(`Bearer ${openId.token({ iss: "https://api.botframework.example", aud: APP_ID, serviceurl: h.connector.serviceUrl })}`);
  });

  it("rejects an expired token, and one issued for another serviceUrl, with 401", async () => {
    await expectRefused(`Bearer ${openId.token({ aud: APP_ID, serviceurl: h.connector.serviceUrl, expiresIn: -3600 })}`);
    await expectRefused(`Bearer ${openId.token({ aud: APP_ID, serviceurl: "https://smba.example.com/emea/" })}`);
  });

  it("never writes the app secret or bearer tokens to the log", () => {
    expect(h.rawLogs()).toContain("rejected an unauthenticated request");
    expect(h.rawLogs()).not.toContain(SECRET);
    expect(h.rawLogs()).not.toContain("not-a-jwt");
    expect(h.rawLogs()).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
