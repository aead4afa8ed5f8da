import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storeFootprint } from "./support/footprint";
import { BOT_TOKEN, limitViolations, SIGNING_SECRET, startHarness, type Harness } from "./support/harness";
import { nowSeconds } from "./support/signer";
import { appMention, fixturesAvailable, slashCommand } from "./support/slack-payloads";
import { BOT_USER_ID, FOREIGN_TEAM_ID, KARIN, TEAM_ID } from "./support/world";

describe.skipIf(!fixturesAvailable)("requests that must not get in", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  const webApiCallsAfterStart = () => h.fake.calls.filter((call) => call.method !== "auth.test");

  it("checks the bot token once at start (auth.test) with the bot token", () => {
    expect(h.fake.callsTo("auth.test")).toHaveLength(1);
    expect(h.fake.callsTo("auth.test")[0]!.token).toBe(BOT_TOKEN);
  });

  it("answers 401 to a request signed with another secret, and does nothing", async () => {
    const before = await storeFootprint(h.world);
    const response = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "sök rinkeby", { responseUrl: h.fake.responseUrl() }) }, { secret: "not-the-signing-secret" });
    expect(response.status).toBe(401);
    expect(await storeFootprint(h.world)).toEqual(before);
    expect(h.fake.hooks).toEqual([]);
  });

  it("answers 401 to a correctly signed request older than five minutes (a replay)", async () => {
    const response = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: h.fake.responseUrl() }) }, { timestamp: nowSeconds() - 6 * 60 });
    expect(response.status).toBe(401);
    expect(h.fake.hooks).toEqual([]);
  });

  it("answers 401 to a timestamp more than five minutes in the future", async () => {
    const response = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: h.fake.responseUrl() }) }, { timestamp: nowSeconds() + 6 * 60 });
    expect(response.status).toBe(401);
  });

  it("answers 401 when the signature headers are missing", async () => {
    const response = await fetch(h.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(appMention(KARIN, BOT_USER_ID, "hjälp")) });
    expect(response.status).toBe(401);
  });

  it("refuses a slash command from a workspace that is not allowed, politely and in the ack itself", async () => {
    const before = await storeFootprint(h.world);
    const stranger = { teamId: FOREIGN_TEAM_ID, userId: "U00FAKEUSER2" };
    const responseUrl = h.fake.responseUrl();
    const response = await h.sendAndSettle({ kind: "command", fields: slashCommand(stranger, "sök rinkeby", { responseUrl }) });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ response_type: "ephemeral", text: "Den här Slack-arbetsytan är inte ansluten till Samverkan." });
    expect(webApiCallsAfterStart()).toEqual([]);
    expect(h.fake.hooks).toEqual([]);
    expect(await storeFootprint(h.world)).toEqual(before);
  });

  it("ignores events from a workspace that is not allowed, without writing or calling anything", async () => {
    const before = await storeFootprint(h.world);
    const stranger = { teamId: FOREIGN_TEAM_ID, userId: "U00FAKEUSER2" };
    const response = await h.sendAndSettle({ kind: "event", envelope: appMention(stranger, BOT_USER_ID, "sök rinkeby") });
    expect(response.status).toBe(200);
    expect(webApiCallsAfterStart()).toEqual([]);
    expect(await storeFootprint(h.world)).toEqual(before);
  });

  it("tells a Slack Connect guest from another organisation, privately, that Samverkan is not for them", async () => {
    const before = await storeFootprint(h.world);
    const guest = { teamId: TEAM_ID, userId: "U0GUEST" };
    await h.sendAndSettle({ kind: "event", envelope: appMention(guest, BOT_USER_ID, "visa U-1", { userTeam: "T0GUESTORG", channel: "C0SHARED1" }) });
    const calls = webApiCallsAfterStart();
    expect(calls.map((call) => call.method)).toEqual(["chat.postEphemeral"]);
    expect(calls[0]!.args).toMatchObject({ channel: "C0SHARED1", user: "U0GUEST" });
    expect(String(calls[0]!.args.text)).toContain("Samverkan är bara öppet för medarbetare i den anslutna arbetsytan");
    expect(await storeFootprint(h.world)).toEqual(before);
  });

  it("never logs the bot token or the signing secret", () => {
    const all = JSON.stringify(h.logs);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
