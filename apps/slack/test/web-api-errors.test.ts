import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { button } from "./support/clicks";
import { BOT_TOKEN, limitViolations, startHarness, visibleText, type Harness } from "./support/harness";
import { appMention, blockAction, fixturesAvailable, slashCommand } from "./support/slack-payloads";
import { BOT_USER_ID, KARIN } from "./support/world";

describe.skipIf(!fixturesAvailable)("when Slack's Web API says no", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  const warnings = (slackError: string) => h.logs.filter((line) => line.slackError === slackError);

  it("answers in the user's DM when the channel is gone, and logs method, channel and error code", async () => {
    h.fake.failNext("chat.postMessage", { error: "channel_not_found" });
    const before = h.fake.callsTo("chat.postMessage").length;
    await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "visa U-1", { channel: "C0GONE0001" }) });
    const calls = h.fake.callsTo("chat.postMessage").slice(before);
    expect(calls.map((call) => call.args.channel)).toEqual(["C0GONE0001", KARIN.userId, KARIN.userId]);
    expect(String(calls[1]!.args.text)).toContain("Jag kunde inte svara i kanalen");
    expect(visibleText(calls[2]!.args.blocks)).toContain("U-1 Kartlägg frånvaron");
    expect(warnings("channel_not_found")).toEqual([expect.objectContaining({ level: 40, method: "chat.postMessage", channel: "C0GONE0001" })]);
  });

  it("waits out a 429 with Retry-After and posts once it may", async () => {
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const before = h.fake.callsTo("chat.postMessage").length;
    const started = Date.now();
    await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "visa U-1", { channel: "C0BUSY0001" }) });
    const calls = h.fake.callsTo("chat.postMessage").slice(before);
    expect(calls.map((call) => call.args.channel)).toEqual(["C0BUSY0001", "C0BUSY0001"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("logs a revoked token as an error an operator can act on, and keeps serving", async () => {
    h.fake.failNext("chat.postMessage", { error: "token_revoked" });
    await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "visa U-1", { channel: "C0REVOKED1" }) });
    const [line] = warnings("token_revoked");
    expect(line).toMatchObject({ level: 50, method: "chat.postMessage", channel: "C0REVOKED1" });
    expect(String(line!.msg)).toContain("reinstall the app or update SLACK_BOT_TOKEN");
    // The next request is served as usual.
    const responseUrl = h.fake.responseUrl();
    await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "visa U-1", { responseUrl }) });
    expect(h.fake.hooksAt(responseUrl)).toHaveLength(1);
  });

  it("survives an expired trigger_id when opening a modal", async () => {
    const commandUrl = h.fake.responseUrl();
    await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "visa U-1", { responseUrl: commandUrl }) });
    h.fake.failNext("views.open", { error: "expired_trigger_id" });
    const click = blockAction(KARIN, button(h.fake.hooksAt(commandUrl)[0]!.body.blocks, "progress.form"), {
      ephemeral: true,
      responseUrl: h.fake.responseUrl("actions"),
    });
    const ack = await h.sendAndSettle({ kind: "interaction", payload: click });
    expect(ack.status).toBe(200);
    expect(warnings("expired_trigger_id")).toEqual([expect.objectContaining({ method: "views.open" })]);
  });

  it("retries a response_url that failed with a 5xx once", async () => {
    const responseUrl = h.fake.responseUrl();
    h.fake.failNextHook(503);
    await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl }) });
    expect(h.fake.hooksAt(responseUrl)).toHaveLength(2);
  });

  it("never puts the token in a log line, even when calls fail", () => {
    expect(JSON.stringify(h.logs)).not.toContain(BOT_TOKEN);
    expect(JSON.stringify(h.logs)).not.toContain("/hooks/commands/");
  });
});
