/**
 * Universal Actions: `Action.Execute` buttons run engine action turns. When the engine says
 * its reply replaces the clicked message, the card is replaced in place by the answer (invoke
 * response `application/vnd.microsoft.card.adaptive`); otherwise the answer is posted as a
 * new activity and the invoke answers with a short note (the card stays).
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

/** The invoke left the clicked card as it was and said where the answer went. */
function leftCard(response: { status: number; body: unknown }): void {
  expect(response.status).toBe(200);
  expect(response.body).toEqual({
    statusCode: 200,
    type: "application/vnd.microsoft.activity.message",
    value: expect.stringMatching(/^(Svaret kommer i chatten|The answer is in the chat)\.$/),
  });
}

describe.skipIf(!fixturesAvailable)(`Action.Execute${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    // One stubbed action answers with two messages; everything else is the real engine.
    h = await startHarness({
      engine: (real): Engine => ({
        ...real,
        handle: (turn) =>
          turn.action?.id === "test.two" || turn.action?.id === "test.two.new"
            ? Promise.resolve({
                messages: [
                  { text: "Först", blocks: [{ type: "header", text: "Först" }] },
                  { text: "Sedan", blocks: [{ type: "header", text: "Sedan" }] },
                ],
                replaceOriginal: turn.action.id === "test.two",
              })
            : real.handle(turn),
      }),
    });
  });
  afterAll(async () => {
    expectValidCards([...cardsSent(h.connector.calls), ...h.invokeResponses.flatMap(cardsIn)]);
    await h.close();
  });

  it("books from a school card's button in a channel thread: new questions as new messages, the confirmation's answer in its card", async () => {
    const serviceUrl = h.connector.serviceUrl;
    const root = nextMessageId();
    const inThread = { serviceUrl, threadRootId: root };

    // "Boka dialog" on a school card → the engine asks when, in a new message; the school card stays.
    const beforeStart = h.connector.messages(channelThreadId(root)).length;
    leftCard(
      await h.post(actionExecute("channel", "book.start", { organizerId: h.world.stockholmId, schoolUnitCode: "39907811" }, { ...inThread, replyToId: root })),
    );
    const [started, ...moreStarted] = h.connector.messages(channelThreadId(root)).slice(beforeStart);
    expect(moreStarted).toEqual([]);
    expect(JSON.stringify(started!.body)).toContain("Vilken dag och tid");

    // The answer is typed in the thread (mentioning the bot) → the engine asks where.
    const when = message("channel", "imorgon kl 10", inThread);
    await h.post(when);
    const [placeQuestion] = h.connector.messages(channelThreadId(root)).filter((call) => call.activityId === when.id);
    const digital = actionsOf(cardsIn(placeQuestion!.body)[0]).find((action) => action.verb === "book.place" && (action.data as Json).digital === true);
    expect(digital, "a 'Digitalt' button").toBeDefined();

    // "Digitalt" → the confirmation comes as a new message under the question.
    const beforeConfirm = h.connector.messages(channelThreadId(root)).length;
    leftCard(await h.post(actionExecute("channel", "book.place", digital!.data as Json, inThread)));
    const [confirmPosted] = h.connector.messages(channelThreadId(root)).slice(beforeConfirm);
    const confirm = cardsIn(confirmPosted!.body)[0]!;
    expect(cardText(confirm)).toContain("Stockholms kommun");
    const book = actionsOf(confirm).find((action) => action.verb === "book.confirm");
    expect(book).toMatchObject({ type: "Action.Execute", title: "Boka" });

    // "Boka" → booked; the confirmation card is replaced by the booked dialogue, nothing new is posted.
    const beforeBooked = h.connector.messages().length;
    const booked = refreshedCard(await h.post(actionExecute("channel", "book.confirm", book!.data as Json, inThread)));
    expect(h.connector.messages().length).toBe(beforeBooked);
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

  it("a replacing reply: the card becomes the first message, the others are posted as new activities", async () => {
    const serviceUrl = h.connector.serviceUrl;
    const before = h.connector.messages().length;
    const activity = actionExecute("personal", "test.two", {}, { serviceUrl });
    const card = refreshedCard(await h.post(activity));
    expect(cardText(card)).toContain("Först");
    const posted = h.connector.messages().slice(before);
    expect(posted).toHaveLength(1);
    expect(cardText(cardsIn(posted[0]!.body)[0])).toContain("Sedan");
  });

  it("a reply that does not replace: every message is posted as a new activity and the card stays", async () => {
    const before = h.connector.messages().length;
    leftCard(await h.post(actionExecute("personal", "test.two.new", {}, { serviceUrl: h.connector.serviceUrl })));
    const posted = h.connector.messages().slice(before);
    expect(posted.map((call) => cardText(cardsIn(call.body)[0]))).toEqual([expect.stringContaining("Först"), expect.stringContaining("Sedan")]);
  });

  it("says the question has expired for a confirm with nothing pending", async () => {
    const card = refreshedCard(await h.post(actionExecute("personal", "book.confirm", {}, { serviceUrl: h.connector.serviceUrl })));
    expect(cardText(card)).toContain("gått ut");
  });
});
