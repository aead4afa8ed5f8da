import { beforeEach, describe, expect, it } from "vitest";
import type { PlatformUser } from "../../src/engine/index";
import { actionIn, chatWorld, seen, type ChatWorld } from "./world";

/**
 * Button values and submitted form data come from the client and can be forged: the engine
 * only acts on what this user's stored conversation state asks about, and the SDK checks
 * the user's rights again before any write.
 */
describe("forged action values", () => {
  let w: ChatWorld;
  let omar: PlatformUser;
  let omarId: string;
  let karinsDialogue: string;
  let omarsDialogue: string;
  const expired = "Den här frågan har gått ut";
  const notYours = "Du kan bara ändra dialoger som du bokat eller deltar i. Be en enhetschef om hjälp.";

  beforeEach(async () => {
    w = await chatWorld();
    const system = { actor: { system: "test" }, channel: "system" } as const;
    omar = { platform: "slack", teamId: "T0SAMVERK", userId: "U0OMAR" };
    omarId = (
      await w.sv.staff.create(
        { name: "Omar Haddad", agency: "skolverket", role: "advisor", identities: [{ platform: "slack", teamId: "T0SAMVERK", userId: "U0OMAR" }] },
        system,
      )
    ).id;
    const [boras, goteborg] = await w.sv.organizers.search("kommun", { limit: 2 }).then((hits) => hits.map((h) => h.organizer.id));
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    await w.say("ja");
    karinsDialogue = (await w.sv.dialogues.listUpcoming({}))[0]!.id;
    omarsDialogue = (
      await w.sv.dialogues.book(
        { organizerId: goteborg ?? boras!, digital: true, start: "2026-11-25T13:00", durationMinutes: 60 },
        { actor: { staffId: omarId }, channel: "slack" },
      )
    ).id;
  });

  it("refuses to cancel or move someone else's dialogue from a forged button, with the reason", async () => {
    expect(seen(await w.act({ id: "dialogue.cancel.pick", value: { id: karinsDialogue } }, omar))).toBe(notYours);
    expect(seen(await w.act({ id: "dialogue.reschedule.pick", value: { id: karinsDialogue } }, omar))).toBe(notYours);
    expect(seen(await w.act({ id: "dialogue.cancel.confirm", value: { id: karinsDialogue } }, omar))).toContain(expired);
    expect(seen(await w.act({ id: "dialogue.reschedule.confirm", value: { id: karinsDialogue, start: "2026-11-26T10:00:00+01:00" } }, omar))).toContain(
      expired,
    );
    expect(await w.sv.dialogues.get(karinsDialogue)).toMatchObject({ status: "booked", start: "2026-11-24T10:00:00+01:00" });
  });

  it("confirms only the dialogue the conversation asked about, not another id swapped into the button", async () => {
    const ask = await w.act({ id: "dialogue.cancel.pick", value: { id: omarsDialogue } }, omar);
    expect(seen(ask)).toContain("Vill du ställa in den här dialogen?");
    const confirm = actionIn(ask, "dialogue.cancel.confirm");
    expect(seen(await w.act({ ...confirm, value: { id: karinsDialogue } }, omar))).toContain(expired);
    // Even a unit head's own forged confirm for a dialogue she was not asked about does nothing.
    expect(seen(await w.act({ ...confirm, value: { id: omarsDialogue } }))).toContain(expired);
    expect((await w.sv.dialogues.listUpcoming({})).map((d) => d.status)).toEqual(["booked", "booked"]);
    // The genuine button still works for its owner.
    expect(seen(await w.act(confirm, omar))).toContain("Dialogen är inställd.");
    expect(await w.sv.dialogues.get(karinsDialogue)).toMatchObject({ status: "booked" });
  });

  it("moves only the dialogue the conversation asked about", async () => {
    const ask = await w.say("flytta min dialog till onsdag kl 15", omar);
    const confirm = actionIn(ask, "dialogue.reschedule.confirm");
    expect(confirm.value.id).toBe(omarsDialogue);
    expect(seen(await w.act({ ...confirm, value: { ...confirm.value, id: karinsDialogue } }, omar))).toContain(expired);
    expect(await w.sv.dialogues.get(karinsDialogue)).toMatchObject({ start: "2026-11-24T10:00:00+01:00" });
    expect(seen(await w.act(confirm, omar))).toContain("Dialogen är flyttad");
  });

  it("refuses progress on an assignment the user is not responsible for, from buttons and from a submitted form", async () => {
    const notResponsible = "Du är inte ansvarig för U-1 och kan inte logga framsteg eller ändra fas där. Be den ansvariga eller en enhetschef.";
    expect(seen(await w.act({ id: "progress.pick", value: { ref: "U-1" } }, omar))).toBe(notResponsible);
    const form = await w.act({ id: "progress.form", value: { ref: "U-1" } }, omar);
    expect(form.openForm).toBeUndefined();
    expect(seen(form)).toBe(notResponsible);
    expect(seen(await w.say("logga framsteg U-1 50% klart", omar))).toBe(notResponsible);
    const submitted = await w.engine.handle({
      user: omar,
      conversationId: "C0DIALOG:1700000000.000100",
      form: { id: "progress", values: { note: "Jag tar över", percent: 100, phase: "completed" }, context: { ref: "U-1" } },
    });
    expect(seen(submitted)).toBe(notResponsible);
    expect(await w.sv.assignments.history("U-1")).toEqual([]);
    expect(await w.sv.assignments.get("U-1")).toMatchObject({ phase: "startUp" });
  });
});
