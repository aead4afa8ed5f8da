import { afterEach, beforeEach, expect, it } from "vitest";
import { isSwedishWorkingDay, localDate, type Samverkan, type Staff } from "@samverkan/sdk";
import { checkSlackLimits, renderAdaptiveCard, renderSlack, renderText, type Message } from "../../src/index";
import { createNudgeRunner, NudgeNotDeliverableError, startNudgeScheduler, type NudgeOutcome, type NudgePoster } from "../../src/nudges/index";
import { validateAdaptiveCard } from "../cards/adaptive-validate";
import { controlledClock, databasesReady, describeEachDatabase, instance, sharedDatabase, type SharedDatabase } from "../digest/support";

await databasesReady;

interface Sent {
  staff: string;
  at: string;
  text: string;
  message: Message;
}

function recordingPoster(log: Sent[], clock: () => Date, name: string): NudgePoster {
  return {
    async postDirect(staff: Staff, message: Message) {
      log.push({ staff: staff.name, at: new Date(clock()).toISOString(), text: renderText(message), message });
      void name;
    },
  };
}

/**
 * Two bot instances share one store and one clock that walks hour by hour through
 * 12 Oct – 11 Nov 2026 (summer time ends 25 Oct; alla helgons dag is Saturday 31 Oct)
 * and 21 Dec 2026 – 1 Jan 2027 (julafton, juldagen, annandag jul, nyårsafton, nyårsdagen).
 */
