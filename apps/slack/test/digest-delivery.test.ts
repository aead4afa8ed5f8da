import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebClient } from "@slack/web-api";
import { createSamverkan, type Samverkan } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { WEB_API_RETRY } from "../src/app";
import { DIGEST_EVENT_TYPE, startSlackDigests } from "../src/digest/slack-poster";
import { startFakeSlack, type FakeSlack } from "./support/fake-slack";
import { BOT_TOKEN } from "./support/harness";
import { BOT_ID, BOT_USER_ID, TEAM_ID } from "./support/world";

/**
 * Digest delivery against a fake Slack that keeps message metadata and answers
 * conversations.history as Slack does: each period reaches the channel once, even when
 * Slack's answer is lost, an instance dies, or every attempt fails.
 */
describe("Slack digest delivery, effectively once", () => {
  let fake: FakeSlack;
  let sv: Samverkan;
  let now: number;
  /** The app's own client: three retries and a timeout, as in app.ts. */
  let appClient: WebClient;

  beforeEach(async () => {
    fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID, clock: () => now });
    appClient = new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: WEB_API_RETRY, timeout: 300 });
    now = new Date("2026-11-18T10:00:00+01:00").getTime();
    sv = createSamverkan({ store: await createSqliteStore({ file: ":memory:" }), clock: () => new Date(now) });
    const advisor = await sv.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor" }, { actor: { system: "test" }, channel: "system" });
    // Set up from the channel that gets it, as the chat command does.
    const target = { platform: "slack", teamId: TEAM_ID, channelId: "C0DIGEST" } as const;
    await sv.digests.create(
      { target, scope: { kind: "country" }, postWhenEmpty: true },
      { actor: { staffId: advisor.id }, channel: "slack", conversation: target },
    );
  });
  afterEach(async () => {
    await fake.close();
    await sv.store.close();
  });

  const at = (iso: string) => (now = new Date(iso).getTime());
  const start = () => startSlackDigests({ samverkan: sv, client: appClient, timer: false, sleep: async () => undefined, postTimeoutMs: 300 });
  const digestsIn = (channel: string) =>
    fake.messagesIn(channel).filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT_TYPE);

  it("posts with metadata naming the run, and records the message ts", async () => {
    at("2026-11-23T08:00:05+01:00");
    const scheduler = start();
    await scheduler.ready;
    await scheduler.stop();
    const [run] = await sv.digests.runs();
    expect(digestsIn("C0DIGEST")).toHaveLength(1);
    expect(digestsIn("C0DIGEST")[0]!.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { run_id: run!.id, subscription: "D-1", period_key: "2026-11-23T07:00:00.000Z" },
    });
    expect(run).toMatchObject({ status: "posted", deliveryRef: digestsIn("C0DIGEST")[0]!.ts });
  });

  it("does not post twice when Slack accepted the post but the answer timed out", async () => {
    fake.delayNext("chat.postMessage", 1500);
    at("2026-11-23T08:00:05+01:00");
    const scheduler = start();
    await scheduler.ready;
    await scheduler.stop();
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(digestsIn("C0DIGEST")).toHaveLength(1);
    const history = fake.callsTo("conversations.history");
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]!.args.channel).toBe("C0DIGEST");
    expect(String(history[0]!.args.include_all_metadata)).toBe("true");
    expect((await sv.digests.runs())[0]).toMatchObject({ status: "posted", deliveryRef: digestsIn("C0DIGEST")[0]!.ts });
  });

  it("an instance that died after posting: the run is taken over after its lease and found in the channel", async () => {
    at("2026-11-23T08:00:00+01:00");
    const run = (await sv.digests.claimRun({
      subscriptionId: (await sv.digests.get("D-1")).id,
      scheduledFor: new Date("2026-11-23T07:00:00.000Z"),
      periodStart: new Date("2026-11-16T07:00:00.000Z"),
      late: false,
      claimedBy: "died",
    }))!;
    await appClient.chat.postMessage({ channel: "C0DIGEST", text: "digest", metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { run_id: run.id } } });
    at("2026-11-23T08:10:00+01:00");
    const scheduler = start();
    await scheduler.ready;
    await scheduler.stop();
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect((await sv.digests.runs())[0]).toMatchObject({ status: "posted", claims: 2, deliveryRef: digestsIn("C0DIGEST")[0]!.ts });
  });

  it("an instance that died between claim and post: posted once after the lease", async () => {
    at("2026-11-23T08:00:00+01:00");
    await sv.digests.claimRun({
      subscriptionId: (await sv.digests.get("D-1")).id,
      scheduledFor: new Date("2026-11-23T07:00:00.000Z"),
      periodStart: new Date("2026-11-16T07:00:00.000Z"),
      late: false,
      claimedBy: "died",
    });
    const scheduler = start();
    await scheduler.ready;
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
    at("2026-11-23T08:10:00+01:00");
    await scheduler.tick();
    at("2026-11-23T09:00:00+01:00");
    await scheduler.tick();
    await scheduler.stop();
    expect(digestsIn("C0DIGEST")).toHaveLength(1);
  });

  it("a period whose post failed every attempt is posted later, once", async () => {
    fake.failNext("chat.postMessage", { status: 500 }, { status: 500 }, { status: 500 });
    at("2026-11-23T08:00:00+01:00");
    const scheduler = start();
    expect((await scheduler.ready).runs.map((r) => r.outcome)).toEqual(["failed"]);
    expect(digestsIn("C0DIGEST")).toHaveLength(0);
    at("2026-11-23T08:15:00+01:00");
    expect((await scheduler.tick()).runs.map((r) => r.outcome)).toEqual(["posted"]);
    at("2026-11-23T09:00:00+01:00");
    await scheduler.tick();
    await scheduler.stop();
    expect(digestsIn("C0DIGEST")).toHaveLength(1);
    expect((await sv.digests.runs())[0]).toMatchObject({ status: "posted", claims: 2 });
  });
});
