import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { as, buildWorld, describeEachStore, FIXED_NOW, storesReady, type World } from "../support/stores";
import { parseIcs, SmtpSink, type ReceivedMail } from "../support/calendar";
import { createSamverkan, dialogueUid } from "../../src/index";

await storesReady;

const FROM = "Samverkan <samverkan@skolverket.se>";

function only(mails: ReceivedMail[]): ReceivedMail {
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

describeEachStore("calendar invitations by mail", (factory) => {
  let w: World;
  let smtp: SmtpSink;
  beforeEach(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    w = await buildWorld(await factory.open(), {}, { mail: { smtpUrl: smtp.url, from: FROM } });
  });
  afterEach(async () => {
    await smtp.stop();
  });
  afterAll(() => factory.cleanup());

  it("sends one REQUEST to the organizer and every participating staff member after booking", async () => {
    const d = await w.sv.dialogues.book(
      {
        organizerId: w.organizerId,
        officeId: "Solna",
        start: "2026-12-03T14:00",
        durationMinutes: 90,
        topics: ["elevhälsa", "närvaro"],
        staffIds: [w.advisor.staffId, w.advisor2.staffId],
      },
      as(w.advisor),
    );
    // Queued in the booking's transaction, sent only by the outbox.
    expect(smtp.received).toHaveLength(0);
    expect(await w.sv.mail.outbox()).toMatchObject([
      { dialogueId: d.id, method: "REQUEST", sequence: 0, status: "pending", recipients: ["karin.lind@spsm.se", "omar.haddad@skolverket.se"] },
    ]);
    expect(await w.sv.mail.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const mail = only(smtp.received);
    expect(mail.to.sort()).toEqual(["karin.lind@spsm.se", "omar.haddad@skolverket.se"]);
    expect(mail.from).toBe("samverkan@skolverket.se");
    expect(mail.contentMethod).toBe("REQUEST");
    expect(mail.subject).toBe("Kvalitetsdialog: Stockholms kommun 2026-12-03 14:00");
    const ics = parseIcs(mail.ics);
    expect(ics.method).toBe("REQUEST");
    expect(ics.timezones).toEqual(["Europe/Stockholm"]);
    const [event] = ics.events;
    expect(event).toMatchObject({
      uid: dialogueUid(d.id),
      sequence: 0,
      status: "CONFIRMED",
      startTzid: "Europe/Stockholm",
      startLocal: "2026-12-03T14:00:00",
      start: Date.parse("2026-12-03T14:00:00+01:00"),
      end: Date.parse("2026-12-03T15:30:00+01:00"),
      location: "Regionkontoret i Solna",
      organizer: "mailto:karin.lind@spsm.se",
      summary: "Kvalitetsdialog: Stockholms kommun",
    });
    expect(event!.attendees.map((a) => a.toLowerCase()).sort()).toEqual(["mailto:karin.lind@spsm.se", "mailto:omar.haddad@skolverket.se"]);
    expect(event!.description).toContain("Agenda:\n- elevhälsa\n- närvaro");
    expect(event!.description).toContain(d.id);
    // Nothing left to send.
    expect(await w.sv.mail.flush()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await w.sv.mail.outbox())[0]).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("sends a REQUEST with the same UID and a higher SEQUENCE on every reschedule, and a CANCEL on cancel", async () => {
    const d = await w.sv.dialogues.book(
      {
        organizerId: w.organizerId,
        digital: true,
        meetingUrl: "https://teams.microsoft.com/l/meetup-join/abc",
        start: "2026-12-03T10:00",
        durationMinutes: 60,
      },
      as(w.advisor),
    );
    await w.sv.dialogues.reschedule(d.id, { start: "2026-12-04T13:00" }, as(w.advisor));
    await w.sv.dialogues.reschedule(d.id, { start: "2026-12-07T09:00" }, as(w.advisor));
    await w.sv.dialogues.cancel(d.id, { reason: "sjukdom" }, as(w.advisor));
    expect(await w.sv.mail.flush()).toEqual({ sent: 4, retrying: 0, failed: 0 });

    const parsed = smtp.received.map((m) => ({ contentMethod: m.contentMethod, ...parseIcs(m.ics) }));
    expect(parsed.map((p) => [p.contentMethod, p.method, p.events[0]!.uid, p.events[0]!.sequence, p.events[0]!.status])).toEqual([
      ["REQUEST", "REQUEST", dialogueUid(d.id), 0, "CONFIRMED"],
      ["REQUEST", "REQUEST", dialogueUid(d.id), 1, "CONFIRMED"],
      ["REQUEST", "REQUEST", dialogueUid(d.id), 2, "CONFIRMED"],
      ["CANCEL", "CANCEL", dialogueUid(d.id), 3, "CANCELLED"],
    ]);
    expect(parsed.map((p) => p.events[0]!.startLocal)).toEqual(["2026-12-03T10:00:00", "2026-12-04T13:00:00", "2026-12-07T09:00:00", "2026-12-07T09:00:00"]);
    expect(parsed[0]!.events[0]!.location).toBe("Digitalt – https://teams.microsoft.com/l/meetup-join/abc");
    expect(smtp.received[1]!.subject).toMatch(/^Ny tid: /);
    expect(smtp.received[3]!.subject).toMatch(/^Inställd: /);
  });

  it("round-trips times across the daylight-saving changes in March and October", async () => {
    const cases = [
      ["2026-03-27T10:00", "2026-03-27T09:00:00Z"], // Friday, CET
      ["2026-03-30T10:00", "2026-03-30T08:00:00Z"], // Monday, CEST
      ["2026-10-23T10:00", "2026-10-23T08:00:00Z"], // Friday, CEST
      ["2026-10-26T10:00", "2026-10-26T09:00:00Z"], // Monday, CET
    ] as const;
    w.setNow("2026-01-05T09:00:00+01:00");
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: cases[0][0], durationMinutes: 60 }, as(w.advisor));
    for (const [local] of cases.slice(1)) await w.sv.dialogues.reschedule(d.id, { start: local }, as(w.advisor));
    await w.sv.mail.flush();
    const events = smtp.received.map((m) => parseIcs(m.ics).events[0]!);
    expect(events.map((e) => [e.startLocal, new Date(e.start).toISOString().replace(".000", ""), e.end - e.start])).toEqual(
      cases.map(([local, utc]) => [`${local}:00`, utc, 3_600_000]),
    );
    // The PUBLISH download says the same as the last invitation.
    const published = parseIcs(await w.sv.calendar.ics(d.id));
    expect(published.method).toBe("PUBLISH");
    expect(published.events[0]).toMatchObject({ start: Date.parse("2026-10-26T09:00:00Z"), sequence: 3 });
  });

  it("keeps the booking when the SMTP server is down, shows the failure and sends once the server is back", async () => {
    const port = smtp.port;
    await smtp.stop();
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    expect(await w.sv.mail.flush()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await w.sv.dialogues.get(d.id)).status).toBe("booked");
    const [entry] = await w.sv.mail.outbox();
    expect(entry).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: "2026-11-23T09:00:30+01:00" });
    expect(entry!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);

    smtp.port = port;
    await smtp.start();
    // Not due yet: the backoff is respected.
    expect(await w.sv.mail.flush()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    w.setNow("2026-11-23T09:00:31+01:00");
    expect(await w.sv.mail.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await w.sv.mail.flush()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await w.sv.mail.outbox())[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("queues nothing for staff without e-mail and says who cannot be invited", async () => {
    const noMail = await w.sv.staff.create({ name: "Nils Utanmejl", agency: "spsm", role: "advisor" }, as(w.admin));
    const d = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60, staffIds: [noMail.id] },
      as({ staffId: noMail.id }),
    );
    expect(await w.sv.mail.outbox()).toEqual([]);
    expect(await w.sv.calendar.invitationNotice(d.id)).toEqual({ channel: "mail", recipients: [], withoutEmail: ["Nils Utanmejl"] });
  });

  it("invites the contact persons chosen for the dialogue: a new choice sends a new REQUEST with a higher SEQUENCE", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    const anna = await w.sv.contacts.add(
      { organizerId: w.organizerId, name: "Anna Berg", role: "förvaltningschef", email: "anna.berg@stockholm.se" },
      as(w.advisor),
    );
    const bo = await w.sv.contacts.add({ organizerId: w.organizerId, name: "Bo Ek", role: "rektor" }, as(w.advisor));
    await w.sv.contacts.setForDialogue(d.id, [anna.id, bo.id], as(w.advisor));
    expect(await w.sv.mail.flush()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const [first, second] = smtp.received;
    expect(first!.to).toEqual(["karin.lind@spsm.se"]);
    expect(second!.to.sort()).toEqual(["anna.berg@stockholm.se", "karin.lind@spsm.se"]);
    const event = parseIcs(second!.ics).events[0]!;
    expect([event.uid, event.sequence]).toEqual([dialogueUid(d.id), 1]);
    expect(event.attendees.map((a) => a.toLowerCase())).toContain("mailto:anna.berg@stockholm.se");
  });

  it("invites the attendees an attendee source adds (the hook for the organizer's contact persons)", async () => {
    const sv = createSamverkan({
      store: w.store,
      clock: () => FIXED_NOW,
      calendar: {
        mail: { smtpUrl: smtp.url, from: FROM },
        attendeeSources: [
          async (dialogue, db) => {
            const organizer = await db.selectFrom("organizers").select("name").where("id", "=", dialogue.organizerId).executeTakeFirstOrThrow();
            return [{ name: `Kim Kontakt (${organizer.name})`, email: "kim.kontakt@stockholm.se", kind: "contact" }];
          },
        ],
      },
    });
    const d = await sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    await sv.mail.flush();
    const mail = only(smtp.received);
    expect(mail.to.sort()).toEqual(["karin.lind@spsm.se", "kim.kontakt@stockholm.se"]);
    expect(parseIcs(mail.ics).events[0]!.attendees.map((a) => a.toLowerCase())).toContain("mailto:kim.kontakt@stockholm.se");
    expect(await sv.calendar.invitationNotice(d.id)).toMatchObject({ recipients: ["karin.lind@spsm.se", "kim.kontakt@stockholm.se"] });
  });
});

describe("mail is off without SMTP settings", () => {
  it("books without queueing anything", async () => {
    const { createSqliteStore } = await import("../../src/sqlite");
    const w = await buildWorld(await createSqliteStore({ file: ":memory:" }));
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    expect(w.sv.mail.enabled).toBe(false);
    expect(await w.sv.mail.outbox()).toEqual([]);
    expect(await w.sv.mail.flush()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await w.sv.calendar.invitationNotice(d.id)).toEqual({ channel: "none", recipients: [], withoutEmail: [] });
  });
});
