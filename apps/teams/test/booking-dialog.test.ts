/**
 * Booking a quality dialogue through a Teams dialog (task module): the engine's form opens
 * from a button, a validation error and a conflict keep the dialog open with the user's
 * values and the messages, and an accepted form closes it and posts the booking.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionExecute, fixturesAvailable, fixturesMissingReason, message, taskFetch, taskSubmit } from "./support/activities";
import { actionsOf, cardsIn, cardsSent, cardText, expectValidCards, type CardJson } from "./support/cards";
import { startHarness, type Harness } from "./support/harness";

type Json = Record<string, unknown>;

function body(value: unknown): Json {
  expect(value).toBeTypeOf("object");
  return value as Json;
}

/** The card in a task module `continue` response. */
function dialogCard(response: unknown): CardJson {
  const task = body(body(response).task);
  expect(task.type).toBe("continue");
  const [card] = cardsIn(task.value);
  expect(card, "a card in the dialog").toBeDefined();
  return card!;
}

function submitData(card: CardJson, actionId: string): Json {
  const submit = actionsOf(card).find(
    (action) => action.type === "Action.Submit" && (body(body(action.data).samverkan).action as Json | undefined)?.id === actionId,
  );
  expect(submit, `an Action.Submit for ${actionId}`).toBeDefined();
  return structuredClone(body(submit!.data));
}

