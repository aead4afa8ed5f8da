/**
 * Digests are set up in conversation, in the channel that should receive them: the
 * subscription targets the channel itself (not the thread), and the channel's
 * conversation reference is stored so a scheduler on any instance can post there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionExecute, channelThreadId, fixturesAvailable, fixturesMissingReason, message, nextMessageId } from "./support/activities";
import { actionsOf, cardsIn, cardsSent, expectValidCards } from "./support/cards";
import { startHarness, type Harness } from "./support/harness";

type Json = Record<string, unknown>;

describe.skipIf(!fixturesAvailable)(`digest set-up in a channel${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expectValidCards([...cardsSent(h.connector.calls), ...h.invokeResponses.flatMap(cardsIn)]);
    await h.close();
  });

  it("confirms, then subscribes the channel and remembers where to post", async () => {
    const root = nextMessageId();
    const inThread = { serviceUrl: h.connector.serviceUrl, threadRootId: root };
    const ask = message("channel", "digest varje måndag 08:00 län 22", inThread);
    await h.post(ask);
    const [reply] = h.connector.messages(channelThreadId(root)).filter((call) => call.activityId === ask.id);
    const confirm = actionsOf(cardsIn(reply!.body)[0]).find((action) => action.verb === "digest.create.confirm");
    expect(confirm, "a confirm button").toBeDefined();
    expect(await h.world.samverkan.digests.list()).toEqual([]);

    await h.post(actionExecute("channel", "digest.create.confirm", confirm!.data as Json, inThread));
    const channelId = channelThreadId(root).split(";messageid=")[0]!;
    const [subscription] = await h.world.samverkan.digests.list();
    expect(subscription).toMatchObject({ target: { platform: "teams", conversationId: channelId }, status: "active" });
    const stored = await h.world.samverkan.state.get<{ reference: { conversation: { id: string } } }>("teams-conversation-refs", channelId);
    expect(stored?.reference.conversation.id).toBe(channelId);
  });
});
