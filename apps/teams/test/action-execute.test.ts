/**
 * Universal Actions: `Action.Execute` buttons run engine action turns and the clicked card
 * is replaced in place by the answer (invoke response `application/vnd.microsoft.card.adaptive`).
 */
import type { Engine } from "@samverkan/chat";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionExecute, channelThreadId, fixturesAvailable, fixturesMissingReason, message, nextMessageId } from "./support/activities";
import { actionsOf, cardsIn, cardsSent, cardText, expectValidCards } from "./support/cards";
import { startHarness, type Harness } from "./support/harness";

type Json = Record<string, unknown>;

function refreshedCard(response: { status: number; body: unknown }): Json {
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: { type: "AdaptiveCard" } });
  return (response.body as { value: Json }).value;
}

describe.skipIf(!fixturesAvailable)(`Action.Execute${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    // One stubbed action answers with two messages; everything else is the real engine.
    h = await startHarness({
      engine: (real): Engine => ({
        ...real,
        handle: (turn) =>
          turn.action?.id === "test.two"
            ? Promise.resolve({
                messages: [
                  { text: "Först", blocks: [{ type: "header", text: "Först" }] },
                  { text: "Sedan", blocks: [{ type: "header", text: "Sedan" }] },
                ],
              })
            : real.handle(turn),
      }),
    });
  });
  afterAll(async () => {
    expectValidCards([...cardsSent(h.connector.calls), ...h.invokeResponses.flatMap(cardsIn)]);
    await h.close();
  });

  it("books from a school card's button in a channel thread, refreshing the card at every step", async () => {
    const serviceUrl = h.connector.serviceUrl;
    const root = nextMessageId();
    const inThread = { serviceUrl, threadRootId: root };

    // "Boka dialog" on a school card → the engine asks when.
    const started = refreshedCard(await h.post(actionExecute("channel", "book.start", { organizerId: h.world.stockholmId, schoolUnitCode: "39907811" }, { ...inThread, replyToId: root })));
    expect(cardText(started)).toContain("Vilken dag och tid");

    // The answer is typed in the thread (mentioning the bot) → the engine asks where.
    const when = message("channel", "imorgon kl 10", inThread);
    await h.post(when);
    const [placeQuestion] = h.connector.messages(channelThreadId(root)).filter((call) => call.activityId === when.id);
    const digital = actionsOf(cardsIn(placeQuestion!.body)[0]).find((action) => action.verb === "book.place" && (action.data as Json).digital === true);
    expect(digital, "a 'Digitalt' button").toBeDefined();

    // "Digitalt" → the card becomes the confirmation.
    const confirm = refreshedCard(await h.post(actionExecute("channel", "book.place", digital!.data as Json, inThread)));
    expect(cardText(confirm)).toContain("Stockholms kommun");
    const book = actionsOf(confirm).find((action) => action.verb === "book.confirm");
    expect(book).toMatchObject({ type: "Action.Execute", title: "Boka" });

    // "Boka" → booked; the confirmation card is replaced by the booked dialogue.
    const booked = refreshedCard(await h.post(actionExecute("channel", "book.confirm", book!.data as Json, inThread)));
    expect(cardText(booked)).toContain("Dialogen är bokad");
    // An upcoming dialogue offers its briefing, the calendar file (a link), contact persons, moving and cancelling.
    expect(actionsOf(booked).map((action) => action.verb ?? action.type)).toEqual([
      "dialogue.prepare",
      "Action.OpenUrl",
      "dialogue.contacts.form",
      "dialogue.reschedule.pick",
      "dialogue.cancel.pick",
    ]);
    const dialogues = await h.world.samverkan.dialogues.listBetween("2026-11-24T00:00", "2026-11-25T00:00");
    expect(dialogues).toHaveLength(1);
    expect(dialogues[0]).toMatchObject({ organizerId: h.world.stockholmId, digital: true });
  });

  it("replaces the card with the first message and posts the others as new activities", async () => {
    const serviceUrl = h.connector.serviceUrl;
    const before = h.connector.messages().length;
    const activity = actionExecute("personal", "test.two", {}, { serviceUrl });
    const card = refreshedCard(await h.post(activity));
    expect(cardText(card)).toContain("Först");
    const posted = h.connector.messages().slice(before);
    expect(posted).toHaveLength(1);
    expect(cardText(cardsIn(posted[0]!.body)[0])).toContain("Sedan");
  });

  it("says the question has expired for a confirm with nothing pending", async () => {
    const card = refreshedCard(await h.post(actionExecute("personal", "book.confirm", {}, { serviceUrl: h.connector.serviceUrl })));
    expect(cardText(card)).toContain("gått ut");
  });
});
