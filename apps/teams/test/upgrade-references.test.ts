/**
 * Conversation references stored by the app before its move to the Teams SDK (teams-ai 1.7
 * on botbuilder 4.23 wrote them with botbuilder's `TurnContext.getConversationReference`)
 * keep working after it: a digest subscription set up in a channel then posts there from
 * the new app, with nobody re-installing anything. The entries below are written exactly as
 * the old app wrote them, straight into the store, as an upgraded deployment finds them.
 */
import { createEngine } from "@samverkan/chat";
import { createSamverkan, type Samverkan } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamsApp, type TeamsApp } from "../src/app";
import { startTeamsDigests } from "../src/digest/teams-poster";
import { CONVERSATION_REFS_NAMESPACE } from "../src/proactive/references";
import { cardsIn, cardText, expectValidCards } from "./support/cards";
import { startFakeConnector, type FakeConnector } from "./support/fake-connector";
import { captureLogger } from "./support/harness";
import { TENANT_ID } from "./support/world";

const CHANNEL = "19:d441d38c655c47a085215b2726e76927@thread.tacv2";
const GROUP_CHAT = "19:4f2c7b1e9a8d4c3b@thread.v2";

/** What the old app stored on install in a team (botbuilder's reference, activity id dropped). */
function oldChannelEntry(serviceUrl: string) {
  return {
    reference: {
      user: { id: "29:1a2b3c-old-user", name: "Karin Lind", aadObjectId: "00000000-1111-2222-3333-444444444444" },
      bot: { id: "28:11111111-2222-3333-4444-555555555555", name: "Samverkan" },
      conversation: { isGroup: true, conversationType: "channel", tenantId: TENANT_ID, id: CHANNEL },
      channelId: "msteams",
      locale: "sv-SE",
      serviceUrl,
    },
    tenantId: TENANT_ID,
    kind: "channel",
    teamId: "19:8j-Mnacwmq2QFDbzykeQH5v55m6cN1X3QJ5viHvGIIQ1@thread.tacv2",
    installedAt: "2026-10-01T08:12:44.120Z",
  };
}

/** A bare botbuilder reference (the digest poster reads these too), with the last activity's id in it. */
function oldBareReference(serviceUrl: string) {
  return {
    activityId: "1759305164120",
    user: { id: "29:1a2b3c-old-user", name: "Karin Lind" },
    bot: { id: "28:11111111-2222-3333-4444-555555555555", name: "Samverkan" },
    conversation: { isGroup: true, conversationType: "groupChat", tenantId: TENANT_ID, id: GROUP_CHAT },
    channelId: "msteams",
    serviceUrl,
  };
}

describe("references stored before the move to the Teams SDK", () => {
  let connector: FakeConnector;
  let samverkan: Samverkan;
  let app: TeamsApp;
  let now = new Date("2026-11-18T10:00:00+01:00").getTime();
  let karin: string;

  beforeAll(async () => {
    connector = await startFakeConnector();
    samverkan = createSamverkan({ store: await createSqliteStore({ file: ":memory:" }), clock: () => new Date(now) });
    const { logger } = captureLogger();
    app = createTeamsApp({ config: { allowedTenantIds: [TENANT_ID], port: 0 }, samverkan, engine: createEngine({ samverkan, logger }), logger });
    karin = (await samverkan.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor" }, { actor: { system: "test" }, channel: "system" })).id;
  });
  afterAll(async () => {
    expectValidCards(connector.calls.flatMap((call) => cardsIn(call.body)));
    await connector.close();
    await samverkan.store.close();
  });

  it("posts a digest subscribed before the upgrade into the channel, as a new post", async () => {
    await samverkan.state.set(CONVERSATION_REFS_NAMESPACE, CHANNEL, oldChannelEntry(connector.serviceUrl));
    const target = { platform: "teams", conversationId: CHANNEL } as const;
    await samverkan.digests.create(
      { target, scope: { kind: "country" }, postWhenEmpty: true },
      { actor: { staffId: karin }, channel: "teams", conversation: target },
    );

    now = new Date("2026-11-23T08:00:05+01:00").getTime();
    const scheduler = startTeamsDigests({ samverkan, post: app.post, timer: false });
    expect((await scheduler.ready).runs.map((run) => run.outcome)).toEqual(["posted"]);
    await scheduler.stop();

    const posted = connector.messages(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      kind: "send",
      conversationId: CHANNEL,
      body: { type: "message", from: { id: "28:11111111-2222-3333-4444-555555555555" } },
    });
    expect(posted[0]!.body.replyToId).toBeUndefined();
    expect(cardText(cardsIn(posted[0]!.body)[0])).toContain("Samverkan");
  });

  it("reads the old entry for other proactive posts too (sendProactive)", async () => {
    const before = connector.messages(CHANNEL).length;
    const result = await app.sendProactive(CHANNEL, { text: "Påminnelse", blocks: [{ type: "text", text: "Påminnelse" }] });
    expect(result.activityId).toBeTruthy();
    expect(connector.messages(CHANNEL)).toHaveLength(before + 1);
    expect(await app.conversations.get(CHANNEL)).toMatchObject({ kind: "channel", tenantId: TENANT_ID });
  });

  it("posts to a bare botbuilder reference as a new post, never a reply to its last activity", async () => {
    await samverkan.state.set(CONVERSATION_REFS_NAMESPACE, GROUP_CHAT, oldBareReference(connector.serviceUrl));
    const target = { platform: "teams", conversationId: GROUP_CHAT } as const;
    await samverkan.digests.create(
      { target, scope: { kind: "country" }, postWhenEmpty: true, cron: "0 8 * * 2" },
      { actor: { staffId: karin }, channel: "teams", conversation: target },
    );

    now = new Date("2026-11-24T08:00:05+01:00").getTime();
    const scheduler = startTeamsDigests({ samverkan, post: app.post, timer: false });
    expect((await scheduler.ready).runs.map((run) => run.outcome)).toContain("posted");
    await scheduler.stop();

    const posted = connector.messages(GROUP_CHAT);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ kind: "send", conversationId: GROUP_CHAT });
    expect(posted[0]!.body.replyToId).toBeUndefined();
  });
});
