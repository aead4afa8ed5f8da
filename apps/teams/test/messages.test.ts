import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelThreadId, fixturesAvailable, fixturesMissingReason, message } from "./support/activities";
import { cardsIn, cardsSent, cardText, expectValidCards } from "./support/cards";
import { startHarness, type Harness } from "./support/harness";
import { ADVISOR_AAD_ID, UNLINKED_AAD_ID } from "./support/world";

const ADVISOR_NAME = "Karin Lind";

describe.skipIf(!fixturesAvailable)(`chat messages → engine turns → replies${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expectValidCards([...cardsSent(h.connector.calls), ...h.invokeResponses.flatMap(cardsIn)]);
    await h.close();
  });

  it("answers a personal message as a reply to it, in the same conversation", async () => {
    const activity = message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl });
    const response = await h.post(activity);
    expect(response.status).toBe(200);
    const conversationId = (activity.conversation as { id: string }).id;
    const replies = h.connector.messages(conversationId);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.kind).toBe("reply");
    expect(replies[0]!.activityId).toBe(activity.id);
    // The help card itself, greeting the linked advisor by name: not just any reply.
    const [card] = cardsIn(replies[0]!.body);
    expect(cardText(card)).toContain(`Hej ${ADVISOR_NAME}! Skriv som du pratar, på svenska eller engelska.`);
    expect(cardText(card)).toContain("boka dialog");
  });

  it("answers a search in a personal chat with a card listing the school", async () => {
    const activity = message("personal", "sök Rinkebyskolan", { serviceUrl: h.connector.serviceUrl });
    expect((await h.post(activity)).status).toBe(200);
    const [reply] = h.connector.messages().filter((call) => call.activityId === activity.id);
    expect(reply, "a reply to the search").toBeDefined();
    const [card] = cardsIn(reply!.body);
    expect(card, "the search answer is a card").toBeDefined();
    expect(cardText(card)).toContain("Rinkebyskolan");
    expect(reply!.body.summary).toEqual(expect.stringContaining("Rinkebyskolan"));
  });

  it("answers a channel mention in the message's thread, without the <at> markup reaching the engine", async () => {
    const activity = message("channel", "sök Rinkebyskolan", { serviceUrl: h.connector.serviceUrl });
    expect((await h.post(activity)).status).toBe(200);
    const thread = channelThreadId(String(activity.id));
    const replies = h.connector.messages(thread);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.activityId).toBe(activity.id);
    expect(cardText(cardsIn(replies[0]!.body)[0])).toContain("Rinkebyskolan");
  });

  it("answers a group-chat mention", async () => {
    // The recorded group-chat payload has no aadObjectId; Teams normally sends one.
    const activity = message("group", "hjälp", { serviceUrl: h.connector.serviceUrl, aadObjectId: ADVISOR_AAD_ID });
    expect((await h.post(activity)).status).toBe(200);
    const replies = h.connector.messages().filter((call) => call.activityId === activity.id);
    expect(replies).toHaveLength(1);
    expect(cardsIn(replies[0]!.body)).toHaveLength(1);
    expect(cardText(cardsIn(replies[0]!.body)[0])).toContain(`Hej ${ADVISOR_NAME}!`);
  });

  it("explains that it cannot tell who is writing when Teams sends no Entra object id", async () => {
    const activity = message("group", "hjälp", { serviceUrl: h.connector.serviceUrl });
    expect((await h.post(activity)).status).toBe(200);
    const [reply] = h.connector.messages().filter((call) => call.activityId === activity.id);
    expect(String(reply?.body.text)).toContain("vilket Microsoft-konto");
  });

  it("stays quiet in a channel when the bot is not mentioned", async () => {
    const before = h.connector.calls.length;
    const activity = message("channel", "sök Rinkebyskolan", { serviceUrl: h.connector.serviceUrl, mention: false });
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.calls.length).toBe(before);
  });

  it("tells a Teams user who is not linked to a staff member how to get access", async () => {
    const activity = message("personal", "mina dialoger", { serviceUrl: h.connector.serviceUrl, aadObjectId: UNLINKED_AAD_ID });
    expect((await h.post(activity)).status).toBe(200);
    const [reply] = h.connector.messages().filter((call) => call.activityId === activity.id);
    const text = reply?.body.text;
    const shown = `${typeof text === "string" ? text : ""}\n${cardText(cardsIn(reply?.body)[0] ?? {})}`;
    expect(shown).toContain("känner inte igen ditt konto");
  });
});
