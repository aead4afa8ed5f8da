/**
 * Installs store the conversation reference; `sendProactive` posts there later (digests),
 * and a conversation the connector says is gone (403/404) surfaces as a typed error.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsConversationGoneError } from "../src/errors";
import { CONVERSATION_REFS_NAMESPACE } from "../src/proactive/references";
import { botAdded, fixturesAvailable, fixturesMissingReason, installationUpdate } from "./support/activities";
import { cardsIn, cardsSent, cardText, expectValidCards } from "./support/cards";
import { startHarness, type Harness } from "./support/harness";
import { TENANT_ID } from "./support/world";

const CHANNEL = "19:d441d38c655c47a085215b2726e76927@thread.tacv2";
const digest = {
  text: "Veckans dialoger",
  blocks: [
    { type: "header" as const, text: "Veckans dialoger" },
    { type: "text" as const, text: "**3** dialoger den här veckan." },
  ],
};

describe.skipIf(!fixturesAvailable)(`install and proactive messages${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expectValidCards(cardsSent(h.connector.calls));
    await h.close();
  });

  it("stores the conversation reference when the bot is added to a team", async () => {
    const response = await h.post(botAdded("channel", { serviceUrl: h.connector.serviceUrl }));
    expect(response.status).toBe(200);
    const stored = await h.world.samverkan.state.get<Record<string, unknown>>(CONVERSATION_REFS_NAMESPACE, CHANNEL);
    expect(stored).toMatchObject({
      tenantId: TENANT_ID,
      kind: "channel",
      teamId: "19:8j-Mnacwmq2QFDbzykeQH5v55m6cN1X3QJ5viHvGIIQ1@thread.tacv2",
      reference: {
        channelId: "msteams",
        serviceUrl: h.connector.serviceUrl,
        conversation: { id: CHANNEL },
        bot: { id: "28:11111111-2222-3333-4444-555555555555" },
      },
    });
    expect((stored!.reference as Record<string, unknown>).activityId).toBeUndefined();
    // Nothing is posted into the team on install.
    expect(h.connector.messages(CHANNEL)).toHaveLength(0);
  });

  it("stores a personal install and says hello there", async () => {
    const added = botAdded("personal", { serviceUrl: h.connector.serviceUrl });
    await h.post(installationUpdate("personal", "add", { serviceUrl: h.connector.serviceUrl }));
    await h.post(added);
    const conversationId = (added.conversation as { id: string }).id;
    expect(await h.app.conversations.get(conversationId)).toMatchObject({ kind: "personal" });
    const hello = h.connector.messages(conversationId);
    expect(hello).toHaveLength(1);
    expect(String(hello[0]!.body.text)).toContain("Jag är Samverkan");
  });

  it("posts proactively as a new message in the stored conversation", async () => {
    const result = await h.app.sendProactive(CHANNEL, digest);
    expect(result.activityId).toBeTruthy();
    const [posted] = h.connector.messages(CHANNEL);
    expect(posted).toMatchObject({ kind: "send", conversationId: CHANNEL });
    expect(posted!.body.replyToId).toBeUndefined();
    expect(cardText(cardsIn(posted!.body)[0])).toContain("Veckans dialoger");
  });

  it.each([
    [403, "forbidden"],
    [404, "not-found"],
  ] as const)("turns a %i from the connector into TeamsConversationGoneError (%s)", async (status, reason) => {
    h.connector.failFor(CHANNEL, { status });
    try {
      const error = await h.app.sendProactive(CHANNEL, digest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TeamsConversationGoneError);
      expect(error).toMatchObject({ conversationId: CHANNEL, reason, statusCode: status });
    } finally {
      h.connector.clearFailures();
    }
  });

  it("rides out a 429 (the connector client retries after Retry-After)", async () => {
    h.connector.failFor(CHANNEL, { status: 429, retryAfter: 0, times: 1 });
    const before = h.connector.messages(CHANNEL).length;
    await expect(h.app.sendProactive(CHANNEL, digest)).resolves.toMatchObject({ activityId: expect.any(String) });
    expect(h.connector.messages(CHANNEL).length).toBe(before + 1);
  });

  it("rides out a 502 once, and does not retry a 403", async () => {
    h.connector.failFor(CHANNEL, { status: 502, times: 1 });
    const before = h.connector.messages(CHANNEL).length;
    await expect(h.app.sendProactive(CHANNEL, digest)).resolves.toMatchObject({ activityId: expect.any(String) });
    expect(h.connector.messages(CHANNEL).length).toBe(before + 1);
    h.connector.clearFailures();
    h.connector.failFor(CHANNEL, { status: 403, times: 2 });
    await expect(h.app.sendProactive(CHANNEL, digest)).rejects.toMatchObject({ reason: "forbidden" });
    // The second failure is still waiting: the 403 was not sent again.
    await expect(h.app.sendProactive(CHANNEL, digest)).rejects.toMatchObject({ reason: "forbidden" });
    await expect(h.app.sendProactive(CHANNEL, digest)).resolves.toMatchObject({ activityId: expect.any(String) });
    h.connector.clearFailures();
  });

  it("refuses a conversation it was never installed in with the same typed error", async () => {
    await expect(h.app.sendProactive("19:unknown@thread.tacv2", digest)).rejects.toMatchObject({ name: "TeamsConversationGoneError", reason: "no-reference" });
  });

  it("forgets the conversation when the app is removed", async () => {
    await h.post(installationUpdate("channel", "remove", { serviceUrl: h.connector.serviceUrl }));
    expect(await h.app.conversations.get(CHANNEL)).toBeUndefined();
  });
});
