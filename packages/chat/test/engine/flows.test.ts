import { describe, expect, it } from "vitest";
import { actionIn, chatWorld, seen } from "./world";

describe("booking a dialogue in conversation", () => {
  it("asks for what is missing, one question at a time, and books after confirmation", async () => {
    const w = await chatWorld();
    expect(seen(await w.say("boka dialog"))).toContain("Med vilken huvudman eller skola?");
    expect(seen(await w.say("Borås kommun"))).toContain("Vilken dag och tid?");
    expect(seen(await w.say("3/12 kl 14"))).toContain("Var ska dialogen hållas?");
    const confirm = await w.say("digitalt");
    expect(seen(confirm)).toContain("Stämmer det här?");
    expect(seen(confirm)).toContain("tor 3 dec 14:00–15:00");
    expect((await w.sv.counts()).dialogues).toBe(0);
    const booked = await w.say("ja");
    expect(seen(booked)).toContain("Klart! Dialogen är bokad.");
    const [dialogue] = await w.sv.dialogues.listUpcoming({});
    expect(dialogue).toMatchObject({ start: "2026-12-03T14:00:00+01:00", digital: true, status: "booked" });
    const audit = await w.sv.audit.list({ entityType: "dialogue" });
    expect(audit[0]).toMatchObject({ action: "dialogue.book", channel: "slack" });
  });

  it("offers free slots on a conflict and books the one picked", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    expect(seen(await w.say("ja"))).toContain("Dialogen är bokad");
    const second = await w.say("boka dialog med Göteborgs kommun imorgon kl 10 i Göteborg");
    expect(seen(second)).toContain("Stämmer det här?");
    const conflict = await w.act(actionIn(second, "book.confirm"));
    expect(seen(conflict)).toContain("Tiden krockar");
    expect(seen(conflict)).toContain("Karin Lind är upptagen 2026-11-24 10:00–11:00");
    const slot = actionIn(conflict, "book.slot");
    expect(slot.value.start).toBe("2026-11-24T08:00:00+01:00");
    const confirmAgain = await w.act(slot);
    expect(seen(confirmAgain)).toContain("tis 24 nov 08:00–09:00");
    const booked = await w.act(actionIn(confirmAgain, "book.confirm"));
    expect(seen(booked)).toContain("Dialogen är bokad");
    const mine = await w.sv.dialogues.listUpcoming({});
    expect(mine.map((d) => [d.start, d.officeId])).toEqual([
      ["2026-11-24T08:00:00+01:00", "goteborg"],
      ["2026-11-24T10:00:00+01:00", null],
    ]);
  });

  it("picks among several matching organizers from a short list", async () => {
    const w = await chatWorld();
    const pick = await w.say("boka dialog med kommun imorgon kl 13 digitalt");
    expect(seen(pick)).toContain("Vilken menar du?");
    const confirm = await w.act(actionIn(pick, "book.organizer"));
    expect(seen(confirm)).toContain("Stämmer det här?");
  });

  it("books through the form, with errors shown on the fields", async () => {
    const w = await chatWorld();
    const form = await w.act({ id: "book.form", value: {} });
    expect(form.openForm?.blocks[0]?.type).toBe("form");
    const bad = await w.submit({ id: "book", values: { organizer: "Borås kommun", date: "2026-12-03", time: "", duration: 700, place: "digital" } });
    expect(bad.formErrors).toEqual({ time: "Ange en tid, t.ex. 14:00.", duration: "Längden ska vara 15–480 minuter." });
    expect((await w.sv.counts()).dialogues).toBe(0);
    const ok = await w.submit({ id: "book", values: { organizer: "Borås kommun", date: "2026-12-03", time: "14:00", duration: 90, place: "goteborg" } });
    expect(ok.closeForm).toBe(true);
    expect(seen(ok)).toContain("tor 3 dec 14:00–15:30");
    const clash = await w.submit({ id: "book", values: { organizer: "Göteborgs kommun", date: "2026-12-03", time: "15:00", duration: 60, place: "digital" } });
    expect(clash.formErrors?.time).toMatch(/^Tiden krockar: Karin Lind är upptagen 2026-12-03 14:00–15:30\. Lediga tider: tor 3 dec 08:00–09:00/);
  });

  it("lets the user cancel at any step, and writes nothing", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun imorgon kl 10");
    expect(seen(await w.say("avbryt"))).toContain("Okej, jag avbröt");
    expect(seen(await w.say("digitalt"))).not.toContain("Stämmer det här?");
    expect((await w.sv.counts()).dialogues).toBe(0);
  });

  it("continues a conversation on another bot instance after a restart", async () => {
    const first = await chatWorld();
    await first.say("boka dialog med Borås kommun");
    const second = await chatWorld({ store: first.store });
    expect(seen(await second.say("imorgon kl 9"))).toContain("Var ska dialogen hållas?");
  });
});

