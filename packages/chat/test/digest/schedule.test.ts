import { afterEach, describe, expect, it } from "vitest";
import type { DigestSubscription } from "@samverkan/sdk";
import { dueRuns, latestOccurrence, nextOccurrence, periodStart, startDigestScheduler, type DigestScheduler } from "../../src/digest/index";
import {
  controlledClock,
  databasesReady,
  describeEachDatabase,
  instance,
  recordingPoster,
  seedWorld,
  sharedDatabase,
  slackChannel,
  type SharedDatabase,
} from "./support";

await databasesReady;

const monday8 = { cron: "0 8 * * 1", status: "active", activeSince: "2026-01-01T00:00:00+01:00" } satisfies Pick<
  DigestSubscription,
  "cron" | "status" | "activeSince"
>;
const at = (iso: string) => new Date(iso);
const keys = (runs: ReturnType<typeof dueRuns>) => runs.map((r) => r.periodKey);

describe("dueRuns: the latest occurrence at or before now, once", () => {
  it("is due at 08:00 Swedish time exactly, not a millisecond before", () => {
    expect(keys(dueRuns(monday8, { scheduledFor: "2026-11-16T08:00:00+01:00" }, at("2026-11-23T06:59:59.999Z")))).toEqual([]);
    expect(dueRuns(monday8, { scheduledFor: "2026-11-16T08:00:00+01:00" }, at("2026-11-23T07:00:00.000Z"))).toEqual([
      { scheduledFor: at("2026-11-23T07:00:00.000Z"), periodKey: "2026-11-23T07:00:00.000Z", late: false },
    ]);
  });

  it("is not due again once the period has a run, whatever its result", () => {
    expect(dueRuns(monday8, { scheduledFor: "2026-11-23T08:00:00+01:00" }, at("2026-11-27T12:00:00Z"))).toEqual([]);
  });

  it("owes only the most recent missed occurrence after downtime, marked late", () => {
    const runs = dueRuns(monday8, { scheduledFor: "2026-11-02T08:00:00+01:00" }, at("2026-11-24T09:00:00Z"));
    expect(runs).toEqual([{ scheduledFor: at("2026-11-23T07:00:00Z"), periodKey: "2026-11-23T07:00:00.000Z", late: true }]);
    expect(dueRuns(monday8, undefined, at("2026-11-23T07:14:00Z"))[0]?.late).toBe(false);
    expect(dueRuns(monday8, undefined, at("2026-11-23T07:16:00Z"))[0]?.late).toBe(true);
    expect(dueRuns(monday8, undefined, at("2026-11-23T07:16:00Z"), { lateAfterMs: 3_600_000 })[0]?.late).toBe(false);
  });

  it("owes nothing from before the subscription was created or resumed, or while paused", () => {
    const created = { ...monday8, activeSince: "2026-11-24T10:00:00+01:00" };
    expect(dueRuns(created, undefined, at("2026-11-25T09:00:00Z"))).toEqual([]);
    expect(keys(dueRuns(created, undefined, at("2026-11-30T07:00:00Z")))).toEqual(["2026-11-30T07:00:00.000Z"]);
    expect(dueRuns({ ...monday8, status: "paused" }, undefined, at("2026-11-30T07:00:00Z"))).toEqual([]);
  });

  it("reports since the last posted digest, or the occurrence before", () => {
    const scheduled = Date.parse("2026-11-23T07:00:00Z");
    expect(new Date(periodStart("0 8 * * 1", scheduled, undefined)).toISOString()).toBe("2026-11-16T07:00:00.000Z");
    expect(new Date(periodStart("0 8 * * 1", scheduled, { scheduledFor: "2026-11-02T08:00:00+01:00" })).toISOString()).toBe("2026-11-02T07:00:00.000Z");
    expect(new Date(periodStart("30 7 * * *", scheduled, undefined)).toISOString()).toBe("2026-11-23T06:30:00.000Z");
  });
});

