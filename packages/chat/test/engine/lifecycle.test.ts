import { describe, expect, it } from "vitest";
import { renderText } from "../../src/index";
import { actionIn, checkReply, chatWorld, seen } from "./world";

/** The dialogue lifecycle through the engine: contacts, briefing before, minutes after, follow-up. */
describe("dialogue lifecycle in conversation", () => {
  async function bookedWorld() {
    const w = await chatWorld();
    const boras = (await w.sv.organizers.find("Borås kommun"))!;
    const karin = (await w.engine.resolveStaff(w.karin))!;
    const asKarin = { actor: { staffId: karin.id }, channel: "api" } as const;
    const dialogue = await w.sv.dialogues.book({ organizerId: boras.id, officeId: "goteborg", start: "2026-11-24T10:00", durationMinutes: 90 }, asKarin);
    return { w, boras, karin, asKarin, dialogue };
  }

  it("prepares, records minutes, books the follow-up from them, and the follow-up links back", async () => {
    const { w, boras, dialogue } = await bookedWorld();
    // Contact person through the chat form, chosen for the dialogue.
    const form = await w.act({ id: "contact.form", value: { organizerId: boras.id } });
    expect(form.openForm?.blocks[0]).toMatchObject({ type: "form", id: "contact" });
    const bad = await w.submit({ id: "contact", values: { name: "Anna Berg", role: "förvaltningschef", email: "anna@" }, context: { organizerId: boras.id } });
    expect(bad.formErrors?.email).toContain("E-postadressen är ogiltig");
    const saved = await w.submit({
      id: "contact",
      values: { name: "Anna Berg", role: "förvaltningschef", email: "anna.berg@boras.se", phone: "033-35 70 00" },
      context: { organizerId: boras.id },
    });
    expect(saved.closeForm).toBe(true);
    expect(seen(saved)).toContain("Anna Berg, förvaltningschef");
    const [anna] = await w.sv.contacts.list(boras.id, { actor: { system: "test" }, channel: "system" });
    const pick = await w.act({ id: "dialogue.contacts.form", value: { id: dialogue.id } });
    expect(pick.openForm?.blocks[0]).toMatchObject({ type: "form", id: "dialogue.contacts" });
    const linked = await w.submit({ id: "dialogue.contacts", values: { [`contact_${anna!.id}`]: true }, context: { id: dialogue.id } });
    expect(seen(linked)).toContain("Möter: Anna Berg (förvaltningschef)");

    // Before: the briefing, from text and from the button on the upcoming dialogue.
    const shown = await w.act({ id: "dialogue.show", value: { id: dialogue.id } });
    const briefing = await w.act(actionIn(shown, "dialogue.prepare"));
    expect(seen(briefing)).toContain("Inför dialogen med Borås kommun");
    expect(seen(briefing)).toContain("Anna Berg (förvaltningschef)");
    expect(seen(await w.say("förbered dialogen med Borås kommun"))).toMatch(/Nästa dialog: +tis 24 nov 10:00–11:30/);
    const more = await w.act(actionIn(briefing, "dialogue.prepare.more"));
    expect(seen(more)).toContain("Fredriksborgskolan F-9 (13746989)");

    // After: the minutes, with an agreed action that becomes an assignment in the organizer's plan.
    w.setNow("2026-11-24T15:00:00+01:00");
    const record = await w.say("dialogen med Borås kommun är genomförd");
    expect(seen(record)).toContain("Skriv protokollet för dialogen");
    const minutesForm = await w.act(actionIn(record, "dialogue.record.form"));
    expect(minutesForm.openForm?.blocks[0]).toMatchObject({ type: "form", id: "minutes" });
    const missingTitle = await w.submit({ id: "minutes", values: { action_1_assign: true }, context: { id: dialogue.id } });
    expect(missingTitle.formErrors).toEqual({ action_1: "Beskriv åtgärden, eller töm raden." });
    const done = await w.submit({
      id: "minutes",
      values: {
        topic_1: true,
        topic_3: true,
        notes: "Frånvaron i åk 7–9 är hög.",
        action_1: "Kartlägg frånvaron i åk 7–9",
        action_1_assign: true,
        action_1_responsible: "karin.lind@spsm.se",
        action_1_due: "2027-03-31",
        action_2: "Skicka rapporten",
        next: "2027-03-15",
      },
      context: { id: dialogue.id },
    });
    expect(done.closeForm).toBe(true);
    expect(seen(done)).toContain("Protokollet är sparat");
    expect(seen(done)).toContain("U-2 Kartlägg frånvaron i åk 7–9");
    const u2 = await w.sv.assignments.get("U-2");
    const plan = (await w.sv.assignments.listPlans()).find((p) => p.id === u2.planId);
    expect(plan).toMatchObject({ title: "Plan Borås kommun", organizerId: boras.id });
    expect(u2).toMatchObject({ dueDate: "2027-03-31", focusArea: "pupilHealth" });
    expect((await w.sv.dialogues.get(dialogue.id)).status).toBe("held");

    // Minutes are not rewritten, neither from the button nor by resubmitting the form.
    expect(seen(await w.act({ id: "dialogue.record.form", value: { id: dialogue.id } }))).toContain("Dialogen har redan ett protokoll");
    const again = await w.submit({ id: "minutes", values: { notes: "Ändrat" }, context: { id: dialogue.id } });
    expect(again.formErrors?.notes).toContain("Protokoll skrivs inte om");
    expect((await w.sv.minutes.get(dialogue.id))?.notes).toBe("Frånvaron i åk 7–9 är hög.");

    // The follow-up: same organizer and place, on the date the minutes name.
    const ask = await w.act(actionIn(done, "book.followup"));
    expect(seen(ask)).toContain("mån 15 mar");
    const confirm = await w.say("kl 10");
    expect(seen(confirm)).toContain("Följer upp förra dialogen");
    expect(seen(await w.say("ja"))).toContain("Dialogen är bokad");
    const [followUp] = await w.sv.dialogues.listUpcoming({ organizerId: boras.id });
    expect(followUp).toMatchObject({ start: "2027-03-15T10:00:00+01:00", followsUpId: dialogue.id, officeId: "goteborg" });
    const minutesCard = await w.act({ id: "minutes.show", value: { id: dialogue.id } });
    expect(actionIn(minutesCard, "dialogue.show").value).toEqual({ id: followUp!.id });
    // The briefing for the follow-up carries the minutes and the action's status.
    const details = await w.act({ id: "dialogue.prepare.more", value: { organizerId: boras.id, index: 0 } });
    expect(seen(details)).toContain("U-2 Kartlägg frånvaron i åk 7–9 (Uppstart)");
  });

  it("lets a viewer read the briefing but not add contact persons", async () => {
    const { w, boras } = await bookedWorld();
    expect(seen(await w.act({ id: "contact.form", value: { organizerId: boras.id } }, w.viewer))).toContain("Du har läsbehörighet");
    const submitted = await w.engine.handle({
      user: w.viewer,
      conversationId: "D0VERA",
      form: { id: "contact", values: { name: "Anna Berg", role: "rektor" }, context: { organizerId: boras.id } },
    });
    checkReply(submitted);
    expect(submitted.formErrors?.name).toContain("får inte lägga till kontaktpersoner");
    expect(await w.sv.contacts.list(boras.id, { actor: { system: "test" }, channel: "system" })).toEqual([]);
    expect(seen(await w.say("förbered dialogen med Borås kommun", w.viewer))).toContain("Inför dialogen med Borås kommun");
  });

  it("erases a contact person from the organizer, the dialogues and every card, and the audit keeps no name", async () => {
    const { w, boras, dialogue, asKarin } = await bookedWorld();
    const anna = await w.sv.contacts.add(
      { organizerId: boras.id, name: "Anna Berg", role: "förvaltningschef", email: "anna.berg@boras.se", notes: "Nås bäst förmiddagar" },
      asKarin,
    );
    await w.sv.contacts.setForDialogue(dialogue.id, [anna.id], asKarin);
    const cards = async () => {
      const replies = [
        await w.act({ id: "dialogue.show", value: { id: dialogue.id } }),
        await w.act({ id: "dialogue.prepare", value: { organizerId: boras.id } }),
        await w.act({ id: "dialogue.prepare.more", value: { organizerId: boras.id, index: 0 } }),
        await w.say("mina dialoger"),
      ];
      return replies.map((r) => [...r.messages.map((m) => renderText(m)), JSON.stringify(r)].join("\n")).join("\n");
    };
    expect(await cards()).toContain("Anna Berg");
    await w.sv.contacts.erase(anna.id, asKarin);
    const after = await cards();
    expect(after).not.toMatch(/Anna|Berg|anna\.berg|förmiddagar/);
    expect(await w.sv.contacts.forDialogue(dialogue.id, asKarin)).toEqual([]);
    const audit = await w.sv.audit.list({ limit: 1000 });
    expect(audit.find((a) => a.action === "contact.erase")).toMatchObject({
      entityType: "contact",
      entityId: anna.id,
      details: { organizerId: boras.id, dialogueLinksRemoved: 1 },
    });
    expect(JSON.stringify(audit)).not.toMatch(/Anna|Berg|anna\.berg|förmiddagar/);
  });

  it("shows both new intents in the help", async () => {
    const w = await chatWorld();
    const help = seen(await w.say("hjälp"));
    expect(help).toContain("förbered dialogen med Borås kommun");
    expect(help).toContain("dialogen med Borås kommun är genomförd");
  });
});

describe("mina påminnelser", () => {
  it("shows a person's nudges and switches one off and on again", async () => {
    const w = await chatWorld();
    const karin = (await w.engine.resolveStaff(w.karin))!;
    const card = await w.say("mina påminnelser");
    expect(seen(card)).toContain("Förberedelse arbetsdagen före en dialog, kl 08:00");
    const off = await w.act(actionIn(card, "nudge.toggle", 2));
    expect(seen(off)).toContain("Avstängd.");
    expect(await w.sv.nudges.settings(karin.id)).toEqual({ briefing: true, minutes: true, stale: false });
    const on = await w.act(actionIn(off, "nudge.toggle", 2));
    expect(seen(on)).toContain("Påslagen.");
    expect(await w.sv.nudges.settings(karin.id)).toEqual({ briefing: true, minutes: true, stale: true });
  });
});
