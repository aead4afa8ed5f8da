import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storeFootprint } from "./support/footprint";
import { BOT_TOKEN, limitViolations, SIGNING_SECRET, startHarness, type Harness } from "./support/harness";
import { nowSeconds } from "./support/signer";
import {
  appMention,
  blockAction,
  directMessage,
  eventEnvelope,
  fixturesAvailable,
  homeAction,
  newTs,
  slashCommand,
  viewSubmission,
} from "./support/slack-payloads";
import { BOT_USER_ID, FOREIGN_TEAM_ID, KARIN, TEAM_ID } from "./support/world";

describe.skipIf(!fixturesAvailable)("requests that must not get in", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  const webApiCallsAfterStart = () => h.fake.calls.filter((call) => call.method !== "auth.test");
  const refusalsLogged = () => h.logs.filter((line) => line.msg === "request refused: not an allowed Slack workspace");
  const errorsLogged = () => h.logs.filter((line) => typeof line.level === "number" && line.level >= 50);
  const stranger = { teamId: FOREIGN_TEAM_ID, userId: "U00FAKEUSER2" };
  const guest = { teamId: TEAM_ID, userId: "U0GUEST" };

  it("checks the bot token once at start (auth.test) with the bot token", () => {
    expect(h.fake.callsTo("auth.test")).toHaveLength(1);
    expect(h.fake.callsTo("auth.test")[0]!.token).toBe(BOT_TOKEN);
  });

  it("answers 401 to a request signed with another secret, and does nothing", async () => {
    const before = await storeFootprint(h.world);
    const response = await h.sendAndSettle(
      { kind: "command", fields: slashCommand(KARIN, "sök rinkeby", { responseUrl: h.fake.responseUrl() }) },
      { secret: "not-the-signing-secret" },
    );
    expect(response.status).toBe(401);
    expect(await storeFootprint(h.world)).toEqual(before);
    expect(h.fake.hooks).toEqual([]);
  });

  it("answers 401 to a correctly signed request older than five minutes (a replay)", async () => {
    const response = await h.sendAndSettle(
      { kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: h.fake.responseUrl() }) },
      { timestamp: nowSeconds() - 6 * 60 },
    );
    expect(response.status).toBe(401);
    expect(h.fake.hooks).toEqual([]);
  });

  it("answers 401 to a timestamp more than five minutes in the future", async () => {
    const response = await h.sendAndSettle(
      { kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: h.fake.responseUrl() }) },
      { timestamp: nowSeconds() + 6 * 60 },
    );
    expect(response.status).toBe(401);
  });

  it("answers 401 when the signature headers are missing", async () => {
    const response = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(appMention(KARIN, BOT_USER_ID, "hjälp")),
    });
    expect(response.status).toBe(401);
  });

  it("refuses a slash command from a workspace that is not allowed, politely and in the ack itself", async () => {
    const before = await storeFootprint(h.world);
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
    const response = await h.sendAndSettle({ kind: "event", envelope: appMention(stranger, BOT_USER_ID, "sök rinkeby") });
    expect(response.status).toBe(200);
    expect(webApiCallsAfterStart()).toEqual([]);
    expect(await storeFootprint(h.world)).toEqual(before);
  });

  it("tells a Slack Connect guest from another organisation, privately, that Samverkan is not for them", async () => {
    const before = await storeFootprint(h.world);
    await h.sendAndSettle({ kind: "event", envelope: appMention(guest, BOT_USER_ID, "visa U-1", { userTeam: "T0GUESTORG", channel: "C0SHARED1" }) });
    const calls = webApiCallsAfterStart();
    expect(calls.map((call) => call.method)).toEqual(["chat.postEphemeral"]);
    expect(calls[0]!.args).toMatchObject({ channel: "C0SHARED1", user: "U0GUEST" });
    expect(String(calls[0]!.args.text)).toContain("Samverkan är bara öppet för medarbetare i den anslutna arbetsytan");
    expect(await storeFootprint(h.world)).toEqual(before);
  });

  it("lets a person of an allowed workspace through to the conversation", async () => {
    const refusals = refusalsLogged().length;
    const responseUrl = h.fake.responseUrl();
    const response = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl }) });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.json ?? "")).not.toContain("inte ansluten till Samverkan");
    expect(h.fake.hooksAt(responseUrl).length + h.fake.callsTo("chat.postMessage").length).toBeGreaterThan(0);
    expect(refusalsLogged()).toHaveLength(refusals);
  });

  it("logs each refusal with the verdict and the workspaces involved, and no error", async () => {
    const before = refusalsLogged().length;
    await h.sendAndSettle({ kind: "command", fields: slashCommand(stranger, "hjälp", { responseUrl: h.fake.responseUrl() }) });
    await h.sendAndSettle({ kind: "event", envelope: appMention(guest, BOT_USER_ID, "hjälp", { userTeam: "T0GUESTORG", channel: "C0SHARED1" }) });
    const lines = refusalsLogged().slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 40, verdict: "foreign-team", teamId: FOREIGN_TEAM_ID });
    expect(lines[0]).not.toHaveProperty("userTeamId");
    expect(lines[1]).toMatchObject({ level: 40, verdict: "external-user", teamId: TEAM_ID, userTeamId: "T0GUESTORG" });
    expect(errorsLogged()).toEqual([]);
  });

  it("answers a button clicked in a workspace that is not allowed with a private note on the message, and does nothing else", async () => {
    const before = await storeFootprint(h.world);
    const calls = webApiCallsAfterStart().length;
    const responseUrl = h.fake.responseUrl("actions");
    const click = blockAction(stranger, { action_id: "dialogue.cancel", value: JSON.stringify({ id: 1 }) }, { responseUrl });
    const response = await h.sendAndSettle({ kind: "interaction", payload: click });
    expect(response.status).toBe(200);
    expect(h.fake.hooksAt(responseUrl).map((hook) => hook.body)).toEqual([
      { response_type: "ephemeral", replace_original: false, text: "Den här Slack-arbetsytan är inte ansluten till Samverkan." },
    ]);
    expect(webApiCallsAfterStart()).toHaveLength(calls);
    expect(await storeFootprint(h.world)).toEqual(before);
    expect(errorsLogged()).toEqual([]);
  });

  it("acknowledges a form submitted from a workspace that is not allowed without saving or posting anything", async () => {
    const before = await storeFootprint(h.world);
    const calls = webApiCallsAfterStart().length;
    const hooks = h.fake.hooks.length;
    const submission = viewSubmission(stranger, { callback_id: "progress.submit", private_metadata: JSON.stringify({ ref: "U-1" }) }, {});
    const response = await h.sendAndSettle({ kind: "interaction", payload: submission });
    expect(response.status).toBe(200);
    expect(webApiCallsAfterStart()).toHaveLength(calls);
    expect(h.fake.hooks).toHaveLength(hooks);
    expect(await storeFootprint(h.world)).toEqual(before);
    expect(errorsLogged()).toEqual([]);
  });

  it("tells a guest who writes in a shared conversation privately too, but says nothing about what a guest merely does", async () => {
    const calls = webApiCallsAfterStart().length;
    const dm = directMessage(guest, BOT_USER_ID, "mina dialoger", { channel: "C0SHARED1" });
    Object.assign(dm.event as Record<string, unknown>, { user_team: "T0GUESTORG", team: "T0GUESTORG" });
    await h.sendAndSettle({ kind: "event", envelope: dm });
    expect(
      webApiCallsAfterStart()
        .slice(calls)
        .map((call) => [call.method, call.args.channel, call.args.user]),
    ).toEqual([["chat.postEphemeral", "C0SHARED1", "U0GUEST"]]);
    // Joining a channel, or a reaction (which names no channel of its own), gets no answer.
    const joined = eventEnvelope(
      TEAM_ID,
      BOT_USER_ID,
      { type: "member_joined_channel", user: "U0GUEST", channel: "C0SHARED1", channel_type: "C", team: "T0GUESTORG", event_ts: newTs() },
      { extShared: true },
    );
    const reaction = eventEnvelope(
      TEAM_ID,
      BOT_USER_ID,
      {
        type: "reaction_added",
        user: "U0GUEST",
        user_team: "T0GUESTORG",
        reaction: "eyes",
        item: { type: "message", channel: "C0SHARED1", ts: newTs() },
        event_ts: newTs(),
      },
      { extShared: true },
    );
    await h.sendAndSettle({ kind: "event", envelope: joined });
    await h.sendAndSettle({ kind: "event", envelope: reaction });
    expect(webApiCallsAfterStart()).toHaveLength(calls + 1);
    expect(refusalsLogged().at(-1)).toMatchObject({ verdict: "external-user", userTeamId: "T0GUESTORG" });
    expect(errorsLogged()).toEqual([]);
  });

  it("acknowledges a Home tab button or a message shortcut from a workspace that is not allowed, with a note only where Slack gave a response_url", async () => {
    const before = await storeFootprint(h.world);
    const calls = webApiCallsAfterStart().length;
    const hooks = h.fake.hooks.length;
    const logsBefore = h.logs.length;
    const home = homeAction(stranger, { action_id: "dialogues.mine", value: "{}" });
    expect((await h.sendAndSettle({ kind: "interaction", payload: home })).status).toBe(200);
    expect(h.fake.hooks).toHaveLength(hooks);
    const responseUrl = h.fake.responseUrl("actions");
    const shortcut = {
      ...home,
      type: "message_action",
      callback_id: "samverkan.note",
      container: undefined,
      view: undefined,
      actions: undefined,
      channel: { id: "C0SAMVERK1", name: "kvalitetsdialoger" },
      message: { type: "message", text: "hej", ts: newTs() },
      response_url: responseUrl,
    };
    expect((await h.sendAndSettle({ kind: "interaction", payload: shortcut })).status).toBe(200);
    expect(h.fake.hooksAt(responseUrl).map((hook) => hook.body)).toEqual([
      { response_type: "ephemeral", replace_original: false, text: "Den här Slack-arbetsytan är inte ansluten till Samverkan." },
    ]);
    expect(webApiCallsAfterStart()).toHaveLength(calls);
    expect(await storeFootprint(h.world)).toEqual(before);
    // Nothing but the two refusals: no attempt to post to a response_url that was never given.
    expect(
      h.logs
        .slice(logsBefore)
        .filter((line) => Number(line.level) >= 40)
        .map((line) => line.msg),
    ).toEqual(["request refused: not an allowed Slack workspace", "request refused: not an allowed Slack workspace"]);
  });

  it("logs, and survives, a private note to a guest that Slack refuses", async () => {
    h.fake.failNext("chat.postEphemeral", { error: "channel_not_found" });
    const response = await h.sendAndSettle({ kind: "event", envelope: appMention(guest, BOT_USER_ID, "hjälp", { userTeam: "T0GUESTORG", channel: "C0GONE" }) });
    expect(response.status).toBe(200);
    expect(h.logs.at(-1)).toMatchObject({ level: 40, method: "chat.postEphemeral", channel: "C0GONE", user: "U0GUEST", slackError: "channel_not_found" });
  });

  it("never logs the bot token or the signing secret", () => {
    const all = JSON.stringify(h.logs);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
