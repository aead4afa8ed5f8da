import { afterAll, beforeEach, expect, it } from "vitest";
import { as, buildWorld, describeEachStore, storesReady, type World } from "../support/stores";

await storesReady;

describeEachStore("digest runs", (factory) => {
  let w: World;
  let subscriptionId: string;
  const monday = new Date("2026-11-23T07:00:00.000Z");
  const previous = new Date("2026-11-16T07:00:00.000Z");

  beforeEach(async () => {
    w = await buildWorld(await factory.open());
    subscriptionId = (
      await w.sv.digests.create({ target: { platform: "slack", teamId: "T0001", channelId: "C1" }, scope: { kind: "country" } }, as(w.unitHead))
    ).id;
  });
  afterAll(() => factory.cleanup());

  it("lets exactly one of many concurrent claimers take a period", async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: `instance-${i}` }),
      ),
    );
    const winners = claims.filter((c) => c !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({
      periodKey: "2026-11-23T07:00:00.000Z",
      scheduledFor: "2026-11-23T08:00:00+01:00",
      periodStart: "2026-11-16T08:00:00+01:00",
      status: "posting",
      attempts: 0,
    });
    expect(await w.sv.digests.runs({ subscription: "D-1" })).toHaveLength(1);
  });

  it("records attempts and the result, and remembers the last posted digest", async () => {
    const run = (await w.sv.digests.claimRun({ subscriptionId, scheduledFor: previous, periodStart: previous, late: false, claimedBy: "a" }))!;
    await w.sv.digests.finishRun(run.id, { status: "posted", attempts: 1 });
    const late = (await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: true, claimedBy: "b" }))!;
    await w.sv.digests.recordAttempt(late.id, 1, "HTTP 500");
    expect((await w.sv.digests.runs({ status: "posting" }))[0]).toMatchObject({ attempts: 1, error: "HTTP 500" });
    const failed = await w.sv.digests.finishRun(late.id, { status: "failed", attempts: 3, error: "HTTP 503 after 3 attempts" });
    expect(failed).toMatchObject({ status: "failed", attempts: 3, late: true, postedAt: null, finishedAt: "2026-11-23T09:00:00+01:00" });
    expect((await w.sv.digests.lastRun(subscriptionId))?.periodKey).toBe(monday.toISOString());
    expect(await w.sv.digests.lastPosted(subscriptionId)).toMatchObject({
      periodKey: previous.toISOString(),
      status: "posted",
      postedAt: "2026-11-23T09:00:00+01:00",
    });
    expect((await w.sv.digests.runs({ subscription: subscriptionId })).map((r) => r.status)).toEqual(["failed", "posted"]);
  });

  it("marks runs abandoned mid-post as failed and releases them to be taken over", async () => {
    await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: "crashed", leaseMs: 60 * 60_000 });
    expect(await w.sv.digests.expireAbandonedRuns(30 * 60_000)).toBe(0);
    w.setNow("2026-11-23T10:00:00+01:00");
    expect(await w.sv.digests.expireAbandonedRuns(30 * 60_000)).toBe(1);
    expect((await w.sv.digests.runs())[0]).toMatchObject({ status: "failed", error: expect.stringContaining("abandoned") });
    expect(await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: "again" })).toMatchObject({
      status: "posting",
      claims: 2,
      claimedBy: "again",
    });
  });

  it("lets exactly one instance take over a claim whose lease ran out", async () => {
    const crashed = (await w.sv.digests.claimRun({
      subscriptionId,
      scheduledFor: monday,
      periodStart: previous,
      late: false,
      claimedBy: "crashed",
      leaseMs: 10 * 60_000,
    }))!;
    expect(crashed).toMatchObject({ claims: 1, leaseUntil: "2026-11-23T09:10:00+01:00", deliveryRef: null });
    w.setNow("2026-11-23T09:09:59+01:00");
    expect(await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: "too-early" })).toBeUndefined();
    w.setNow("2026-11-23T09:10:00+01:00");
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: true, claimedBy: `instance-${i}` }),
      ),
    );
    const winners = claims.filter((c) => c !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ id: crashed.id, status: "posting", claims: 2, late: true, leaseUntil: "2026-11-23T09:20:00+01:00" });
    // The platform's id for the post is kept from the moment it is known, and after finishing.
    await w.sv.digests.recordDelivery(crashed.id, "1767300001.000100");
    expect((await w.sv.digests.runs())[0]?.deliveryRef).toBe("1767300001.000100");
    expect(await w.sv.digests.finishRun(crashed.id, { status: "posted", attempts: 1 })).toMatchObject({
      status: "posted",
      deliveryRef: "1767300001.000100",
      leaseUntil: null,
    });
    w.setNow("2026-11-24T09:00:00+01:00");
    expect(await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: true, claimedBy: "much-later" })).toBeUndefined();
  });

  it("claims a failed period again once its retry time came, and a final failure never", async () => {
    const run = (await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: "a" }))!;
    expect(await w.sv.digests.finishRun(run.id, { status: "failed", attempts: 3, error: "HTTP 503", retryAfterMs: 15 * 60_000 })).toMatchObject({
      status: "failed",
      leaseUntil: "2026-11-23T09:15:00+01:00",
    });
    expect(await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: "b" })).toBeUndefined();
    w.setNow("2026-11-23T09:15:00+01:00");
    const again = (await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: "b" }))!;
    expect(again).toMatchObject({ id: run.id, status: "posting", claims: 2, claimedBy: "b" });
    await w.sv.digests.finishRun(run.id, { status: "failed", attempts: 3, error: "still 503" });
    w.setNow("2026-11-30T07:00:00+01:00");
    expect(await w.sv.digests.claimRun({ subscriptionId, scheduledFor: monday, periodStart: previous, late: false, claimedBy: "c" })).toBeUndefined();
  });

  it("keeps the flagged-schools set of the previous digest per subscription, until removal", async () => {
    expect(await w.sv.digests.flaggedSnapshot(subscriptionId)).toBeUndefined();
    await w.sv.digests.saveFlaggedSnapshot(subscriptionId, ["39907811", "13746989", "39907811"]);
    expect(await w.sv.digests.flaggedSnapshot(subscriptionId)).toEqual(["13746989", "39907811"]);
    await w.sv.digests.saveFlaggedSnapshot(subscriptionId, []);
    expect(await w.sv.digests.flaggedSnapshot(subscriptionId)).toEqual([]);
    await w.sv.digests.remove(subscriptionId, as(w.unitHead));
    expect(await w.sv.digests.flaggedSnapshot(subscriptionId)).toBeUndefined();
  });
});
