import { afterEach, beforeEach, expect, it } from "vitest";
import type { Samverkan } from "@samverkan/sdk";
import { renderText } from "../../src/index";
import { startDigestScheduler, type DigestPoster, type DigestScheduler, type TickReport } from "../../src/digest/index";
import {
  addResult,
  channelGone,
  controlledClock,
  databasesReady,
  describeEachDatabase,
  instance,
  recordingLogger,
  recordingPoster,
  seedWorld,
  sharedDatabase,
  slackChannel,
  type RecordingPoster,
  type Seeded,
  type SharedDatabase,
} from "./support";

await databasesReady;

/**
 * Two bot instances share one store and one controlled clock. A subscription made on
 * Wednesday 2026-11-18 posts Västernorrland's digest on Mondays at 08:00 Swedish time.
 */
describeEachDatabase("digest scheduler with two instances", (kind) => {
  let db: SharedDatabase;
  let time: ReturnType<typeof controlledClock>;
  let a: Samverkan;
  let b: Samverkan;
  let seeded: Seeded;
  let subscriptionId: string;
  const schedulers: DigestScheduler[] = [];

  beforeEach(async () => {
    db = sharedDatabase(kind);
    time = controlledClock("2026-10-01T09:00:00+02:00");
    a = await instance(db, time.clock);
    b = await instance(db, time.clock);
    seeded = await seedWorld(a, time.set);
    time.set("2026-11-18T15:00:00+01:00");
    subscriptionId = (await b.digests.create({ target: slackChannel, scope: { kind: "counties", counties: ["22"] } }, seeded.asAdvisor)).id;
  });

  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    await db.close();
  });

  function start(sv: Samverkan, poster: RecordingPoster, extra: Partial<Parameters<typeof startDigestScheduler>[0]> = {}): DigestScheduler {
    const scheduler = startDigestScheduler({
      samverkan: sv,
      posters: { slack: poster },
      clock: time.clock,
      timer: false,
      sleep: async () => undefined,
      ...extra,
    });
    schedulers.push(scheduler);
    return scheduler;
  }

  const outcomes = (reports: TickReport[]) => reports.flatMap((r) => r.runs.map((run) => run.outcome)).sort();

  it("posts each Monday's digest exactly once however the two instances race", async () => {
    const posterA = recordingPoster();
    const posterB = recordingPoster();
    time.set("2026-11-23T08:00:02+01:00");
    const first = await Promise.all([start(a, posterA).ready, start(b, posterB).ready]);
    expect(posterA.posts.length + posterB.posts.length).toBe(1);
    expect(outcomes(first).filter((o) => o === "posted")).toHaveLength(1);
    // Ticks keep coming all week; nothing more is posted for the period.
    for (const at of ["2026-11-23T08:01:00+01:00", "2026-11-24T12:00:00+01:00", "2026-11-30T07:59:00+01:00"]) {
      time.set(at);
      await Promise.all(schedulers.map((s) => s.tick()));
    }
    expect(posterA.posts.length + posterB.posts.length).toBe(1);
    time.set("2026-11-30T08:00:00+01:00");
    await Promise.all([...schedulers.map((s) => s.tick()), ...schedulers.map((s) => s.tick())]);
    const posts = [...posterA.posts, ...posterB.posts];
    expect(posts).toHaveLength(2);
    expect(posts.every((p) => p.target.platform === "slack" && p.target.channelId === "C0DIGEST")).toBe(true);
    const runs = await a.digests.runs({ subscription: subscriptionId });
    expect(runs.map((r) => [r.periodKey, r.status, r.late, r.attempts])).toEqual([
      ["2026-11-30T07:00:00.000Z", "posted", false, 1],
      ["2026-11-23T07:00:00.000Z", "posted", false, 1],
    ]);
    // The first digest reports on the week before it; the second since the first.
    expect(runs[1]?.periodStart).toBe("2026-11-16T08:00:00+01:00");
    expect(runs[0]?.periodStart).toBe("2026-11-23T08:00:00+01:00");
    const firstPost = posts.find((p) => renderText(p.message).includes("Sammanfattning mån 23 nov 08:00"));
    const text = renderText(firstPost!.message);
    expect(text).toContain("Västernorrlands län");
    expect(text).toContain("Härnösands kommun");
    expect(text).toContain("U-1 Öka närvaron");
    expect(text).toContain("U-2 Elevhälsoarbete → Genomförande");
    expect(text).not.toContain("Försenad");
  });

  it("after downtime posts only the most recent missed Monday, once, marked late", async () => {
    const before = recordingPoster();
    time.set("2026-11-23T08:00:00+01:00");
    await start(a, before).ready;
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    expect(before.posts).toHaveLength(1);

    // Both instances were down over two Mondays (Nov 30 and Dec 7) and come back on Tuesday.
    time.set("2026-12-08T10:15:00+01:00");
    const posterA = recordingPoster();
    const posterB = recordingPoster();
    const reports = await Promise.all([start(a, posterA).ready, start(b, posterB).ready]);
    const posts = [...posterA.posts, ...posterB.posts];
    expect(posts).toHaveLength(1);
    expect(outcomes(reports)).toContain("posted");
    const text = renderText(posts[0]!.message);
    expect(text).toContain("Försenad");
    expect(text).toContain("mån 7 dec 08:00");
    expect(posts[0]!.message.text).toMatch(/^Försenad: /);
    const runs = await a.digests.runs({ subscription: "D-1" });
    expect(runs.map((r) => [r.periodKey, r.late, r.status])).toEqual([
      ["2026-12-07T07:00:00.000Z", true, "posted"],
      ["2026-11-23T07:00:00.000Z", false, "posted"],
    ]);
    // Nothing fell between the two digests: the late one reports since the last posted.
    expect(runs[0]?.periodStart).toBe("2026-11-23T08:00:00+01:00");
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(posterA.posts.length + posterB.posts.length).toBe(1);
  });

  it("retries a failed post with backoff, then records the failure and logs it", async () => {
    const poster = recordingPoster();
    const logger = recordingLogger();
    const waits: number[] = [];
    poster.failNext(99, () => new Error("Slack answered HTTP 503"));
    time.set("2026-11-23T08:00:00+01:00");
    const scheduler = start(a, poster, { logger, sleep: async (ms) => void waits.push(ms), retry: { attempts: 3, delaysMs: [2_000, 8_000] } });
    expect(outcomes([await scheduler.ready])).toEqual(["failed"]);
    expect(poster.calls).toBe(3);
    expect(waits).toEqual([2_000, 8_000]);
    const [run] = await b.digests.runs({ subscription: subscriptionId });
    expect(run).toMatchObject({ status: "failed", attempts: 3, error: "Error: Slack answered HTTP 503", postedAt: null });
    expect(logger.lines.filter((l) => l.level === "warn").map((l) => l.msg)).toEqual(["digest post failed; retrying", "digest post failed; retrying"]);
    expect(logger.lines.find((l) => l.level === "error")).toMatchObject({ msg: "digest post failed after retries", obj: { subscription: "D-1", attempts: 3 } });
    expect(run!.leaseUntil).toBe("2026-11-23T08:15:00+01:00");
    // Not lost: nothing before the retry time, then the period is posted once.
    time.set("2026-11-23T08:14:00+01:00");
    await scheduler.tick();
    expect(poster.calls).toBe(3);
    poster.failNext(0, () => new Error("unused"));
    time.set("2026-11-23T08:15:00+01:00");
    expect(outcomes([await scheduler.tick()])).toEqual(["posted"]);
    time.set("2026-11-23T09:00:00+01:00");
    await scheduler.tick();
    expect(poster.posts).toHaveLength(1);
    expect((await b.digests.runs({ subscription: subscriptionId }))[0]).toMatchObject({ status: "posted", claims: 2, deliveryRef: "posted-1", late: false });
  });

  it("succeeds on a retry and records how many attempts it took", async () => {
    const poster = recordingPoster();
    poster.failNext(2, () => new Error("socket hang up"));
    time.set("2026-11-23T08:00:00+01:00");
    await start(a, poster).ready;
    expect(poster.posts).toHaveLength(1);
    expect((await a.digests.runs())[0]).toMatchObject({ status: "posted", attempts: 3, error: null });
  });

  it("never posts twice when a digest went out but its result could not be recorded", async () => {
    const poster = recordingPoster();
    const logger = recordingLogger();
    const finishRun = a.digests.finishRun;
    a.digests.finishRun = async () => {
      throw new Error("connection to the store lost");
    };
    time.set("2026-11-23T08:00:00+01:00");
    const scheduler = start(a, poster, { logger });
    expect(outcomes([await scheduler.ready])).toEqual(["posted"]);
    a.digests.finishRun = finishRun;
    expect(logger.lines.find((l) => l.level === "error")?.msg).toBe("digest posted, but its run could not be recorded");
    time.set("2026-11-23T09:00:00+01:00");
    await scheduler.tick();
    expect(poster.calls).toBe(1);
    // After its lease the run is taken over, found posted (its id was recorded) and finished.
    expect((await b.digests.runs())[0]).toMatchObject({ status: "posted", claims: 2, deliveryRef: "posted-1" });
  });

  it("takes over a run whose instance crashed between claim and post, after the lease, and posts it once", async () => {
    time.set("2026-11-23T08:00:00+01:00");
    // An instance claimed the period and died before posting.
    await b.digests.claimRun({
      subscriptionId,
      scheduledFor: new Date("2026-11-23T07:00:00.000Z"),
      periodStart: new Date("2026-11-16T07:00:00.000Z"),
      late: false,
      claimedBy: "crashed-instance",
    });
    const poster = recordingPoster();
    const scheduler = start(a, poster, { leaseMs: 10 * 60_000 });
    expect(outcomes([await scheduler.ready])).toEqual([]);
    time.set("2026-11-23T08:09:00+01:00");
    await scheduler.tick();
    expect(poster.calls).toBe(0);
    time.set("2026-11-23T08:10:00+01:00");
    expect(outcomes([await scheduler.tick()])).toEqual(["posted"]);
    for (const at of ["2026-11-23T08:30:00+01:00", "2026-11-24T08:00:00+01:00"]) {
      time.set(at);
      await scheduler.tick();
    }
    expect(poster.posts).toHaveLength(1);
    expect(renderText(poster.posts[0]!.message)).toContain("sedan mån 16 nov 08:00");
    expect((await b.digests.runs({ subscription: subscriptionId }))[0]).toMatchObject({
      status: "posted",
      claims: 2,
      claimedBy: expect.not.stringContaining("crashed"),
    });
  });

  it("never posts again a digest the platform accepted although its answer was lost: it looks first", async () => {
    const channel: Array<{ runId: string; text: string }> = [];
    let calls = 0;
    const poster: DigestPoster = {
      async post(_target, message, delivery) {
        calls++;
        // Accepted, then the answer is lost (a timeout): the caller cannot know it went out.
        channel.push({ runId: delivery!.runId, text: message.text });
        throw new Error("request timed out");
      },
      async findPosted(_target, delivery) {
        return channel.some((m) => m.runId === delivery.runId) ? "1767300001.000100" : undefined;
      },
    };
    time.set("2026-11-23T08:00:00+01:00");
    const logger = recordingLogger();
    const scheduler = startDigestScheduler({ samverkan: a, posters: { slack: poster }, clock: time.clock, timer: false, sleep: async () => undefined, logger });
    schedulers.push(scheduler);
    expect(outcomes([await scheduler.ready])).toEqual(["posted"]);
    expect(calls).toBe(1);
    expect(channel).toHaveLength(1);
    expect((await b.digests.runs())[0]).toMatchObject({ status: "posted", deliveryRef: "1767300001.000100" });
    expect(logger.lines.map((l) => l.msg)).toContain("digest was already posted; not posting again");
  });

  it("pauses the subscription with a reason when the bot was removed from the channel", async () => {
    const poster = recordingPoster();
    poster.failNext(1, channelGone("not_in_channel"));
    time.set("2026-11-23T08:00:00+01:00");
    const scheduler = start(a, poster);
    expect(outcomes([await scheduler.ready])).toEqual(["channel_gone"]);
    expect(poster.calls).toBe(1);
    const sub = await b.digests.get(subscriptionId);
    expect(sub.status).toBe("paused");
    expect(sub.pausedReason).toContain("not_in_channel");
    expect(sub.pausedReason).toContain("digest återuppta D-1");
    expect((await b.digests.runs())[0]).toMatchObject({ status: "channel_gone", attempts: 1 });
    expect((await b.audit.list({ entityId: subscriptionId }))[0]).toMatchObject({ action: "digest.pause", actorLabel: "system:digest-scheduler" });
    time.set("2026-11-30T08:00:00+01:00");
    await scheduler.tick();
    expect(poster.calls).toBe(1);
  });

  it("stays quiet when there is nothing to say, unless asked to post anyway", async () => {
    const quiet = await a.digests.create({ target: { ...slackChannel, channelId: "C0NORR" }, scope: { kind: "counties", counties: ["25"] } }, seeded.asAdvisor);
    const chatty = await a.digests.create(
      { target: { ...slackChannel, channelId: "C0NORR2" }, scope: { kind: "counties", counties: ["25"] }, postWhenEmpty: true, locale: "en" },
      seeded.asAdvisor,
    );
    const poster = recordingPoster();
    time.set("2026-11-23T08:00:00+01:00");
    await start(a, poster).ready;
    expect((await a.digests.runs({ subscription: quiet.id }))[0]?.status).toBe("skipped_empty");
    expect((await a.digests.runs({ subscription: chatty.id }))[0]?.status).toBe("posted");
    const english = poster.posts.find((p) => p.target.platform === "slack" && p.target.channelId === "C0NORR2");
    expect(renderText(english!.message)).toContain("Nothing new since the last digest.");
    expect(poster.posts).toHaveLength(2);
  });

  it("names school units newly flagged since the previous digest", async () => {
    const poster = recordingPoster();
    time.set("2026-11-23T08:00:00+01:00");
    const scheduler = start(a, poster);
    await scheduler.ready;
    expect(renderText(poster.posts[0]!.message)).toContain(
      "Skolenheter med låga resultat: 1 flaggade i urvalet. Nya flaggningar visas från nästa sammanfattning.",
    );
    expect(await b.digests.flaggedSnapshot(subscriptionId)).toEqual(["87654321"]);
    // During the week a new school's results come in, low; one elsewhere in Sweden too.
    const sundsvall = await b.organizers.find("Sundsvalls kommun");
    const system = { actor: { system: "test" }, channel: "system" } as const;
    await b.schools.upsert(
      { code: "87654322", name: "Nybyggets skola", municipalityCode: "2281", organizerId: sundsvall!.id, typesOfSchooling: ["gr"] },
      system,
    );
    await addResult(b, "87654322", "shareAllSubjects", 41.5);
    time.set("2026-11-30T08:00:00+01:00");
    await scheduler.tick();
    const text = renderText(poster.posts[1]!.message);
    expect(text).toContain("Nyligen flaggade skolenheter (låga resultat): 1");
    expect(text).toContain("Nybyggets skola (87654322)");
    expect(text).toContain("godkända i alla ämnen 41,5 % (gräns 60 %)");
    expect(text).not.toContain("Åsbackaskolan (87654321)");
    expect(await b.digests.flaggedSnapshot(subscriptionId)).toEqual(["87654321", "87654322"]);
  });

  it("leaves subscriptions of a platform it has no poster for to the other app", async () => {
    await a.digests.create({ target: { platform: "teams", conversationId: "19:abc@thread.tacv2" }, scope: { kind: "country" } }, seeded.asAdvisor);
    const slack = recordingPoster();
    const teams = recordingPoster();
    time.set("2026-11-23T08:00:00+01:00");
    await start(a, slack).ready;
    expect(slack.posts.map((p) => p.target.platform)).toEqual(["slack"]);
    const teamsScheduler = startDigestScheduler({ samverkan: b, posters: { teams }, clock: time.clock, timer: false });
    schedulers.push(teamsScheduler);
    await teamsScheduler.ready;
    expect(teams.posts.map((p) => p.target.platform)).toEqual(["teams"]);
  });
});
