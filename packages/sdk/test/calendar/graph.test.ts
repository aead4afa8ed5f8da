import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { as, buildWorld, describeEachStore, FIXED_NOW, storesReady, type World } from "../support/stores";
import { FakeGraph } from "../support/fake-graph";
import { SmtpSink } from "../support/calendar";
import { createSamverkan, type GraphEventBody } from "../../src/index";

await storesReady;

describeEachStore("Outlook through Microsoft Graph", (factory) => {
  let w: World;
  let graph: FakeGraph;
  let smtp: SmtpSink;
  beforeEach(async () => {
    graph = new FakeGraph();
    await graph.start();
    smtp = new SmtpSink();
    await smtp.start();
    w = await buildWorld(
      await factory.open(),
      {},
      {
        // SMTP is configured too: with Graph on, Outlook invites and no mail may go out.
        mail: { smtpUrl: smtp.url, from: "Samverkan <samverkan@skolverket.se>" },
        graph: { tenantId: "contoso-tenant", clientId: "graph-client", clientSecret: "graph-secret", baseUrl: `${graph.url}/v1.0`, authorityUrl: graph.url },
        graphClient: { maxRetryAfterMs: 2_000 },
      },
    );
  });
  afterEach(async () => {
    await graph.stop();
    await smtp.stop();
  });
  afterAll(() => factory.cleanup());

  const eventCalls = () => graph.calls.filter((c) => !c.path.endsWith("/token") && !c.path.endsWith("/getSchedule"));

  it("creates the event in the booking staff member's calendar, updates it on reschedule and cancels it", async () => {
    const d = await w.sv.dialogues.book(
      {
        organizerId: w.organizerId,
        digital: true,
        start: "2026-03-30T10:00",
        durationMinutes: 90,
        topics: ["närvaro"],
        staffIds: [w.advisor.staffId, w.advisor2.staffId],
      },
      as(w.advisor),
    );
    expect(await w.sv.mail.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await w.sv.dialogues.reschedule(d.id, { start: "2026-10-26T13:00" }, as(w.advisor));
    await w.sv.dialogues.cancel(d.id, {}, as(w.advisor));
    expect(await w.sv.mail.flush()).toEqual({ sent: 2, retrying: 0, failed: 0 });

    expect(eventCalls().map((c) => `${c.method} ${c.path}`)).toEqual([
      "POST /v1.0/users/karin.lind%40spsm.se/events",
      "PATCH /v1.0/users/karin.lind%40spsm.se/events/AAMkAGI2-1",
      "POST /v1.0/users/karin.lind%40spsm.se/events/AAMkAGI2-1/cancel",
    ]);
    expect(eventCalls().every((c) => c.authorization === "Bearer fake-graph-access-token")).toBe(true);
    const created = eventCalls()[0]!.body as GraphEventBody;
    expect(created).toMatchObject({
      subject: "Kvalitetsdialog: Stockholms kommun",
      start: { dateTime: "2026-03-30T10:00:00", timeZone: "Europe/Stockholm" },
      end: { dateTime: "2026-03-30T11:30:00", timeZone: "Europe/Stockholm" },
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      attendees: [{ emailAddress: { address: "omar.haddad@skolverket.se", name: "Omar Haddad" }, type: "required" }],
    });
    expect(created.body.content).toContain("- närvaro");
    expect((eventCalls()[1]!.body as GraphEventBody).start).toEqual({ dateTime: "2026-10-26T13:00:00", timeZone: "Europe/Stockholm" });
    expect(graph.events.get("AAMkAGI2-1")).toMatchObject({ userId: "karin.lind@spsm.se", cancelled: true });
    // One token for all three calls, and no SMTP mail: Outlook sends the invitations.
    expect(graph.calls.filter((c) => c.path.endsWith("/token"))).toHaveLength(1);
    expect(smtp.received).toEqual([]);
    expect((await w.sv.mail.outbox()).map((e) => [e.channel, e.method, e.status])).toEqual([
      ["graph", "CANCEL", "sent"],
      ["graph", "REQUEST", "sent"],
      ["graph", "REQUEST", "sent"],
    ]);
    expect(await w.sv.calendar.invitationNotice(d.id)).toMatchObject({ channel: "outlook" });
  });

  it("waits out a 429 with Retry-After and a 503 within one send, and makes one event", async () => {
    graph.fail("create", { status: 429, retryAfter: "1" }, { status: 503 });
    await w.sv.dialogues.book({ organizerId: w.organizerId, officeId: "Solna", start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    expect(await w.sv.mail.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(eventCalls().map((c) => c.method)).toEqual(["POST", "POST", "POST"]);
    expect(graph.events.size).toBe(1);
    expect(eventCalls()[0]!.body as GraphEventBody).toMatchObject({ isOnlineMeeting: false, location: { displayName: "Regionkontoret i Solna" } });
  });

  it("keeps the booking through a Graph outage and creates the event once Graph answers again", async () => {
    graph.fail(
      "create",
      { status: 503, retryAfter: "0" },
      { status: 503, retryAfter: "0" },
      { status: 503, retryAfter: "0" },
      { status: 503, retryAfter: "0" },
    );
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    expect(await w.sv.mail.flush()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await w.sv.dialogues.get(d.id)).status).toBe("booked");
    expect((await w.sv.mail.outbox())[0]!.lastError).toContain("Microsoft Graph 503 ServiceNotAvailable");
    w.setNow("2026-11-23T09:01:00+01:00");
    expect(await w.sv.mail.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(graph.events.size).toBe(1);
  });

  it("leaves Outlook-busy times out of suggested free slots, and falls back to its own view when Graph is down", async () => {
    // Karin is busy in Outlook 08:00–10:00 Swedish time on 1 December (07:00–09:00 UTC).
    graph.busy.set("karin.lind@spsm.se", [{ start: "2026-12-01T07:00:00", end: "2026-12-01T09:00:00" }]);
    const query = { staffIds: [w.advisor.staffId], from: "2026-12-01T08:00", to: "2026-12-01T12:00", durationMinutes: 60, stepMinutes: 60 };
    const withOutlook = await w.sv.dialogues.availability(query);
    expect(withOutlook.map((s) => s.start)).toEqual(["2026-12-01T10:00:00+01:00", "2026-12-01T11:00:00+01:00"]);
    const schedule = graph.calls.find((c) => c.path.endsWith("/getSchedule"))!;
    expect(schedule.prefer).toBe('outlook.timezone="UTC"');
    expect(schedule.body).toMatchObject({ schedules: ["karin.lind@spsm.se"], startTime: { dateTime: "2026-12-01T07:00:00", timeZone: "UTC" } });

    graph.fail(
      "schedule",
      { status: 503, retryAfter: "0" },
      { status: 503, retryAfter: "0" },
      { status: 503, retryAfter: "0" },
      { status: 503, retryAfter: "0" },
    );
    const ownView = await w.sv.dialogues.availability(query);
    expect(ownView.map((s) => s.start)).toEqual([
      "2026-12-01T08:00:00+01:00",
      "2026-12-01T09:00:00+01:00",
      "2026-12-01T10:00:00+01:00",
      "2026-12-01T11:00:00+01:00",
    ]);
  });

  it("reports a wrong client secret as a retryable failure without writing the secret anywhere", async () => {
    const sv = createSamverkan({
      store: w.store,
      clock: () => FIXED_NOW,
      calendar: {
        graph: {
          tenantId: "contoso-tenant",
          clientId: "graph-client",
          clientSecret: "not-the-secret-7f3a",
          baseUrl: `${graph.url}/v1.0`,
          authorityUrl: graph.url,
        },
      },
    });
    await sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    expect(await sv.mail.flush()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [entry] = await sv.mail.outbox();
    expect(entry!.lastError).toBe("Microsoft Graph 401 invalid_client: AADSTS7000215: Invalid client secret provided.");
    expect(JSON.stringify(await sv.mail.outbox())).not.toContain("not-the-secret-7f3a");
  });
});