describe("daylight saving: 08:00 stays 08:00 in Stockholm (2026: Mar 29 and Oct 25)", () => {
  const cases: Array<[string, string, string]> = [
    // [now (UTC), expected occurrence (UTC), why]
    ["2026-03-23T07:00:30Z", "2026-03-23T07:00:00.000Z", "Monday before the change, CET: 07:00Z"],
    ["2026-03-30T06:00:30Z", "2026-03-30T06:00:00.000Z", "Monday after the change, CEST: 06:00Z"],
    ["2026-10-19T06:00:30Z", "2026-10-19T06:00:00.000Z", "Monday before the change back, CEST: 06:00Z"],
    ["2026-10-26T07:00:30Z", "2026-10-26T07:00:00.000Z", "Monday after the change back, CET: 07:00Z"],
  ];
  it.each(cases)("at %s the occurrence is %s (%s)", (now, expected) => {
    expect(new Date(latestOccurrence("0 8 * * 1", Date.parse(now))!).toISOString()).toBe(expected);
  });

  it("does not fire an hour early or late on the Mondays after the changes", () => {
    const afterSpring = { scheduledFor: "2026-03-23T08:00:00+01:00" };
    expect(dueRuns(monday8, afterSpring, at("2026-03-30T05:59:59Z"))).toEqual([]);
    expect(keys(dueRuns(monday8, afterSpring, at("2026-03-30T06:00:00Z")))).toEqual(["2026-03-30T06:00:00.000Z"]);
    const afterAutumn = { scheduledFor: "2026-10-19T08:00:00+02:00" };
    expect(dueRuns(monday8, afterAutumn, at("2026-10-26T06:00:00Z"))).toEqual([]);
    expect(dueRuns(monday8, afterAutumn, at("2026-10-26T06:59:59Z"))).toEqual([]);
    expect(keys(dueRuns(monday8, afterAutumn, at("2026-10-26T07:00:00Z")))).toEqual(["2026-10-26T07:00:00.000Z"]);
    expect(new Date(nextOccurrence("0 8 * * 1", Date.parse("2026-03-23T07:00:00Z"))!).toISOString()).toBe("2026-03-30T06:00:00.000Z");
    expect(new Date(nextOccurrence("0 8 * * 1", Date.parse("2026-10-19T06:00:00Z"))!).toISOString()).toBe("2026-10-26T07:00:00.000Z");
  });
});

describeEachDatabase("daylight saving through the scheduler", (kind) => {
  let db: SharedDatabase;
  let scheduler: DigestScheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    await db.close();
  });

  it("posts the Monday 08:00 digest at 08:00 local on both sides of each change", async () => {
    db = sharedDatabase(kind);
    const time = controlledClock("2026-01-01T09:00:00+01:00");
    const sv = await instance(db, time.clock);
    const { asAdvisor } = await seedWorld(sv, time.set);
    time.set("2026-03-16T12:00:00+01:00");
    const sub = await sv.digests.create({ target: slackChannel, scope: { kind: "country" }, postWhenEmpty: true }, asAdvisor);
    const poster = recordingPoster();
    time.set("2026-03-20T12:00:00+01:00");
    scheduler = startDigestScheduler({ samverkan: sv, posters: { slack: poster }, clock: time.clock, timer: false });
    await scheduler.ready;
    const ticks = [
      "2026-03-23T06:59:00Z",
      "2026-03-23T07:00:00Z", // winter: 08:00 = 07:00Z
      "2026-03-30T05:00:00Z",
      "2026-03-30T06:00:00Z",
      "2026-03-30T07:00:00Z", // summer: 08:00 = 06:00Z
      "2026-10-19T06:00:00Z",
      "2026-10-26T06:00:00Z",
      "2026-10-26T07:00:00Z", // winter again: 07:00 = 06:00Z is too early
    ];
    const postedAt: string[] = [];
    for (const tick of ticks) {
      time.set(tick);
      const before = poster.posts.length;
      await scheduler.tick();
      if (poster.posts.length > before) postedAt.push(tick);
    }
    expect(postedAt).toEqual(["2026-03-23T07:00:00Z", "2026-03-30T06:00:00Z", "2026-10-19T06:00:00Z", "2026-10-26T07:00:00Z"]);
    const runs = await sv.digests.runs({ subscription: sub.id });
    expect(runs.map((r) => [r.scheduledFor, r.late])).toEqual([
      ["2026-10-26T08:00:00+01:00", false],
      ["2026-10-19T08:00:00+02:00", false],
      ["2026-03-30T08:00:00+02:00", false],
      ["2026-03-23T08:00:00+01:00", false],
    ]);
  });
});