describeEachDatabase("personal nudges with two instances over a month", (kind) => {
  let db: SharedDatabase;
  let time: ReturnType<typeof controlledClock>;
  let a: Samverkan;
  let b: Samverkan;

  beforeEach(async () => {
    db = sharedDatabase(kind);
    time = controlledClock("2026-09-20T09:00:00+02:00");
    a = await instance(db, time.clock);
    b = await instance(db, time.clock);
  });
  afterEach(() => db.close());

  it("sends each nudge exactly once, at the right local time, never on a weekend or holiday", { timeout: 600_000 }, async () => {
    const system = { actor: { system: "test" }, channel: "system" } as const;
    const karin = await a.staff.create({ name: "Karin Lind", email: "karin@spsm.se", agency: "spsm", role: "unitHead" }, system);
    const omar = await a.staff.create({ name: "Omar Haddad", email: "omar@spsm.se", agency: "spsm", role: "advisor", locale: "en" }, system);
    const asKarin = { actor: { staffId: karin.id }, channel: "api" } as const;
    await a.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], system);
    const boras = await a.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
    const plan = await a.assignments.createPlan({ title: "Plan Borås", organizerId: boras.id }, asKarin);
    await a.assignments.create({ planId: plan.id, title: "Kartlägg frånvaron", focusArea: "attendance", responsibleStaffId: karin.id }, asKarin);
    time.set("2026-10-01T09:00:00+02:00");
    const book = (start: string, staffIds: string[]) =>
      a.dialogues.book({ organizerId: boras.id, digital: true, start, durationMinutes: 60, staffIds }, asKarin);
    const d1 = await book("2026-10-26T10:00", [karin.id, omar.id]); // Monday after the DST change
    const d2 = await book("2026-10-30T13:00", [karin.id]); // Friday before alla helgons dag
    const d5 = await book("2026-11-03T10:00", [karin.id]);
    await a.dialogues.cancel(d5.id, {}, asKarin);
    const d3 = await book("2026-12-28T10:00", [karin.id]); // Monday after Christmas
    const d4 = await book("2026-12-23T10:00", [omar.id]); // Wednesday before julafton

    const log: Sent[] = [];
    const runners = [
      createNudgeRunner({ samverkan: a, poster: recordingPoster(log, time.clock, "a"), instanceId: "a" }),
      createNudgeRunner({ samverkan: b, poster: recordingPoster(log, time.clock, "b"), instanceId: "b" }),
    ];
    const events: Record<string, () => Promise<unknown>> = {
      "2026-10-26T14:00:00.000Z": () => a.minutes.record(d1.id, { notes: "Genomförd" }, asKarin),
      "2026-11-05T09:00:00.000Z": () => b.nudges.setEnabled("stale", false, asKarin),
      "2026-12-21T05:00:00.000Z": () => a.nudges.setEnabled("stale", true, asKarin),
    };
    let lost = 0;
    const walk = async (fromIso: string, toIso: string) => {
      for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += 3_600_000) {
        time.set(new Date(t).toISOString());
        await events[new Date(t).toISOString()]?.();
        // Both instances tick at the same moment and race for every claim.
        const reports = await Promise.all(runners.map((r) => r.tick()));
        lost += reports.reduce((n, r) => n + r.lost.length, 0);
        expect(reports.flatMap((r) => r.failed)).toEqual([]);
      }
    };
    await walk("2026-10-12T00:00:00+02:00", "2026-11-12T00:00:00+01:00");
    await walk("2026-12-21T00:00:00+01:00", "2027-01-02T00:00:00+01:00");

    const local = (iso: string) => new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" });
    // Same-minute nudges may go out in either order; the list is sorted to compare.
    const got = log.map((s) => `${local(s.at)} ${s.staff}: ${s.text.split("\n")[0]}`).sort();
    expect(got).toEqual([
      "2026-10-12 09:00:00 Karin Lind: 1 av dina uppdrag har inga framsteg på 14 dagar.",
      "2026-10-19 09:00:00 Karin Lind: 1 av dina uppdrag har inga framsteg på 14 dagar.",
      "2026-10-23 08:00:00 Karin Lind: Påminnelse: dialog mån 26 okt 10:00–11:00. Här är förberedelsen.",
      "2026-10-23 08:00:00 Omar Haddad: Reminder: dialogue Mon 26 Oct 10:00–11:00. Here is your briefing.",
      "2026-10-26 09:00:00 Karin Lind: 1 av dina uppdrag har inga framsteg på 14 dagar.",
      "2026-10-29 08:00:00 Karin Lind: Påminnelse: dialog fre 30 okt 13:00–14:00. Här är förberedelsen.",
      "2026-11-02 09:00:00 Karin Lind: 1 av dina uppdrag har inga framsteg på 14 dagar.",
      "2026-11-02 09:00:00 Karin Lind: Dialogen med Borås kommun fre 30 okt har inget protokoll än. Vad kom ni överens om?",
      "2026-12-21 09:00:00 Karin Lind: 1 av dina uppdrag har inga framsteg på 14 dagar.",
      "2026-12-22 08:00:00 Omar Haddad: Reminder: dialogue Wed 23 Dec 10:00–11:00. Here is your briefing.",
      "2026-12-23 08:00:00 Karin Lind: Påminnelse: dialog mån 28 dec 10:00–11:00. Här är förberedelsen.",
      "2026-12-28 09:00:00 Karin Lind: 1 av dina uppdrag har inga framsteg på 14 dagar.",
      "2026-12-28 09:00:00 Omar Haddad: The dialogue with Borås kommun on Wed 23 Dec has no minutes yet. What did you agree?",
      "2026-12-29 09:00:00 Karin Lind: Dialogen med Borås kommun mån 28 dec har inget protokoll än. Vad kom ni överens om?",
    ]);
    // Summer time on 23 Oct, winter time from 26 Oct: the same 08:00/09:00 on the wall clock.
    expect(log.filter((s) => s.at.startsWith("2026-10-23")).map((s) => s.at)).toEqual(["2026-10-23T06:00:00.000Z", "2026-10-23T06:00:00.000Z"]);
    expect(log.find((s) => s.at.startsWith("2026-10-26"))?.at).toBe("2026-10-26T08:00:00.000Z");
    for (const s of log) expect(isSwedishWorkingDay(localDate(Date.parse(s.at)))).toBe(true);
    // Each was claimed once: the other instance lost every race it took part in.
    const claims = await a.store.db.selectFrom("nudge_claims").select(["key", "claimed_by", "status"]).execute();
    expect(claims).toHaveLength(log.length);
    expect(new Set(claims.map((c) => c.key)).size).toBe(claims.length);
    expect(claims.every((c) => c.status === "sent")).toBe(true);
    expect(lost).toBeLessThanOrEqual(log.length);
    // Every DM renders on both platforms.
    for (const s of log) {
      expect(checkSlackLimits(renderSlack(s.message))).toEqual([]);
      expect(validateAdaptiveCard(renderAdaptiveCard(s.message))).toEqual([]);
    }
    // The minutes nudge opens the minutes form; the weekly one has "Logga framsteg" per assignment.
    const minutesNudge = log.find((s) => s.text.includes("inget protokoll"))!;
    expect(JSON.stringify(minutesNudge.message)).toContain('"dialogue.record.form"');
    expect(JSON.stringify(log.find((s) => s.text.includes("framsteg på 14 dagar"))!.message)).toContain('"label":"Logga framsteg"');
    void d2;
    void d3;
    void d4;
  });

  it("a person the app cannot reach is logged once as not deliverable (staff id, no personal data) and never retried", async () => {
    const system = { actor: { system: "test" }, channel: "system" } as const;
    const karin = await a.staff.create({ name: "Karin Lind", email: "karin@spsm.se", agency: "spsm", role: "advisor" }, system);
    const omar = await a.staff.create({ name: "Omar Haddad", email: "omar@spsm.se", agency: "spsm", role: "advisor" }, system);
    await a.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], system);
    const boras = await a.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
    time.set("2026-11-23T09:00:00+01:00");
    await a.dialogues.book({ organizerId: boras.id, digital: true, start: "2026-11-25T10:00", durationMinutes: 60, staffIds: [karin.id, omar.id] }, system);
    const attempts: string[] = [];
    const poster: NudgePoster = {
      async postDirect(staff) {
        attempts.push(staff.id);
        if (staff.id === karin.id) throw new NudgeNotDeliverableError(staff.id, "no-chat-user");
        throw new Error("platform answered 500");
      },
    };
    const outcomes: NudgeOutcome[] = [];
    const warnings: Array<Record<string, unknown>> = [];
    const logger = { info: () => undefined, warn: (obj: Record<string, unknown>) => void warnings.push(obj) };
    const scheduler = startNudgeScheduler({ samverkan: a, poster, logger, timer: false, instanceId: "a", onNudge: (o) => void outcomes.push(o) });
    time.set("2026-11-24T08:00:00+01:00");
    const report = await scheduler.tick();
    expect(report.undeliverable).toEqual([{ key: expect.stringContaining(karin.id), staffId: karin.id, reason: "no-chat-user" }]);
    expect(report.failed.map((f) => f.error)).toEqual(["platform answered 500"]);
    expect(outcomes.sort()).toEqual(["failed", "undeliverable"]);
    expect(warnings.find((w) => w.staffId === karin.id)).toMatchObject({ reason: "no-chat-user" });
    expect(JSON.stringify(warnings)).not.toContain("Karin");
    const claims = await a.store.db.selectFrom("nudge_claims").select(["staff_id", "status", "error"]).orderBy("staff_id").execute();
    expect(claims.find((c) => c.staff_id === karin.id)).toMatchObject({ status: "failed", error: "not deliverable: no-chat-user" });
    time.set("2026-11-24T08:30:00+01:00");
    expect(await scheduler.tick()).toMatchObject({ sent: [], failed: [], undeliverable: [] });
    expect(attempts).toHaveLength(2);
    await scheduler.stop();
  });
});