describe("managing dialogues", () => {
  it("lists, reschedules and cancels my dialogues", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    await w.say("ja");
    expect(seen(await w.say("mina dialoger"))).toContain("tis 24 nov 10:00–11:00 · Borås kommun");
    const move = await w.say("flytta dialogen med Borås kommun till fredag kl 13");
    expect(seen(move)).toContain("Ny tid: fre 27 nov 13:00–14:00");
    await w.act(actionIn(move, "dialogue.reschedule.confirm"));
    expect((await w.sv.dialogues.listUpcoming({}))[0]?.start).toBe("2026-11-27T13:00:00+01:00");
    const cancel = await w.say("avboka dialogen med Borås kommun");
    expect(seen(cancel)).toContain("Vill du ställa in den här dialogen?");
    expect(seen(await w.act(actionIn(cancel, "dialogue.cancel.confirm")))).toContain("Dialogen är inställd.");
    expect(await w.sv.dialogues.listUpcoming({})).toEqual([]);
  });
});

describe("assignments", () => {
  it("logs progress after confirmation and shows the history", async () => {
    const w = await chatWorld();
    const confirm = await w.say("logga framsteg U-1 60% klar med kartläggningen");
    expect(seen(confirm)).toContain("Ska jag logga det här?");
    expect(await w.sv.assignments.history("U-1")).toEqual([]);
    const logged = await w.act(actionIn(confirm, "progress.confirm"));
    expect(seen(logged)).toContain("Loggat. Tack!");
    const history = await w.sv.assignments.history("U-1");
    expect(history.map((h) => [h.percent, h.note])).toEqual([[60, expect.stringMatching(/kartläggningen/i)]]);
    expect(seen(await w.say("visa U-1"))).toContain("60 %");
  });

  it("logs progress from the form opened by a button", async () => {
    const w = await chatWorld();
    const card = await w.say("visa uppdrag U-1");
    const opened = await w.act(actionIn(card, "progress.form"));
    expect(opened.openForm).toBeDefined();
    const invalid = await w.submit({ id: "progress", values: { note: "Workshop", percent: 140 }, context: { ref: "U-1" } });
    expect(invalid.formErrors).toEqual({ percent: "Procent måste vara mellan 0 och 100." });
    const done = await w.submit({ id: "progress", values: { note: "Workshop med elevhälsan", percent: 30, phase: "planning" }, context: { ref: "U-1" } });
    expect(done.closeForm).toBe(true);
    expect(await w.sv.assignments.get("U-1")).toMatchObject({ phase: "planning", percent: 30 });
  });

  it("lists my assignments", async () => {
    const w = await chatWorld();
    expect(seen(await w.say("mina uppdrag"))).toContain("U-1 Kartlägg frånvaron");
  });
});

describe("schools, coverage and help", () => {
  it("finds a school despite missing diacritics and shows its card with a booking action", async () => {
    const w = await chatWorld();
    const found = await w.say("sök kannebacksskolan");
    expect(seen(found)).toContain("Kannebäcksskolan 1-9 resursskola");
    const card = await w.act(actionIn(found, "school.show"));
    expect(seen(card)).toContain("Göteborgs kommun");
    const start = await w.act(actionIn(card, "book.start"));
    expect(seen(start)).toContain("Vilken dag och tid?");
  });

  it("shows coverage and help", async () => {
    const w = await chatWorld();
    expect(seen(await w.say("täckning"))).toContain("0 av 2800");
    expect(seen(await w.say("hjälp"))).toContain("boka dialog med Borås kommun imorgon kl 10");
  });
});

describe("identity and roles", () => {
  it("explains to an unknown user how to be added, and does nothing", async () => {
    const w = await chatWorld();
    const reply = await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt", w.stranger);
    expect(seen(reply)).toContain("Be en administratör lägga till dig");
    expect(await w.sv.state.list("conversation")).toEqual([]);
  });

  it("tells a viewer politely that booking needs the advisor role", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt", w.viewer);
    const refused = await w.say("ja", w.viewer);
    expect(seen(refused)).toContain("får inte boka kvalitetsdialoger");
    expect((await w.sv.counts()).dialogues).toBe(0);
  });
});
