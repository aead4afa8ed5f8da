import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Client as ApiClient } from "@microsoft/teams.api";
import { ADAPTIVE_CARD_CONTENT_TYPE, DigestChannelGoneError, type Message } from "@samverkan/chat";
import { createSamverkan, type Samverkan } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { validateAdaptiveCard } from "../../../../packages/chat/test/cards/adaptive-validate";
import { createPostToConversation } from "../proactive/post";
import { startTeamsDigests, TEAMS_CONVERSATION_REFS, TeamsDigestPoster } from "./teams-poster";

interface Received {
  path: string;
  body: { type?: string; summary?: string; replyToId?: string; attachments?: Array<{ contentType: string; content: unknown }> };
}

/** A fake Bot Connector on loopback: records posted activities, fails per conversation on request. */
function fakeConnector() {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent(req.url ?? "");
    const conversation = /\/v3\/conversations\/([^/]+)\/activities/.exec(path)?.[1] ?? "";
    const status = failures.get(conversation);
    res.setHeader("content-type", "application/json");
    if (status) {
      res.writeHead(status);
      res.end(JSON.stringify({ error: { code: status === 403 ? "BotNotInConversationRoster" : "ConversationNotFound", message: "no" } }));
      return;
    }
    received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Received["body"] });
    res.writeHead(201);
    res.end(JSON.stringify({ id: `activity-${received.length}` }));
  }
  // node:http does not await handlers; respond() answers every request itself.
  const server: Server = createServer((req, res) => void respond(req, res));
  return {
    received,
    failures,
    async start(): Promise<string> {
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const message: Message = {
  text: "Samverkan, hela landet: kommande dialoger 1",
  locale: "sv",
  blocks: [
    { type: "header", text: "Samverkan: Hela landet" },
    { type: "list", items: [{ title: "ons 25 nov 13:00–14:00 · Sundsvalls kommun", subtitle: "Digitalt · Karin Lind" }] },
  ],
};

describe("TeamsDigestPoster with the Teams SDK's connector client and a fake Bot Connector", () => {
  const connector = fakeConnector();
  let serviceUrl: string;
  let sv: Samverkan;
  let now = new Date("2026-11-18T10:00:00+01:00").getTime();
  // No token provider: the SDK's client then sends without a token, as in local development.
  const post = createPostToConversation(new ApiClient("http://127.0.0.1:9/"));

  const remember = (conversationId: string, lastActivityId?: string) =>
    sv.state.set(TEAMS_CONVERSATION_REFS, conversationId, {
      // The Teams app's stored shape: the reference plus install details.
      reference: {
        channelId: "msteams",
        serviceUrl,
        conversation: { id: conversationId, conversationType: "channel", tenantId: "tenant-1", isGroup: true },
        bot: { id: "28:bot", name: "Samverkan" },
        ...(lastActivityId ? { activityId: lastActivityId } : {}),
      },
      tenantId: "tenant-1",
      kind: "channel",
      installedAt: "2026-11-01T09:00:00.000Z",
    });

  beforeAll(async () => {
    serviceUrl = await connector.start();
    sv = createSamverkan({ store: await createSqliteStore({ file: ":memory:" }), clock: () => new Date(now) });
  });
  beforeEach(() => {
    connector.received.splice(0);
    connector.failures.clear();
  });
  afterAll(async () => {
    await connector.close();
    await sv.store.close();
  });

  it("posts the digest as a new Adaptive Card post in the stored conversation", async () => {
    await remember("19:digest@thread.tacv2", "1700000000000");
    await new TeamsDigestPoster({ post, state: sv.state }).post({ platform: "teams", conversationId: "19:digest@thread.tacv2" }, message);
    expect(connector.received).toHaveLength(1);
    const [call] = connector.received;
    expect(call!.path).toBe("/v3/conversations/19:digest@thread.tacv2/activities");
    expect(call!.body).toMatchObject({ type: "message", summary: message.text });
    expect(call!.body.replyToId).toBeUndefined();
    expect(call!.body.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect(validateAdaptiveCard(call!.body.attachments?.[0]?.content)).toEqual([]);
  });

  it.each([403, 404])("turns a %i from the connector into DigestChannelGoneError", async (status) => {
    await remember("19:removed@thread.tacv2");
    connector.failures.set("19:removed@thread.tacv2", status);
    const error = await new TeamsDigestPoster({ post, state: sv.state })
      .post({ platform: "teams", conversationId: "19:removed@thread.tacv2" }, message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DigestChannelGoneError);
    expect((error as DigestChannelGoneError).reason).toBe(`teams_${status}`);
  });

  it("treats a conversation without a stored reference as gone, and a 500 as worth retrying", async () => {
    const poster = new TeamsDigestPoster({ post, state: sv.state });
    await expect(poster.post({ platform: "teams", conversationId: "19:never-seen@thread.tacv2" }, message)).rejects.toMatchObject({
      reason: "no_conversation_reference",
    });
    await remember("19:flaky@thread.tacv2");
    connector.failures.set("19:flaky@thread.tacv2", 500);
    const error = await poster.post({ platform: "teams", conversationId: "19:flaky@thread.tacv2" }, message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DigestChannelGoneError);
  });

  it("startTeamsDigests posts Teams subscriptions once and pauses the ones whose conversation is gone", async () => {
    const advisor = await sv.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor" }, { actor: { system: "test" }, channel: "system" });
    const asKarin = { actor: { staffId: advisor.id }, channel: "teams" } as const;
    await remember("19:weekly@thread.tacv2");
    await remember("19:kicked@thread.tacv2");
    connector.failures.set("19:kicked@thread.tacv2", 403);
    // Each digest is set up from the conversation that gets it, as the chat commands do.
    const weekly = { platform: "teams", conversationId: "19:weekly@thread.tacv2" } as const;
    const kickedTarget = { platform: "teams", conversationId: "19:kicked@thread.tacv2" } as const;
    await sv.digests.create({ target: weekly, scope: { kind: "office", officeId: "Umeå" }, postWhenEmpty: true }, { ...asKarin, conversation: weekly });
    const kicked = await sv.digests.create(
      { target: kickedTarget, scope: { kind: "country" }, postWhenEmpty: true, locale: "en" },
      { ...asKarin, conversation: kickedTarget },
    );
    now = new Date("2026-11-23T08:00:05+01:00").getTime();
    const schedulers = [startTeamsDigests({ samverkan: sv, post, timer: false }), startTeamsDigests({ samverkan: sv, post, timer: false })];
    await Promise.all(schedulers.map((s) => s.ready));
    await Promise.all(schedulers.map((s) => s.stop()));
    expect(connector.received.map((r) => r.path)).toEqual(["/v3/conversations/19:weekly@thread.tacv2/activities"]);
    expect(connector.received[0]!.body.summary).toContain("regionkontoret i Umeå");
    expect(validateAdaptiveCard(connector.received[0]!.body.attachments?.[0]?.content)).toEqual([]);
    const paused = await sv.digests.get(kicked.id);
    expect(paused.status).toBe("paused");
    expect(paused.pausedReason).toContain("teams_403");
  });

  it("records the connector's activity id, so a run taken over after a crash is finished, not posted again", async () => {
    const advisor = await sv.staff.create({ name: "Lena Berg", agency: "spsm", role: "advisor" }, { actor: { system: "test" }, channel: "system" });
    await remember("19:crash@thread.tacv2");
    now = new Date("2026-11-25T10:00:00+01:00").getTime();
    const target = { platform: "teams", conversationId: "19:crash@thread.tacv2" } as const;
    const sub = await sv.digests.create(
      { target, scope: { kind: "country" }, postWhenEmpty: true, cron: "0 8 * * 4" },
      { actor: { staffId: advisor.id }, channel: "teams", conversation: target },
    );
    // The instance posts, then loses the store before it can finish the run (as in a crash).
    const finishRun = sv.digests.finishRun;
    sv.digests.finishRun = async () => {
      throw new Error("connection to the store lost");
    };
    now = new Date("2026-11-26T08:00:05+01:00").getTime();
    const crashed = startTeamsDigests({ samverkan: sv, post, timer: false });
    await crashed.ready;
    await crashed.stop();
    sv.digests.finishRun = finishRun;
    expect(connector.received).toHaveLength(1);
    expect((await sv.digests.runs({ subscription: sub.id }))[0]).toMatchObject({ status: "posting", deliveryRef: "activity-1" });
    // After the lease another instance takes the run over and finishes it without posting.
    now = new Date("2026-11-26T08:10:05+01:00").getTime();
    const next = startTeamsDigests({ samverkan: sv, post, timer: false });
    expect((await next.ready).runs.map((r) => r.outcome)).toEqual(["posted"]);
    await next.stop();
    expect(connector.received).toHaveLength(1);
    expect((await sv.digests.runs({ subscription: sub.id }))[0]).toMatchObject({ status: "posted", claims: 2, deliveryRef: "activity-1" });
  });
});
