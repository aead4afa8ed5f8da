import { describe, expect, it } from "vitest";
import type { EngineReply } from "../../src/engine/index";
import { actionIn, chatWorld, seen } from "./world";

const CALENDAR = {
  publicUrl: "https://samverkan.example.se",
  linkSecret: "chat-test-link-secret-0123456789abcdefghij",
  // Never dialled here: the tests read the outbox, they do not flush it.
  mail: { smtpUrl: "smtp://127.0.0.1:2525", from: "Samverkan <samverkan@skolverket.se>" },
};

function calendarLink(reply: EngineReply): string | undefined {
  for (const m of reply.messages) for (const b of m.blocks) if (b.type === "actions") for (const a of b.actions) if (a.id === "dialogue.ics") return a.url;
  return undefined;
}

describe("calendar in the booking conversation", () => {
  it("offers “Lägg till i kalendern” with a signed link and says who gets the invitation", async () => {
    const w = await chatWorld({ calendar: CALENDAR });
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    const booked = await w.say("ja");
    expect(seen(booked)).toContain("Klart! Dialogen är bokad.");
    expect(seen(booked)).toContain("Kalenderinbjudan skickas till karin.lind@spsm.se.");
    expect(seen(booked)).toContain("Lägg till i kalendern");
    const [dialogue] = await w.sv.dialogues.listUpcoming({});
    const link = new URL(calendarLink(booked)!);
    expect(link.origin + link.pathname).toBe(`https://samverkan.example.se/calendar/dialogues/${dialogue!.id}.ics`);
    expect(w.sv.calendar.verifyDialogueLink(dialogue!.id, Number(link.searchParams.get("expires")), link.searchParams.get("sig")!)).toBe("ok");
    expect(await w.sv.mail.outbox()).toMatchObject([{ dialogueId: dialogue!.id, method: "REQUEST", recipients: ["karin.lind@spsm.se"] }]);
  });

  it("says an updated invitation and a cancellation go out on reschedule and cancel", async () => {
    const w = await chatWorld({ calendar: CALENDAR });
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    await w.say("ja");
    const move = await w.say("flytta dialogen med Borås kommun till fredag kl 13");
    const moved = await w.act(actionIn(move, "dialogue.reschedule.confirm"));
    expect(seen(moved)).toContain("Uppdaterad kalenderinbjudan skickas till karin.lind@spsm.se.");
    const cancel = await w.say("avboka dialogen med Borås kommun");
    const cancelled = await w.act(actionIn(cancel, "dialogue.cancel.confirm"));
    expect(seen(cancelled)).toContain("Avbokning skickas till karin.lind@spsm.se.");
    expect(calendarLink(cancelled)).toBeUndefined();
    expect((await w.sv.mail.outbox()).map((e) => [e.method, e.sequence])).toEqual([
      ["CANCEL", 2],
      ["REQUEST", 1],
      ["REQUEST", 0],
    ]);
  });

  it("says plainly that no invitation is mailed when mail is not set up, and offers no link without a public URL", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun imorgon kl 10 digitalt");
    const booked = await w.say("ja");
    expect(seen(booked)).toContain("Ingen kalenderinbjudan skickas med e-post");
    expect(calendarLink(booked)).toBeUndefined();
  });
});