function inputValue(card: CardJson, id: string): unknown {
  let found: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const record = node as Json;
    if (typeof record.type === "string" && record.type.startsWith("Input.") && record.id === id) found = record.value;
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

describe.skipIf(!fixturesAvailable)(`booking through a Teams dialog${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expectValidCards([...cardsSent(h.connector.calls), ...h.invokeResponses.flatMap(cardsIn)]);
    await h.close();
  });

  it("opens the form from a button, shows errors and conflicts in the dialog, then books and posts the booking", async () => {
    const serviceUrl = h.connector.serviceUrl;
    // 1. "boka dialog" → the engine asks for the organizer and offers the form.
    const ask = message("personal", "boka dialog", { serviceUrl });
    await h.post(ask);
    const [question] = h.connector.messages().filter((call) => call.activityId === ask.id);
    const formButton = actionsOf(cardsIn(question!.body)[0]).find((action) => action.verb === "book.form");
    expect(formButton, "an 'Öppna formulär' Action.Execute").toMatchObject({ type: "Action.Execute", title: "Öppna formulär" });

    // 2. Action.Execute book.form → a new card whose button opens the dialog; the question stays.
    const beforeOpen = h.connector.messages().length;
    const opened = await h.post(actionExecute("personal", "book.form", body(formButton!.data), { serviceUrl, replyToId: "1:question" }));
    expect(opened.status).toBe(200);
    expect(body(opened.body)).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
    const [openerPosted, ...morePosted] = h.connector.messages().slice(beforeOpen);
    expect(morePosted).toEqual([]);
    const opener = actionsOf(cardsIn(openerPosted!.body)[0]).find((action) => action.type === "Action.Submit");
    expect(opener?.data).toMatchObject({ msteams: { type: "task/fetch" }, verb: "samverkan.dialog" });

    // 3. task/fetch → the booking form, every button an Action.Submit.
    const fetched = await h.post(taskFetch("personal", body(opener!.data), { serviceUrl }));
    expect(fetched.status).toBe(200);
    expect(body(body(fetched.body).task).value).toMatchObject({ title: "Boka dialog" });
    const form = dialogCard(fetched.body);
    expect(actionsOf(form).every((action) => action.type === "Action.Submit")).toBe(true);
    const submit = submitData(form, "book.submit");

    // 4. A submit without a date: the dialog stays open, keeps the input, says what is wrong.
    const invalid = await h.post(
      taskSubmit("personal", { ...submit, organizer: "Stockholms kommun", time: "10:00", duration: "60", place: "digital" }, { serviceUrl }),
    );
    const withError = dialogCard(invalid.body);
    expect(cardText(withError)).toContain("Ange ett datum");
    expect(inputValue(withError, "organizer")).toBe("Stockholms kommun");
    expect(inputValue(withError, "time")).toBe("10:00");

    // 5. A time that clashes with the advisor's own dialogue: the dialog says so.
    await h.world.samverkan.dialogues.book(
      { organizerId: h.world.goteborgId, start: "2026-11-25T10:00", durationMinutes: 60, digital: true },
      { actor: { staffId: h.world.advisorId }, channel: "api" },
    );
    const clashing = await h.post(
      taskSubmit(
        "personal",
        { ...submit, organizer: "Stockholms kommun", date: "2026-11-25", time: "10:30", duration: "60", place: "digital" },
        { serviceUrl },
      ),
    );
    const withConflict = dialogCard(clashing.body);
    expect(cardText(withConflict)).toMatch(/krockar/i);
    expect(inputValue(withConflict, "date")).toBe("2026-11-25");

    // 6. A free time: the dialog closes (empty 200) and the booking is posted in the chat.
    const before = h.connector.messages().length;
    const accepted = await h.post(
      taskSubmit(
        "personal",
        { ...submit, organizer: "Stockholms kommun", date: "2026-11-25", time: "13:00", duration: "60", place: "digital" },
        { serviceUrl },
      ),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toBeUndefined();
    const posted = h.connector.messages().slice(before);
    expect(posted).toHaveLength(1);
    expect(cardText(cardsIn(posted[0]!.body)[0])).toContain("Dialogen är bokad");
    const booked = await h.world.samverkan.dialogues.listBetween("2026-11-25T00:00", "2026-11-26T00:00");
    expect(booked.map((d) => d.start).sort()).toEqual([expect.stringContaining("2026-11-25T10:00"), expect.stringContaining("2026-11-25T13:00")]);

    // 7. The dialog is gone: submitting it again only says so, and books nothing.
    const again = await h.post(
      taskSubmit(
        "personal",
        { ...submit, organizer: "Stockholms kommun", date: "2026-11-26", time: "13:00", duration: "60", place: "digital" },
        { serviceUrl },
      ),
    );
    expect(body(body(again.body).task)).toMatchObject({ type: "message", value: expect.stringContaining("gått ut") });
    expect(await h.world.samverkan.dialogues.listBetween("2026-11-26T00:00", "2026-11-27T00:00")).toHaveLength(0);
  });

  /** The "Öppna formulär" button of the card a click posted (Universal Actions cannot open a dialog). */
  async function openerPosted(click: () => Promise<unknown>): Promise<Record<string, unknown> | undefined> {
    const before = h.connector.messages().length;
    await click();
    return actionsOf(cardsIn(h.connector.messages().slice(before).at(-1)!.body)[0]).find((action) => action.type === "Action.Submit");
  }

  it("closes the dialog quietly on Avbryt", async () => {
    const serviceUrl = h.connector.serviceUrl;
    const opener = await openerPosted(() => h.post(actionExecute("personal", "book.form", {}, { serviceUrl })));
    const form = dialogCard((await h.post(taskFetch("personal", body(opener!.data), { serviceUrl }))).body);
    const before = h.connector.calls.length;
    const cancelled = await h.post(taskSubmit("personal", submitData(form, "flow.cancel"), { serviceUrl }));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toBeUndefined();
    expect(h.connector.calls.length).toBe(before);
  });

  it("does not show one user's dialog to another", async () => {
    const serviceUrl = h.connector.serviceUrl;
    const opener = await openerPosted(() => h.post(actionExecute("personal", "book.form", {}, { serviceUrl })));
    const stranger = await h.post(taskFetch("personal", body(opener!.data), { serviceUrl, aadObjectId: "77777777-1111-2222-3333-444444444444" }));
    expect(body(body(stranger.body).task)).toMatchObject({ type: "message" });
  });
});
