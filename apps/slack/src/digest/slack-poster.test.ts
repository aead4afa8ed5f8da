import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebClient } from "@slack/web-api";
import type { KnownBlock } from "@slack/types";
import { checkSlackLimits, DigestChannelGoneError, type Message } from "@samverkan/chat";
import { createSamverkan, type DigestTarget } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { SlackDigestPoster, startSlackDigests } from "./slack-poster";

interface Posted {
  channel: string;
  text: string;
  blocks: KnownBlock[];
}

/** A fake Slack Web API on loopback: records chat.postMessage and answers per channel. */
function fakeSlack() {
  const posted: Posted[] = [];
  const answers = new Map<string, { status: number; body: Record<string, unknown> }>();
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const fields: Record<string, unknown> = (req.headers["content-type"] ?? "").includes("json")
      ? (JSON.parse(raw) as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    const channel = typeof fields.channel === "string" ? fields.channel : "";
    const answer = answers.get(channel) ?? { status: 200, body: { ok: true, channel, ts: "1700000000.000100" } };
    if (req.url?.endsWith("/chat.postMessage") && answer.status === 200 && answer.body.ok === true) {
      const blocks = typeof fields.blocks === "string" ? (JSON.parse(fields.blocks) as KnownBlock[]) : (fields.blocks as KnownBlock[]);
      posted.push({ channel, text: typeof fields.text === "string" ? fields.text : "", blocks });
    }
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  }
  // node:http does not await handlers; respond() answers every request itself.
  const server: Server = createServer((req, res) => void respond(req, res));
  return {
    posted,
    answers,
    async start(): Promise<string> {
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const message: Message = {
  text: "Samverkan, Västernorrlands län: kommande dialoger 1",
  locale: "sv",
  blocks: [
    { type: "header", text: "Samverkan: Västernorrlands län" },
    { type: "list", items: [{ title: "ons 25 nov 13:00–14:00 · Sundsvalls kommun", subtitle: "Digitalt · Karin Lind" }] },
  ],
};

describe("SlackDigestPoster against a fake Slack Web API", () => {
  const slack = fakeSlack();
  let client: WebClient;
  beforeAll(async () => {
    client = new WebClient("xoxb-test-token", { slackApiUrl: await slack.start(), retryConfig: { retries: 0 } });
  });
  beforeEach(() => {
    slack.posted.splice(0);
    slack.answers.clear();
  });
  afterAll(() => slack.close());

  it("posts the rendered digest to the channel", async () => {
    await new SlackDigestPoster(client).post({ platform: "slack", teamId: "T0SAMVERK", channelId: "C0DIGEST" }, message);
    expect(slack.posted).toHaveLength(1);
    expect(slack.posted[0]).toMatchObject({ channel: "C0DIGEST", text: message.text });
    expect(checkSlackLimits({ text: slack.posted[0]!.text, blocks: slack.posted[0]!.blocks })).toEqual([]);
  });

  it.each(["not_in_channel", "channel_not_found", "is_archived"])("turns %s into DigestChannelGoneError", async (code) => {
    slack.answers.set("C0GONE", { status: 200, body: { ok: false, error: code } });
    const error = await new SlackDigestPoster(client).post({ platform: "slack", teamId: "T0SAMVERK", channelId: "C0GONE" }, message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DigestChannelGoneError);
    expect((error as DigestChannelGoneError).reason).toBe(code);
  });

  it("leaves other failures to the scheduler's retries", async () => {
    slack.answers.set("C0BUSY", { status: 500, body: { ok: false, error: "internal_error" } });
    const error = await new SlackDigestPoster(client).post({ platform: "slack", teamId: "T0SAMVERK", channelId: "C0BUSY" }, message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DigestChannelGoneError);
  });

  it("startSlackDigests posts due digests and pauses a subscription whose channel is gone", async () => {
    let now = new Date("2026-11-18T10:00:00+01:00").getTime();
    const sv = createSamverkan({ store: await createSqliteStore({ file: ":memory:" }), clock: () => new Date(now) });
    const advisor = await sv.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor" }, { actor: { system: "test" }, channel: "system" });
    // Each digest is set up from the conversation that gets it, as the chat commands do.
    const setUp = async (target: DigestTarget) =>
      sv.digests.create(
        { target, scope: { kind: "country" }, postWhenEmpty: true },
        { actor: { staffId: advisor.id }, channel: target.platform, conversation: target },
      );
    await setUp({ platform: "slack", teamId: "T0SAMVERK", channelId: "C0DIGEST" });
    await setUp({ platform: "slack", teamId: "T0SAMVERK", channelId: "C0GONE" });
    await setUp({ platform: "teams", conversationId: "19:abc@thread.tacv2" });
    slack.answers.set("C0GONE", { status: 200, body: { ok: false, error: "channel_not_found" } });
    now = new Date("2026-11-23T08:00:05+01:00").getTime();
    const scheduler = startSlackDigests({ samverkan: sv, client, timer: false });
    await scheduler.ready;
    await scheduler.stop();
    expect(slack.posted.map((p) => p.channel)).toEqual(["C0DIGEST"]);
    expect(slack.posted[0]!.text).toContain("Samverkan, hela landet");
    expect(checkSlackLimits({ text: slack.posted[0]!.text, blocks: slack.posted[0]!.blocks })).toEqual([]);
    const gone = await sv.digests.get("D-2");
    expect(gone).toMatchObject({ status: "paused" });
    expect(gone.pausedReason).toContain("channel_not_found");
    expect(await sv.digests.runs({ subscription: "D-3" })).toEqual([]);
    await sv.store.close();
  });
});
