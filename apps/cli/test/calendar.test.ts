import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { SMTPServer } from "smtp-server";
import { addStaffTeam, runCli, tempDbEnv } from "./cli-helpers";

/** Raw messages a real SMTP server on loopback received. */
const received: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      callback();
    });
  },
});

/** Each test spawns the real binary several times; that takes seconds each on a busy machine. */
const SPAWNS_TIMEOUT = 400_000;

describe("samverkan calendar, mail and dialogues ics", { timeout: SPAWNS_TIMEOUT }, () => {
  const env: Record<string, string> = {
    ...tempDbEnv(),
    SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00",
    SAMVERKAN_MAIL_FROM: "Samverkan <samverkan@skolverket.se>",
    SAMVERKAN_PUBLIC_URL: "https://samverkan.example.se/",
    SAMVERKAN_LINK_SECRET: "cli-test-secret-0123456789abcdefghijklmnopq",
  };
  let dialogueId = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    await addStaffTeam(env);
    const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
    const { createSamverkan } = await import("@samverkan/sdk");
    const store = await createSqliteStore({ file: env.SAMVERKAN_DB! });
    const sv = createSamverkan({ store });
    await sv.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], { actor: { system: "test" }, channel: "system" });
    await sv.organizers.upsert(
      { organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" },
      { actor: { system: "test" }, channel: "system" },
    );
    await store.close();
    const booked = await runCli(
      [
        "dialogues",
        "book",
        "--organizer",
        "Borås kommun",
        "--start",
        "2026-03-30T10:00",
        "--duration",
        "90",
        "--digital",
        "--meeting-url",
        "https://teams.microsoft.com/l/meetup-join/x",
        "--topic",
        "närvaro",
        "--as",
        "karin.lind@spsm.se",
        "--json",
      ],
      { ...env, SAMVERKAN_NOW: "2026-03-02T09:00:00+01:00" },
    );
    expect(booked.stderr).toBe("");
    dialogueId = (JSON.parse(booked.stdout) as { id: string }).id;
  }, SPAWNS_TIMEOUT);
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it("prints a dialogue as iCalendar with METHOD:PUBLISH that an independent parser reads back", async () => {
    const { code, stdout } = await runCli(["dialogues", "ics", dialogueId], env);
    expect(code).toBe(0);
    const root = new ICAL.Component(ICAL.parse(stdout));
    expect(root.getFirstPropertyValue("method")).toBe("PUBLISH");
    const zone = new ICAL.Timezone(root.getFirstSubcomponent("vtimezone")!);
    ICAL.TimezoneService.register(zone, zone.tzid);
    const event = new ICAL.Event(root.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(`${dialogueId}@samverkan`);
    expect(event.startDate.toString()).toBe("2026-03-30T10:00:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(event.location).toBe("Digitalt – https://teams.microsoft.com/l/meetup-join/x");
  });

  it("shows the queued invitation, sends it with mail flush, then shows it sent", async () => {
    const queued = await runCli(["mail", "outbox", "--json"], env);
    expect(JSON.parse(queued.stdout)).toMatchObject([{ dialogueId, method: "REQUEST", sequence: 0, status: "pending", recipients: ["karin.lind@spsm.se"] }]);
    const flushed = await runCli(["mail", "flush", "--json"], env);
    expect(JSON.parse(flushed.stdout)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const sent = await runCli(["mail", "outbox"], env);
    expect(sent.stdout).toMatch(/REQUEST#0\s+sent\s+1\s+karin\.lind@spsm\.se/);
  });

  it("prints a feed URL that stays the same until rotated, and the feed itself", async () => {
    const first = await runCli(["calendar", "url", "--staff", "karin.lind@spsm.se"], env);
    expect(first.stdout.trim()).toMatch(/^https:\/\/samverkan\.example\.se\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await runCli(["calendar", "url", "--staff", "karin.lind@spsm.se"], env)).stdout).toBe(first.stdout);
    const rotated = await runCli(["calendar", "url", "--staff", "karin.lind@spsm.se", "--rotate"], env);
    expect(rotated.stdout).not.toBe(first.stdout);
    // The feed holds the last 90 days and the future: seen from March the dialogue is in it.
    const feed = await runCli(["calendar", "feed", "--staff", "karin.lind@spsm.se"], { ...env, SAMVERKAN_NOW: "2026-03-02T09:00:00+01:00" });
    expect(feed.stdout).toContain(`UID:${dialogueId}@samverkan`);
    expect(feed.stdout).toContain("X-WR-CALNAME:Samverkan – Karin Lind");
    const later = await runCli(["calendar", "feed", "--staff", "karin.lind@spsm.se"], env);
    expect(later.stdout).not.toContain("BEGIN:VEVENT");
  });

  it("explains what is missing for feed URLs and mail", async () => {
    const noLinks = await runCli(["calendar", "url", "--staff", "karin.lind@spsm.se"], { ...env, SAMVERKAN_PUBLIC_URL: "" });
    expect(noLinks.code).toBe(2);
    expect(noLinks.stderr).toContain("SAMVERKAN_PUBLIC_URL");
    const noMail = await runCli(["mail", "flush"], { ...env, SMTP_URL: "" });
    expect(noMail.code).toBe(2);
    expect(noMail.stderr).toContain("sätt SMTP_URL och SAMVERKAN_MAIL_FROM");
  });
});
