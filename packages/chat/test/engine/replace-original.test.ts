import { describe, expect, it } from "vitest";
import { actionIn, chatWorld, seen } from "./world";

/**
 * Whether a reply takes the place of the message the user clicked is the engine's word
 * (`replaceOriginal`); the Slack and Teams apps only follow it.
 */
describe("which replies replace the clicked message", () => {
  it("a confirmation button's answer replaces the question; typing 'ja' posts a new message", async () => {
    const w = await chatWorld();
    const asked = await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    expect(seen(asked)).toContain("Stämmer det här?");
    expect(asked.replaceOriginal).toBe(false);
    const booked = await w.act(actionIn(asked, "book.confirm"));
    expect(seen(booked)).toContain("Dialogen är bokad");
    expect(booked.replaceOriginal).toBe(true);

    const again = await w.say("boka dialog med Göteborgs kommun imorgon kl 11 digitalt");
    const typed = await w.say("ja");
    expect(seen(typed)).toContain("Dialogen är bokad");
    expect([again.replaceOriginal, typed.replaceOriginal]).toEqual([false, false]);
  });

  it("a confirmation's every answer replaces the question: a conflict's free slots, an expired question", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    await w.say("ja");
    const second = await w.say("boka dialog med Göteborgs kommun imorgon kl 10 i Göteborg");
    const conflict = await w.act(actionIn(second, "book.confirm"));
    expect(seen(conflict)).toContain("Tiden krockar");
    expect(conflict.replaceOriginal).toBe(true);
    const stale = await w.act({ id: "book.confirm", value: {} });
    expect(seen(stale)).toContain("gått ut");
    expect(stale.replaceOriginal).toBe(true);
  });

  it("the cancel button replaces the question; the word 'avbryt' does not", async () => {
    const w = await chatWorld();
    const asked = await w.say("boka dialog med Borås kommun imorgon kl 10");
    const cancelled = await w.act(actionIn(asked, "flow.cancel"));
    expect(seen(cancelled)).toContain("Okej, jag avbröt");
    expect(cancelled.replaceOriginal).toBe(true);
    await w.say("boka dialog med Borås kommun imorgon kl 10");
    expect((await w.say("avbryt")).replaceOriginal).toBe(false);
  });

  it("turning a page replaces the list; asking for the list posts it", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    await w.say("ja");
    const list = await w.say("mina dialoger");
    expect(list.replaceOriginal).toBe(false);
    const page = await w.act({ id: "dialogue.list.page", value: { index: 0 } });
    expect(seen(page)).toContain("Borås kommun");
    expect(page.replaceOriginal).toBe(true);
    expect((await w.act({ id: "assignment.list.page", value: { index: 0 } })).replaceOriginal).toBe(true);
  });

  it("switching a nudge replaces the settings card", async () => {
    const w = await chatWorld();
    const card = await w.say("mina påminnelser");
    expect(card.replaceOriginal).toBe(false);
    const switched = await w.act(actionIn(card, "nudge.toggle", 2));
    expect(seen(switched)).toContain("Avstängd.");
    expect(switched.replaceOriginal).toBe(true);
  });

  it("a button that starts or shows something posts a new message and leaves the card", async () => {
    const w = await chatWorld();
    const school = await w.act({ id: "school.show", value: { code: "39907811" } });
    expect(seen(school)).toContain("Rinkebyskolan");
    expect(school.replaceOriginal).toBe(false);
    const start = await w.act(actionIn(school, "book.start"));
    expect(seen(start)).toContain("Vilken dag och tid");
    expect(start.replaceOriginal).toBe(false);
    const form = await w.act({ id: "book.form", value: {} });
    expect(form.openForm).toBeDefined();
    expect(form.replaceOriginal).toBe(false);
    expect((await w.act({ id: "no.such.button", value: {} })).replaceOriginal).toBe(false);
  });

  it("a submitted form never replaces a message", async () => {
    const w = await chatWorld();
    const ok = await w.submit({ id: "book", values: { organizer: "Borås kommun", date: "2026-12-03", time: "14:00", duration: 60, place: "digital" } });
    expect(ok.closeForm).toBe(true);
    expect(ok.replaceOriginal).toBe(false);
  });

  it("a click from someone the engine does not know replaces nothing", async () => {
    const w = await chatWorld();
    const refused = await w.act({ id: "book.confirm", value: {} }, w.stranger);
    expect(seen(refused)).toContain("känner inte igen");
    expect(refused.replaceOriginal).toBe(false);
  });
});
